package org.opencets.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Field → message in the user's language, for showing violations next to form fields. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(List<FieldViolation> violations, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            // "invalid.<key>" for form errors; a rule's own message (e.g. "check.<code>") serves when there is no such entry
            String message = messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] {"invalid." + v.messageKey(), v.messageKey()}, v.arguments().toArray(), v.defaultMessage()), locale);
            errors.merge(v.field() == null ? "_" : v.field(), message, (a, b) -> a + " " + b);
        }
        return errors;
    }
}
