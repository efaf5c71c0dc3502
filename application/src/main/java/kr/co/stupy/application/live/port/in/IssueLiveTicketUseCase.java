package kr.co.stupy.application.live.port.in;

import java.util.Objects;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** A member asks to go live: {@code ROOM_NOT_FOUND}, {@code BANNED} or {@code NOT_MEMBER} otherwise. */
public interface IssueLiveTicketUseCase {

    record IssueLiveTicket(UserId userId, RoomId roomId) {
        public IssueLiveTicket {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(roomId, "roomId");
        }
    }

    LiveTickets.Ticket issueTicket(IssueLiveTicket command);
}
