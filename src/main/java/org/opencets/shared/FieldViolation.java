package org.opencets.shared;

import java.util.List;

/** One thing wrong with one field of a submitted form or request, as a value. */
public record FieldViolation(String field, String messageKey, String defaultMessage, List<Object> arguments) {

    public static FieldViolation of(String field, InvalidValueException e) {
        return new FieldViolation(field, e.messageKey(), e.getMessage(), List.of(e.arguments()));
    }

    public static FieldViolation of(String field, String messageKey, String defaultMessage, Object... arguments) {
        return new FieldViolation(field, messageKey, defaultMessage, List.of(arguments));
    }
}
