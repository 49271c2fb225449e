package org.opencets.identity;

/** The current user may not do this (wrong role, or outside their region). Answered with 403. */
public class AccessDenied extends RuntimeException {

    private final String messageKey;

    public AccessDenied(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
