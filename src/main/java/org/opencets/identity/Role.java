package org.opencets.identity;

/** What a person may do inside their organisation. */
public enum Role {
    /** manages the organisation's people and API keys */
    ADMIN,
    /** does the organisation's work: submits, reviews, approves */
    OFFICER,
    /** reads only */
    VIEWER;

    /** Roles from a comma-separated list as the database aggregates them; null means none. */
    static java.util.EnumSet<Role> parseCsv(String csv) {
        java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
        if (csv != null) {
            for (String r : csv.split(",")) {
                roles.add(Role.valueOf(r.strip()));
            }
        }
        return roles;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
