package kr.co.stupy.application.live.port.in;

/**
 * Recomputes the per-day roll-ups from the ledger, the truth they are derived from, writes them if
 * they differ, and reads them back to prove they match. Run it while no node finishes sessions
 * (before a node starts serving, or with every node stopped): a session finished during the rebuild
 * could be counted twice or not at all.
 */
public interface RebuildRollupsUseCase {

    Report rebuild();

    /**
     * @param sessions          finished sessions read from the ledger
     * @param userDays          (user, day) totals the ledger makes
     * @param roomDays          (room, day) totals the ledger makes
     * @param differingBefore   totals that were missing, extra or different before the rebuild
     * @param matches           whether the stored roll-ups equal the ledger's totals afterwards
     */
    record Report(long sessions, int userDays, int roomDays, int differingBefore, boolean matches) {
    }
}
