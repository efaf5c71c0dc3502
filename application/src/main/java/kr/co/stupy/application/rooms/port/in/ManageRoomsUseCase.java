package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Opening, changing and closing rooms. */
public interface ManageRoomsUseCase {

    record CreateRoomCommand(UserId creator, RoomTitle title, RoomDescription description, Optional<RoomPassword> password,
                             List<Hashtag> hashtags, Optional<OpenChatUrl> openChatUrl, Optional<Integer> maxMembers) {
        public CreateRoomCommand {
            if (creator == null || title == null || description == null) {
                throw new IllegalArgumentException("a room has a creator, a title and a description");
            }
            password = password == null ? Optional.empty() : password;
            hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
            openChatUrl = openChatUrl == null ? Optional.empty() : openChatUrl;
            maxMembers = maxMembers == null ? Optional.empty() : maxMembers;
        }
    }

    /** An owner's change; an empty field stays as it is, the {@code remove...} flags take a value away. */
    record EditRoomCommand(UserId actor, RoomId roomId, Optional<RoomTitle> title, Optional<RoomDescription> description,
                           Optional<List<Hashtag>> hashtags, Optional<OpenChatUrl> openChatUrl, boolean removeOpenChatUrl,
                           Optional<Integer> maxMembers, Optional<RoomPassword> password, boolean removePassword) {
        public EditRoomCommand {
            if (actor == null || roomId == null) {
                throw new IllegalArgumentException("an edit names its actor and room");
            }
            title = title == null ? Optional.empty() : title;
            description = description == null ? Optional.empty() : description;
            hashtags = hashtags == null ? Optional.empty() : hashtags;
            openChatUrl = openChatUrl == null ? Optional.empty() : openChatUrl;
            maxMembers = maxMembers == null ? Optional.empty() : maxMembers;
            password = password == null ? Optional.empty() : password;
            if (removePassword && password.isPresent() || removeOpenChatUrl && openChatUrl.isPresent()) {
                throw new IllegalArgumentException("either set or remove a value");
            }
        }
    }

    /** Opens a room owned by its creator; {@code JOIN_LIMIT} when the creator already belongs to 5 rooms. */
    RoomView create(CreateRoomCommand command);

    RoomView edit(EditRoomCommand command);

    /** Replaces the room's picture; the previous one is deleted. */
    RoomView changeImage(UserId actor, RoomId roomId, ImageUpload image);

    /** Deletes the room with its picture and everything other contexts keep about it. */
    void delete(UserId actor, RoomId roomId);
}
