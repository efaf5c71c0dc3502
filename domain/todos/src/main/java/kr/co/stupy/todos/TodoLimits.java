package kr.co.stupy.todos;

/** How much one student may keep: lists per user, todos per list, and the lengths of their texts. */
public final class TodoLimits {

    public static final int MAX_LISTS_PER_USER = 10;
    public static final int MAX_TODOS_PER_LIST = 50;
    public static final int MAX_TITLE_LENGTH = 100;
    public static final int MAX_CONTENT_LENGTH = 500;
    public static final String DEFAULT_LIST_TITLE = "오늘 할 일";

    private TodoLimits() {
    }
}
