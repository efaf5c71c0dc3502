package kr.co.stupy.application.studytime.port.in;

/**
 * Recomputes the per-day roll-ups, the rooms' and users' day/week/month ranking buckets, the room-member
 * totals and the users' and room members' quarter hours from the ledger, the truth they are derived from, writes them
 * if they differ, and reads them back to prove they match. Run it while no node finishes sessions
 * (before a node starts serving, or with every node stopped): a session finished during the rebuild
 * could be counted twice or not at all.
 */
public interface RebuildRollupsUseCase {

    Report rebuild();

    /**
     * @param sessions          finished sessions read from the ledger
     * @param userDays          (user, day) totals the ledger makes
     * @param roomDays          (room, day) totals the ledger makes
     * @param roomPeriods       (room, day/week/month bucket) totals the ledger makes
     * @param userPeriods       (user, day/week/month bucket) totals the ledger makes, each day capped, for user rankings
     * @param memberDays        (room, user, day) totals the ledger makes, for room leaderboards
     * @param memberPeriods     (room, user, week/month/all time) totals the ledger makes, for room leaderboards
     * @param userQuarters      (user, UTC quarter hour) totals and corrections the ledger makes, for statistics in other zones
     * @param memberQuarters    (room, user, UTC quarter hour) totals and corrections the ledger makes, for room leaderboards in other zones
     * @param differingBefore   user and room day totals that were missing, extra or different before the rebuild
     * @param periodsDifferingBefore room bucket totals that were missing, extra or different before the rebuild
     * @param userPeriodsDifferingBefore the user ranking's raw day and bucket totals that were missing, extra or different
     *                          before the rebuild
     * @param membersDifferingBefore member day and period totals that were missing, extra or different before the rebuild
     * @param quartersDifferingBefore user quarter-hour totals and corrections that were missing, extra or different before the rebuild
     * @param memberQuartersDifferingBefore member quarter-hour totals and corrections that were missing, extra or different
     *                          (or, stored, not found by a board) before the rebuild
     * @param matches           whether the stored roll-ups equal the ledger's totals afterwards
     */
    record Report(long sessions, int userDays, int roomDays, int roomPeriods, int userPeriods, int memberDays, int memberPeriods,
                  int userQuarters, int memberQuarters, int differingBefore, int periodsDifferingBefore, int userPeriodsDifferingBefore,
                  int membersDifferingBefore, int quartersDifferingBefore, int memberQuartersDifferingBefore, boolean matches) {
    }
}
