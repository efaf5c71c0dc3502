package kr.co.stupy.shared;

/** Identifies a study room across every context. */
public record RoomId(String value) {

    public RoomId {
        if (!Ids.isWellFormed(value)) {
            throw new IllegalArgumentException("not a room id");
        }
    }

    public static RoomId newId() {
        return new RoomId(Ids.newId());
    }

    /** Parses an id that came from outside; a malformed one is simply an unknown room. */
    public static java.util.Optional<RoomId> parse(String value) {
        return Ids.isWellFormed(value) ? java.util.Optional.of(new RoomId(value)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
