package kr.co.stupy.bootstrap;

import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.service.RollupRebuildService;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.studytime.StudyDayPolicy;

/**
 * Rebuilds the per-day study roll-ups from the ledger and proves they match, with the same
 * environment a node reads ({@code STUPY_MONGO_URI} or {@code STUPY_DATA_DIR}, {@code STUPY_TIMEZONE},
 * {@code STUPY_DAY_START}). Run it with the nodes stopped (the embedded store is one process's file
 * anyway): {@code java -cp bootstrap/target/stupy.jar kr.co.stupy.bootstrap.RebuildRollups}.
 * Exit code 0 when the roll-ups match the ledger afterwards, 1 when they do not, 2 for bad settings.
 */
public final class RebuildRollups {

    private RebuildRollups() {
    }

    public static void main(String[] args) {
        RebuildRollupsUseCase.Report report = run(Main.settingsOrExit());
        System.out.println(describe(report));
        System.exit(report.matches() ? 0 : 1);
    }

    /** Opens the store the settings name, rebuilds, and closes it again. */
    public static RebuildRollupsUseCase.Report run(Settings settings) {
        EmbeddedMongo embedded = settings.mongoUri().isPresent() ? null : EmbeddedMongo.start(settings.dataDir(), Optional.empty());
        try (MongoStore store = MongoStore.connect(settings.mongoUri().orElseGet(embedded::connectionString))) {
            return rebuild(store.database(), new StudyDayPolicy(settings.timezone(), settings.dayStart()));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static RebuildRollupsUseCase.Report rebuild(MongoDatabase database, StudyDayPolicy policy) {
        // Only the ledger and the roll-ups take part.
        return new RollupRebuildService(new MongoStudyLedger(database), MongoStudyRollups.in(database), policy).rebuild();
    }

    static String describe(RebuildRollupsUseCase.Report report) {
        return "study roll-ups: " + report.sessions() + " finished sessions make " + report.userDays() + " (user, day), "
                + report.roomDays() + " (room, day), " + report.roomPeriods() + " (room, day/week/month), " + report.userPeriods()
                + " (user, day/week/month), " + report.memberDays()
                + " (room member, day), " + report.memberPeriods() + " (room member, week/month/all), " + report.userQuarters()
                + " (user, quarter hour) and " + report.memberQuarters() + " (room member, quarter hour) totals; "
                + report.differingBefore() + " day, " + report.periodsDifferingBefore() + " room period, "
                + report.userPeriodsDifferingBefore() + " user ranking day and period, "
                + report.membersDifferingBefore() + " room member, " + report.quartersDifferingBefore() + " user quarter-hour and "
                + report.memberQuartersDifferingBefore() + " room member quarter-hour totals differed before the rebuild; "
                + (report.matches() ? "they match the ledger now" : "they STILL DIFFER from the ledger");
    }
}
