package org.opencets.identity;

/** The kinds of organisation that use the platform (DOMAIN.md, "Actors and their scope"). */
public enum OrganisationKind {
    MINISTRY, PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU, KEY_EMITTER, VERIFIER,
    REGISTRY_OPERATOR, CCER_REGISTRY_OPERATOR, EXCHANGE, BANK;

    public boolean isBureau() {
        return this == PROVINCE_BUREAU || this == CITY_BUREAU || this == DISTRICT_BUREAU;
    }

    /** The authority Spring Security grants to members of this kind of organisation. */
    public String authority() {
        return "ORG_" + name();
    }
}
