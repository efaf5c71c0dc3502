package kr.co.stupy.application.integration;

import java.util.Collection;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow;
import kr.co.stupy.shared.RoomId;

/**
 * Room pages read who is live and the running study from study time (which reads presence). They
 * keep answering while a shared bus is away: the rooms then show as nobody live and no time running,
 * which is wrong for a moment, where an error would hide the rooms.
 */
public final class LiveRoomCounts implements LiveRoomsView {

    private static final System.Logger LOG = System.getLogger(LiveRoomCounts.class.getName());

    private final RoomStudyNowQuery study;

    public LiveRoomCounts(RoomStudyNowQuery study) {
        this.study = study;
    }

    @Override
    public RoomsNow figures(Collection<RoomId> rooms) {
        try {
            return study.studyNow(rooms);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live figures unavailable ({0}); showing rooms without them", e.getMessage());
            return RoomsNow.NOBODY;
        }
    }
}
