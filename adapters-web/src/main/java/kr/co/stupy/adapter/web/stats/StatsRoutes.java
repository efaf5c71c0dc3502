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
import kr.co.stupy.adapter.web.support.LimitParam;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery.StudyReport;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyStats;

/** {@code GET /api/users/me/stats}, {@code GET /api/rankings/rooms} and {@code GET /api/rankings/users} ({@link UserRankingRoutes}). */
public final class StatsRoutes implements RouteGroup {

    private final StudyReportQuery stats;
    private final RoomRankingQuery rankings;
    private final UserRankingRoutes userRankings;
    private final FindRoomsQuery rooms;
    private final ZoneId defaultZone;
    private final ReadBudget reads;

    public StatsRoutes(StudyReportQuery stats, RoomRankingQuery rankings, UserRankingQuery userRankings, FindRoomsQuery rooms,
                       ZoneId defaultZone, ReadBudget reads) {
        this.stats = stats;
        this.rankings = rankings;
        this.userRankings = new UserRankingRoutes(userRankings, defaultZone, reads);
        this.rooms = rooms;
        this.defaultZone = defaultZone;
        this.reads = reads;
    }

    public record DayResponse(LocalDate date, long seconds, boolean goalMet) {
    }

    /** {@code goalMinutes}: the goal that holds now; each day says whether it met the goal of its own day. */
    public record StatsResponse(long totalSeconds, List<DayResponse> days, int currentStreakDays, int longestStreakDays,
                                Integer goalMinutes, int goalStreakDays, List<StudyClockRoutes.SubjectResponse> bySubject) {
        static StatsResponse of(StudyReport report) {
            StudyStats stats = report.stats();
            return new StatsResponse(stats.totalSeconds(),
                    stats.days().stream().map(d -> new DayResponse(d.date(), d.seconds(), report.goalDays().met(d.date()))).toList(),
                    stats.currentStreakDays(), stats.longestStreakDays(), report.goal().map(DailyGoal::minutes).orElse(null),
                    report.goalDays().streakDays(), StudyClockRoutes.SubjectResponse.of(report.bySubject()));
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
        userRankings.register(routes);
    }

    private void stats(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = date(ctx, "from", errors);
        Optional<LocalDate> to = date(ctx, "to", errors);
        ZoneId zone = StatsParams.read(ctx, defaultZone, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(StatsResponse.of(stats.report(Authenticated.userId(ctx), from, to, zone)));
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
        int limit = LimitParam.read(ctx, RoomRankingQuery.DEFAULT_LIMIT, RoomRankingQuery.MAX_LIMIT, errors);
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
