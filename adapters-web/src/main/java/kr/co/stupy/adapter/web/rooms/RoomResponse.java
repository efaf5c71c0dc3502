package kr.co.stupy.adapter.web.rooms;

import java.time.Instant;
import java.util.List;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.Room;

/**
 * {@code Room} of the contract. The password never leaves: only whether there is one ({@code locked}).
 * Study figures include the sessions running now.
 */
public record RoomResponse(String id, String title, String description, List<String> hashtags, String openChatUrl,
                           int maxMembers, int memberCount, String ownerId, boolean locked, String imageUrl,
                           boolean live, int liveCount, long totalStudySeconds, long rank, Instant createdAt,
                           long todayStudySeconds, List<StudyingNow> studyingNow) {

    /** A member live in the room now, studying or on a break. */
    public record StudyingNow(String userId, String nickname, String profileImageUrl, String status) {
        static StudyingNow of(RoomView.LiveMember member) {
            return new StudyingNow(member.userId().value(), member.nickname(), member.profileImage().map(ImageUrls::of).orElse(null),
                    member.state().status().key());
        }
    }

    public static RoomResponse of(RoomView view) {
        Room room = view.room();
        return new RoomResponse(room.id().value(), room.title().value(), room.description().value(),
                room.hashtags().stream().map(Hashtag::value).toList(),
                room.openChatUrl().map(OpenChatUrl::value).orElse(null),
                room.maxMembers(), room.memberCount(), room.ownerId().value(), room.locked(),
                room.image().map(ImageUrls::of).orElse(null),
                view.live(), view.liveCount(), view.totalStudySeconds(), view.rank(), room.createdAt(),
                view.todayStudySeconds(), view.studyingNow().stream().map(StudyingNow::of).toList());
    }
}
