package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.shared.UserId;

/**
 * Replaces a user's picture; the previous stored picture is deleted. Parallel changes each win in
 * turn, and only the picture finally in place is kept.
 */
public interface ChangeProfileImageUseCase {
    UserProfile changeImage(UserId userId, ImageUpload image);
}
