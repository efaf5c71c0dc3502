package kr.co.stupy.rooms;

/**
 * A room password as stored: the self-describing output of the application's password hasher
 * (algorithm, cost, salt and digest). The domain never looks inside it and never hands it out.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        if (encoded == null || encoded.isBlank() || encoded.length() > 512) {
            throw new IllegalArgumentException("a password hash is 1 to 512 characters");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[******]";
    }
}
