package kr.co.stupy.adapter.web.live;

import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;

/** The WebSocket close codes the contract gives each way a live connection ends, and their reasons. */
final class CloseCodes {

    /** A client that does not read its frames is closed with this (try again later). */
    static final int TOO_SLOW = 1013;
    static final int GOING_AWAY = 1001;
    static final int SERVER_ERROR = 1011;
    static final int BAD_TICKET = 4401;
    static final int NOT_ALLOWED = 4403;
    static final int ROOM_GONE = 4404;
    static final int REPLACED = 4409;
    static final int ROOM_FULL = 4429;

    private CloseCodes() {
    }

    /** The close code that follows the event, or 0 when the connection stays open. */
    static int after(LiveEvent event) {
        return switch (event) {
            case LiveEvent.Kicked kicked -> NOT_ALLOWED;
            case LiveEvent.Left left -> NOT_ALLOWED;
            case LiveEvent.RoomClosed closed -> ROOM_GONE;
            case LiveEvent.Replaced replaced -> REPLACED;
            default -> 0;
        };
    }

    static int of(ConnectLiveUseCase.Refusal refusal) {
        return switch (refusal) {
            case BAD_TICKET -> BAD_TICKET;
            case NOT_MEMBER -> NOT_ALLOWED;
            case ROOM_FULL -> ROOM_FULL;
        };
    }

    static String reason(int code) {
        return switch (code) {
            case BAD_TICKET -> "ticket refused";
            case NOT_ALLOWED -> "kicked";
            case ROOM_GONE -> "room closed";
            case REPLACED -> "replaced";
            case ROOM_FULL -> "room full";
            case GOING_AWAY -> "server stopping";
            case TOO_SLOW -> "reading too slowly";
            default -> "closed";
        };
    }
}
