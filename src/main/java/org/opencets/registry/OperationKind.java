package org.opencets.registry;

/** The business operations the registry performs, each made of one or more ledger transfers. */
public enum OperationKind {
    ISSUANCE, TAKE_BACK, TRANSFER, TO_TRADING, TO_REGISTRY, TRADE_SETTLEMENT, FREEZE, RELEASE_FREEZE, PLEDGE, RELEASE_PLEDGE,
    CANCELLATION, SURRENDER, REVERSAL, ACCOUNT_STATUS,
    /** The registry surrenders, from the provincial account, for an entity allocated into it (seed 003 §一). */
    FORCED_SURRENDER,
    /** What is left of such an entity's allowances after forced compliance goes to its own account. */
    RELEASE;

    boolean surrenders() {
        return this == SURRENDER || this == FORCED_SURRENDER;
    }

    /** Releases give back what an account held for a freeze or a pledge; a frozen account may still receive them. */
    boolean courtOrdered() {
        return this == FREEZE || this == RELEASE_FREEZE;
    }

    boolean releases() {
        return this == RELEASE_FREEZE || this == RELEASE_PLEDGE;
    }
}
