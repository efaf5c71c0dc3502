package kr.co.stupy.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.co.stupy.shared.InvalidInputException;

/** A room's tags: 0–10 distinct {@link Hashtag}s in the order first given; duplicates after normalising collapse. */
public final class Hashtags {

    public static final int MAX_COUNT = 10;

    private Hashtags() {
    }

    public static List<Hashtag> of(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Set<Hashtag> tags = new LinkedHashSet<>();
        for (String each : raw) {
            try {
                tags.add(new Hashtag(each));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().distinct().toList());
        }
        return check(List.copyOf(tags));
    }

    static List<Hashtag> check(List<Hashtag> tags) {
        if (tags.size() > MAX_COUNT) {
            throw InvalidInputException.of("hashtags", "at most " + MAX_COUNT + " hashtags");
        }
        if (new LinkedHashSet<>(tags).size() != tags.size()) {
            throw InvalidInputException.of("hashtags", "must be distinct");
        }
        return List.copyOf(tags);
    }
}
