package kr.co.stupy.adapter.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import kr.co.stupy.shared.InvalidInputException;

/** An RFC 9457 problem detail with the stable {@code code} clients switch on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldProblem(String field, String message) {
        static FieldProblem of(InvalidInputException.FieldError error) {
            return new FieldProblem(error.field(), error.message());
        }
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem("about:blank", titleFor(status), status, detail, code, null);
    }

    public static Problem invalid(InvalidInputException e) {
        return new Problem("about:blank", titleFor(400), 400, e.getMessage(), e.code(),
                e.errors().stream().map(FieldProblem::of).toList());
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
