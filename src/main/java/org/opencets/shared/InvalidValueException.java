package org.opencets.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A value that breaks its rule. {@code messageKey} names the message in the bundles
 * ({@code invalid.<key>}) so pages and the API can say what is wrong in the user's language.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;
    private final List<Object> arguments;

    public InvalidValueException(String messageKey, String defaultMessage, Object... arguments) {
        super(defaultMessage);
        this.messageKey = messageKey;
        // Not List.of: the offending value is often null (e.g. RegionCode.of(null)), and List.of
        // would turn the intended InvalidValueException into a NullPointerException.
        this.arguments = arguments == null ? List.of()
                : Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
