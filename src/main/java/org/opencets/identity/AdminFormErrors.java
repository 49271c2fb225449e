package org.opencets.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.shared.InvalidValueException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the services' {@link InvalidValueException}s into messages in the user's language
 * ({@code invalid.<messageKey>}) for the administration pages, next to a field or at the top.
 */
@Component
class AdminFormErrors {

    private final MessageSource messages;

    AdminFormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The message for a refused value, in the current request's language. */
    String text(InvalidValueException e) {
        return messages.getMessage("invalid." + e.messageKey(), e.arguments(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    /** A message from the bundles, in the current request's language. */
    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** Messages of one form: per field (shown next to it) and general ones (shown at the top). */
    static final class Errors {

        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<String> global = new ArrayList<>();

        void field(String field, String message) {
            fields.putIfAbsent(field, message);
        }

        void global(String message) {
            global.add(message);
        }

        boolean isEmpty() {
            return fields.isEmpty() && global.isEmpty();
        }

        public Map<String, String> getFields() {
            return fields;
        }

        public List<String> getGlobal() {
            return global;
        }

        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public String get(String field) {
            return fields.get(field);
        }
    }
}
