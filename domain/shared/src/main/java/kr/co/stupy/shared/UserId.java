package kr.co.stupy.shared;

/** Identifies a user across every context. */
public record UserId(String value) {

    public UserId {
        if (!Ids.isWellFormed(value)) {
            throw new IllegalArgumentException("not a user id");
        }
    }

    public static UserId newId() {
        return new UserId(Ids.newId());
    }

    /** Parses an id that came from outside; a malformed one is simply an unknown user. */
    public static java.util.Optional<UserId> parse(String value) {
        return Ids.isWellFormed(value) ? java.util.Optional.of(new UserId(value)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
