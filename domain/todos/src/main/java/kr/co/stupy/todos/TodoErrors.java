package kr.co.stupy.todos;

import kr.co.stupy.shared.DomainException;

/**
 * The failures of the todos context. Another user's list or todo is reported exactly like one that
 * does not exist, so nobody learns which ids are taken.
 */
public final class TodoErrors {

    private TodoErrors() {
    }

    public static DomainException listNotFound() {
        return DomainException.notFound("TODO_LIST_NOT_FOUND", "no such todo list");
    }

    public static DomainException todoNotFound() {
        return DomainException.notFound("TODO_NOT_FOUND", "no such todo");
    }

    public static DomainException listLimit() {
        return DomainException.conflict("LIST_LIMIT",
                "a user keeps at most " + TodoLimits.MAX_LISTS_PER_USER + " todo lists");
    }

    public static DomainException todoLimit() {
        return DomainException.conflict("TODO_LIMIT",
                "a todo list holds at most " + TodoLimits.MAX_TODOS_PER_LIST + " todos");
    }
}
