package kr.co.stupy.shared;

/**
 * A rule of the domain was broken. {@link #code()} is a stable UPPER_SNAKE identifier that clients
 * switch on; {@link #kind()} says which family of failure it is, so an adapter can translate it
 * (for example to an HTTP status) without knowing every code.
 */
public class DomainException extends RuntimeException {

    /** {@code TOO_MANY}: a budget of attempts is spent; {@code BUSY}: the server sheds load. Both say when to retry ({@link RetryLaterException}). */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNAUTHENTICATED, TOO_MANY, BUSY }

    private final String code;
    private final Kind kind;

    public DomainException(Kind kind, String code, String message) {
        super(message, null, false, false);
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("error code must be UPPER_SNAKE: " + code);
        }
        this.kind = kind;
        this.code = code;
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
