package kr.co.stupy.adapter.web.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.studytime.port.in.StudyTodayQuery;
import kr.co.stupy.application.studytime.port.in.StudyTodayQuery.StudyToday;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.SubjectTimes;

/** {@code GET /api/users/me/today}: the student's own clock. */
public final class StudyClockRoutes implements RouteGroup {

    private final StudyTodayQuery today;
    private final ZoneId defaultZone;
    private final ReadBudget reads;

    public StudyClockRoutes(StudyTodayQuery today, ZoneId defaultZone, ReadBudget reads) {
        this.today = today;
        this.defaultZone = defaultZone;
        this.reads = reads;
    }

    public record SubjectResponse(String subject, long seconds) {
        static List<SubjectResponse> of(SubjectTimes times) {
            return times.mostFirst().stream()
                    .map(e -> new SubjectResponse(e.getKey().map(Subject::name).orElse(null), e.getValue())).toList();
        }
    }

    public record LiveResponse(String roomId, Instant since, String status, String subject, long sessionSeconds) {
    }

    public record TodayResponse(LocalDate date, long studySeconds, Integer goalMinutes, boolean goalMet, List<SubjectResponse> bySubject,
                                LiveResponse live, Instant serverTime) {
        static TodayResponse of(StudyToday today) {
            LiveResponse live = today.live().map(l -> new LiveResponse(l.roomId().value(), l.state().since(), l.state().status().key(),
                    l.state().subject().map(Subject::name).orElse(null), l.sessionSeconds())).orElse(null);
            return new TodayResponse(today.date(), today.studySeconds(), today.goal().map(DailyGoal::minutes).orElse(null),
                    today.goalMet(), SubjectResponse.of(today.bySubject()), live, today.serverTime());
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/users/me/today", this::today);
    }

    private void today(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        ZoneId zone = StatsParams.read(ctx, defaultZone, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(TodayResponse.of(today.today(Authenticated.userId(ctx), zone)));
    }
}
