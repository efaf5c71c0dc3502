package kr.co.stupy.adapter.web.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.LimitParam;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.UserRanking;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyPeriod;

/**
 * {@code GET /api/rankings/users?period=day|week|month&tz=&limit=}, which {@link StatsRoutes} registers next
 * to the room ranking; a class of its own, so each stays one concern. Malformed parameters are all
 * reported at once without reading anything; a well-formed zone other than the configured one is the
 * service's to refuse, since only it knows which zones have the configured study days.
 */
public final class UserRankingRoutes implements RouteGroup {

    private final UserRankingQuery rankings;
    private final ZoneId defaultZone;
    private final ReadBudget reads;

    public UserRankingRoutes(UserRankingQuery rankings, ZoneId defaultZone, ReadBudget reads) {
        this.rankings = rankings;
        this.defaultZone = defaultZone;
        this.reads = reads;
    }

    public record RankedUserResponse(long rank, String userId, String nickname, String profileImageUrl, long studySeconds, boolean live) {
    }

    /** {@code rank} and {@code percentile} are null for a user without study in the period. */
    public record StandingResponse(Long rank, long studySeconds, Double percentile) {
    }

    public record UserRankingResponse(List<RankedUserResponse> items, StandingResponse me) {
        static UserRankingResponse of(UserRanking ranking) {
            List<RankedUserResponse> items = ranking.items().stream().map(u -> new RankedUserResponse(u.rank(), u.userId().value(),
                    u.nickname(), u.profileImage().map(ImageUrls::of).orElse(null), u.studySeconds(), u.live())).toList();
            UserRankingQuery.Standing me = ranking.me();
            return new UserRankingResponse(items, new StandingResponse(me.rank().isPresent() ? me.rank().getAsLong() : null,
                    me.studySeconds(), me.percentile().isPresent() ? me.percentile().getAsDouble() : null));
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/rankings/users", this::ranking);
    }

    private void ranking(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String rawPeriod = ctx.queryParam("period");
        Optional<StudyPeriod> period = rawPeriod == null ? Optional.of(StudyPeriod.DAY)
                : StudyPeriod.parse(rawPeriod.strip()).filter(PeriodBucket.PERIODS::contains);
        if (period.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("period", "must be day, week or month"));
        }
        int limit = LimitParam.read(ctx, UserRankingQuery.DEFAULT_LIMIT, UserRankingQuery.MAX_LIMIT, errors);
        ZoneId zone = StatsParams.read(ctx, defaultZone, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(UserRankingResponse.of(rankings.ranking(Authenticated.userId(ctx), period.get(), zone, limit)));
    }
}
