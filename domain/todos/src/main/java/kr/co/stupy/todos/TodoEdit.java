package kr.co.stupy.todos;

import java.util.Optional;
import kr.co.stupy.shared.InvalidInputException;

/** A change to one todo: new content, a new done flag, or both. An edit that changes nothing is refused. */
public record TodoEdit(Optional<TodoContent> content, Optional<Boolean> done) {

    public TodoEdit {
        content = content == null ? Optional.empty() : content;
        done = done == null ? Optional.empty() : done;
        if (content.isEmpty() && done.isEmpty()) {
            throw InvalidInputException.of("content", "give content or done (or both)");
        }
    }
}
