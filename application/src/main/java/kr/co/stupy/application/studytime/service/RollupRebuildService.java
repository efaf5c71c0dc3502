package kr.co.stupy.application.studytime.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.RebuiltFromLedger;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.UserDayTotals;
import kr.co.stupy.studytime.UserPeriodTotals;

/**
 * Rebuilds every roll-up from the ledger: one pass over the finished sessions computes each read model's
 * totals as finishing those sessions makes them, each read model is compared with what it stores, and
 * one that differs is replaced and read back. Each read model is repaired on its own, so a rebuild that
 * finds only the ranking buckets lost rewrites nothing else.
 */
public final class RollupRebuildService implements RebuildRollupsUseCase {

    private final StudyLedger ledger;
    private final StudyRollups rollups;
    private final StudyDayPolicy policy;

    public RollupRebuildService(StudyLedger ledger, StudyRollups rollups, StudyDayPolicy policy) {
        this.ledger = ledger;
        this.rollups = rollups;
        this.policy = policy;
    }

    /** Every read model's totals as the ledger makes them. */
    private record FromLedger(long sessions, UserDayTotals.Totals users, RoomPeriodTotals.Totals rooms, MemberTotals.Totals members,
                              UserPeriodTotals.Totals userPeriods, Map<String, QuarterHours> userQuarters,
                              Map<MemberQuarterHours.MemberKey, QuarterHours> memberQuarters) {
    }

    /** How one read model compared with the ledger: totals that differed before, and whether it matches now. */
    private record Repair(int differingBefore, boolean matches) {
    }

    @Override
    public Report rebuild() {
        FromLedger expected = fromLedger();
        Repair users = repair(rollups.userDays(), expected.users(), (want, have) -> differences(want.days(), have.days()));
        // The report tells a room's day totals from its ranking buckets, which are kept apart from them and can drift apart.
        RoomPeriodTotals.Totals storedRooms = rollups.roomPeriods().all();
        int roomDaysDiffering = differences(expected.rooms().days(), storedRooms.days());
        int roomBucketsDiffering = differences(expected.rooms().buckets(), storedRooms.buckets());
        Repair rooms = replaceIfDiffering(rollups.roomPeriods(), expected.rooms(), roomDaysDiffering + roomBucketsDiffering);
        Repair members = repair(rollups.memberTotals(), expected.members(),
                (want, have) -> differences(want.days(), have.days()) + differences(want.periods(), have.periods()));
        Repair userPeriods = repair(rollups.userPeriods(), expected.userPeriods(),
                (want, have) -> differences(want.days(), have.days()) + differences(want.buckets(), have.buckets()));
        Repair userQuarters = repair(rollups.userQuarters(), expected.userQuarters(), RollupRebuildService::quarterDifferences);
        Repair memberQuarters = repair(rollups.memberQuarters(), expected.memberQuarters(), RollupRebuildService::quarterDifferences);
        boolean matches = users.matches() && rooms.matches() && members.matches() && userPeriods.matches() && userQuarters.matches()
                && memberQuarters.matches();
        return new Report(expected.sessions(), expected.users().days().size(), expected.rooms().days().size(),
                expected.rooms().buckets().size(), expected.userPeriods().buckets().size(), expected.members().days().size(),
                expected.members().periods().size(), quarterCount(expected.userQuarters()), quarterCount(expected.memberQuarters()),
                users.differingBefore() + roomDaysDiffering, roomBucketsDiffering, userPeriods.differingBefore(),
                members.differingBefore(), userQuarters.differingBefore(), memberQuarters.differingBefore(), matches);
    }

    /** One pass over the finished sessions: each read model's totals, derived totals (buckets, capped periods) included. */
    private FromLedger fromLedger() {
        Map<UserDayTotals.UserDay, Long> users = new HashMap<>();
        Map<RoomPeriodTotals.RoomDay, Long> rooms = new HashMap<>();
        Map<MemberTotals.MemberDayKey, Long> members = new HashMap<>();
        Map<UserPeriodTotals.UserDay, Long> userPeriodDays = new HashMap<>();
        QuarterHours.Sums<String> userQuarterSums = new QuarterHours.Sums<>();
        QuarterHours.Sums<MemberQuarterHours.MemberKey> memberQuarterSums = new QuarterHours.Sums<>();
        long[] sessions = {0};
        ledger.forEachFinished(session -> {
            sessions[0]++;
            QuarterHours mine = QuarterHours.of(session);
            userQuarterSums.add(session.userId().value(), mine);
            memberQuarterSums.add(new MemberQuarterHours.MemberKey(session.roomId().value(), session.userId().value()), mine);
            StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> {
                users.merge(new UserDayTotals.UserDay(session.userId().value(), day), seconds, Long::sum);
                rooms.merge(new RoomPeriodTotals.RoomDay(session.roomId().value(), day), seconds, Long::sum);
                members.merge(new MemberTotals.MemberDayKey(session.roomId().value(), session.userId().value(), day), seconds, Long::sum);
                userPeriodDays.merge(new UserPeriodTotals.UserDay(session.userId().value(), day), seconds, Long::sum);
            });
        });
        return new FromLedger(sessions[0], new UserDayTotals.Totals(users), RoomPeriodTotals.Totals.derived(rooms),
                MemberTotals.Totals.derived(members), UserPeriodTotals.Totals.derived(userPeriodDays), userQuarterSums.totals(),
                memberQuarterSums.totals());
    }

    /** Compares a read model with the ledger's totals and, when they differ, replaces them and reads them back. */
    private static <T> Repair repair(RebuiltFromLedger<T> model, T expected, ToIntBiFunction<T, T> differences) {
        return replaceIfDiffering(model, expected, differences.applyAsInt(expected, model.all()));
    }

    private static <T> Repair replaceIfDiffering(RebuiltFromLedger<T> model, T expected, int differing) {
        if (differing == 0) {
            return new Repair(0, true);
        }
        model.replaceAll(expected);
        return new Repair(differing, model.all().equals(expected));
    }

    /** Quarters and corrections, over every owner. */
    private static int quarterCount(Map<?, QuarterHours> byOwner) {
        return byOwner.values().stream().mapToInt(q -> q.seconds().size() + q.corrections().size()).sum();
    }

    /** Quarters and corrections that are missing, extra or different, over every owner (a user, or a room member). */
    private static <K> int quarterDifferences(Map<K, QuarterHours> expected, Map<K, QuarterHours> stored) {
        Set<K> owners = new HashSet<>(expected.keySet());
        owners.addAll(stored.keySet());
        int differing = 0;
        for (K owner : owners) {
            QuarterHours want = expected.getOrDefault(owner, QuarterHours.NONE);
            QuarterHours have = stored.getOrDefault(owner, QuarterHours.NONE);
            differing += differences(want.seconds(), have.seconds()) + differences(want.corrections(), have.corrections());
        }
        return differing;
    }

    private static <K> int differences(Map<K, Long> expected, Map<K, Long> stored) {
        int differing = 0;
        for (Map.Entry<K, Long> total : expected.entrySet()) {
            if (!total.getValue().equals(stored.get(total.getKey()))) {
                differing++;
            }
        }
        for (K key : stored.keySet()) {
            if (!expected.containsKey(key)) {
                differing++;
            }
        }
        return differing;
    }
}
