package kr.co.stupy.application.live.port.in;

/** Ends what dead nodes, or this node's previous life, left live. */
public interface CloseStaleLiveUseCase {

    /**
     * Ends what a dead node left behind: live entries that stopped beating, and sessions still open
     * in the ledger, each closed at its last heartbeat so dead time never counts. Returns how many
     * sessions it closed.
     */
    int reap();

    /**
     * At the start of a node whose presence is its own (no shared bus), every session still open in
     * the ledger was left by this node's previous life: all of them end at their last heartbeat now.
     */
    int closeSessionsOfAPreviousRun();
}
