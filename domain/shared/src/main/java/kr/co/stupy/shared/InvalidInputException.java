package kr.co.stupy.shared;

import java.util.List;

/** One or more input values broke a rule; each {@link FieldError} names the field and the rule. */
public final class InvalidInputException extends DomainException {

    public record FieldError(String field, String message) {
        public FieldError {
            if (field == null || field.isBlank() || message == null || message.isBlank()) {
                throw new IllegalArgumentException("a field error names a field and a message");
            }
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(Kind.INVALID, "VALIDATION_FAILED", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
    }
}
