package org.opencets.identity;

/** The kinds of organisation that use the platform (DOMAIN.md, "Actors and their scope"). */
public enum OrganisationKind {
    MINISTRY, PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU, KEY_EMITTER, VERIFIER,
    REGISTRY_OPERATOR, CCER_REGISTRY_OPERATOR, EXCHANGE, BANK;

    public boolean isBureau() {
        return this == PROVINCE_BUREAU || this == CITY_BUREAU || this == DISTRICT_BUREAU;
    }

    /** National bodies: their members see the whole country, so no province may create or manage them. */
    public boolean isNational() {
        return this == MINISTRY || this == REGISTRY_OPERATOR || this == CCER_REGISTRY_OPERATOR || this == EXCHANGE;
    }

    /** The authority Spring Security grants to members of this kind of organisation. */
    public String authority() {
        return "ORG_" + name();
    }
}
