package kr.co.stupy.adapter.web.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.rooms.RoomResponse;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery;
import kr.co.stupy.application.studytime.port.in.StudyStatsQuery;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyStats;

/** {@code GET /api/users/me/stats} and {@code GET /api/rankings/rooms}. */
public final class StatsRoutes implements RouteGroup {

    private final StudyStatsQuery stats;
    private final RoomRankingQuery rankings;
    private final FindRoomsQuery rooms;
    private final ZoneId defaultZone;
    private final ReadBudget reads;

    public StatsRoutes(StudyStatsQuery stats, RoomRankingQuery rankings, FindRoomsQuery rooms, ZoneId defaultZone, ReadBudget reads) {
        this.stats = stats;
        this.rankings = rankings;
        this.rooms = rooms;
        this.defaultZone = defaultZone;
        this.reads = reads;
    }

    public record DayResponse(LocalDate date, long seconds) {
    }

    public record StatsResponse(long totalSeconds, List<DayResponse> days, int currentStreakDays, int longestStreakDays) {
        static StatsResponse of(StudyStats stats) {
            return new StatsResponse(stats.totalSeconds(), stats.days().stream().map(d -> new DayResponse(d.date(), d.seconds())).toList(),
                    stats.currentStreakDays(), stats.longestStreakDays());
        }
    }

    public record RankedRoomResponse(long rank, long studySeconds, RoomResponse room) {
    }

    public record RankingResponse(String period, List<RankedRoomResponse> items) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/users/me/stats", this::stats);
        routes.get("/api/rankings/rooms", this::ranking);
    }

    private void stats(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = date(ctx, "from", errors);
        Optional<LocalDate> to = date(ctx, "to", errors);
        ZoneId zone = defaultZone;
        String tz = ctx.queryParam("tz");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz.strip());
            } catch (DateTimeException e) {
                errors.add(new InvalidInputException.FieldError("tz", "must be a time zone such as Asia/Seoul"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(StatsResponse.of(stats.stats(Authenticated.userId(ctx), from, to, zone)));
    }

    private static Optional<LocalDate> date(Context ctx, String name, List<InvalidInputException.FieldError> errors) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeException e) {
            errors.add(new InvalidInputException.FieldError(name, "must be a date such as 2026-11-01"));
            return Optional.empty();
        }
    }

    private void ranking(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String rawPeriod = ctx.queryParam("period");
        Optional<StudyPeriod> period = rawPeriod == null ? Optional.of(StudyPeriod.DAY) : StudyPeriod.parse(rawPeriod.strip());
        if (period.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("period", "must be day, week, month or all"));
        }
        int limit = RoomRankingQuery.DEFAULT_LIMIT;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > RoomRankingQuery.MAX_LIMIT) {
                errors.add(new InvalidInputException.FieldError("limit", "must be a whole number from 1 to " + RoomRankingQuery.MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<RoomRankingQuery.RankedRoom> ranked = rankings.ranking(period.get(), limit);
        Map<RoomId, RoomView> views = rooms.views(ranked.stream().map(RoomRankingQuery.RankedRoom::roomId).toList()).stream()
                .collect(Collectors.toMap(v -> v.room().id(), Function.identity()));
        // A room deleted between the two reads is left out rather than shown without a room.
        List<RankedRoomResponse> items = ranked.stream().filter(r -> views.containsKey(r.roomId()))
                .map(r -> new RankedRoomResponse(r.rank(), r.studySeconds(), RoomResponse.of(views.get(r.roomId())))).toList();
        ctx.json(new RankingResponse(period.get().name().toLowerCase(java.util.Locale.ROOT), items));
    }
}
