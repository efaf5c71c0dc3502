package kr.co.stupy.application.rooms.service;

import java.util.List;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.rooms.Room;

/** Everything a room leaves behind once it is deleted: its picture and what other contexts keep about it. */
final class RoomLeftovers {

    private final ImageStore images;
    private final List<RoomRemovalCleanup> cleanups;

    RoomLeftovers(ImageStore images, List<RoomRemovalCleanup> cleanups) {
        this.images = images;
        this.cleanups = List.copyOf(cleanups);
    }

    void clear(Room room) {
        room.image().ifPresent(images::delete);
        cleanups.forEach(cleanup -> cleanup.roomRemoved(room.id()));
    }
}
