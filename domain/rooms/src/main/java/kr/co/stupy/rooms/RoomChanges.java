package kr.co.stupy.rooms;

import java.util.List;
import java.util.Optional;

/**
 * What an owner asked to change; an empty field stays as it is. {@code removeOpenChatUrl} and
 * {@link PasswordChange.Remove} take a value away, which an empty field cannot say.
 */
public record RoomChanges(Optional<RoomTitle> title, Optional<RoomDescription> description,
                          Optional<List<Hashtag>> hashtags, Optional<OpenChatUrl> openChatUrl, boolean removeOpenChatUrl,
                          Optional<Integer> maxMembers, PasswordChange password) {

    /** Keep the password, set a new one (already hashed) or remove it to open the room. */
    public sealed interface PasswordChange {
        record Keep() implements PasswordChange {
        }

        record Remove() implements PasswordChange {
        }

        record Set(PasswordHash hash) implements PasswordChange {
            public Set {
                if (hash == null) {
                    throw new IllegalArgumentException("hash is required");
                }
            }
        }
    }

    public RoomChanges {
        title = title == null ? Optional.empty() : title;
        description = description == null ? Optional.empty() : description;
        hashtags = hashtags == null ? Optional.empty() : hashtags.map(Hashtags::check);
        openChatUrl = openChatUrl == null ? Optional.empty() : openChatUrl;
        maxMembers = maxMembers == null ? Optional.empty() : maxMembers;
        password = password == null ? new PasswordChange.Keep() : password;
        if (removeOpenChatUrl && openChatUrl.isPresent()) {
            throw new IllegalArgumentException("either set or remove the open-chat link");
        }
    }
}
