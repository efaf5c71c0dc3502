package kr.co.stupy.studytime;

/**
 * What a student says they study ("수학", "토익 LC"): 1 to 20 characters, with no control
 * characters and no blank ends, so it shows as written on every screen and groups exactly.
 */
public record Subject(String name) {

    public static final int MAX_LENGTH = 20;

    public Subject {
        if (name == null) {
            throw new IllegalArgumentException("a subject has a name");
        }
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a subject is 1 to " + MAX_LENGTH + " characters");
        }
        if (name.isBlank() || !name.strip().equals(name)) {
            throw new IllegalArgumentException("a subject neither is blank nor starts or ends with spaces");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new IllegalArgumentException("a subject has no control characters");
        }
    }
}
