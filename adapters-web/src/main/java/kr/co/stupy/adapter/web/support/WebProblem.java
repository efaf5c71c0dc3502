package kr.co.stupy.adapter.web.support;

/** A failure that belongs to HTTP itself (wrong media type, body too large), not to the domain. */
public final class WebProblem extends RuntimeException {

    private final int status;
    private final String code;

    public WebProblem(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static WebProblem tooLarge(String detail) {
        return new WebProblem(413, "PAYLOAD_TOO_LARGE", detail);
    }

    public static WebProblem unsupportedMediaType(String expected) {
        return new WebProblem(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be " + expected);
    }

    public static WebProblem badRequest(String code, String detail) {
        return new WebProblem(400, code, detail);
    }

    public static WebProblem notFound(String detail) {
        return new WebProblem(404, "NOT_FOUND", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
