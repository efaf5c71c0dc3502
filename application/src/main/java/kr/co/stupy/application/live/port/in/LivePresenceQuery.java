package kr.co.stupy.application.live.port.in;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Who is live where, as every node sees it: what other contexts read to show running study time and live counts. */
public interface LivePresenceQuery {

    List<LiveConnection> liveInRoom(RoomId roomId);

    Optional<LiveConnection> liveConnectionOf(UserId userId);

    /** Everyone live in every room. */
    List<LiveConnection> liveEverywhere();

    /** How many are live in each room; rooms nobody is live in may be absent. */
    Map<RoomId, Integer> liveCounts(Collection<RoomId> roomIds);
}
