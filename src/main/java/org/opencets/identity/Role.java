package org.opencets.identity;

/** What a person may do inside their organisation. */
public enum Role {
    /** manages the organisation's people and API keys */
    ADMIN,
    /** does the organisation's work: submits, reviews, approves */
    OFFICER,
    /** reads only */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
