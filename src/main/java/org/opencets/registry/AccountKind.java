package org.opencets.registry;

/** The kinds of registry account. National accounts keep no cached balance: theirs is the sum of their transfers. */
public enum AccountKind {
    EMITTER, PROVINCIAL, NATIONAL_ISSUANCE, NATIONAL_SURRENDER, NATIONAL_CANCELLATION;

    public boolean national() {
        return name().startsWith("NATIONAL");
    }
}
