package org.opencets.registry;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;

/**
 * Who sees and does what in the registry. An emitter sees and moves its own account; bureaus read the accounts of
 * their region and the province moves its provincial account and confirms surrenders; the registry operator sees
 * everything and initiates freezes, pledges, reversals and status changes, which a second operator approves; the
 * exchange settles trades; the ministry reads.
 */
final class RegistryAccess {

    private RegistryAccess() {
    }

    static boolean sees(CurrentUser user, Account account) {
        return switch (user.kind()) {
            case REGISTRY_OPERATOR, MINISTRY -> true;
            case KEY_EMITTER -> account.kind() == AccountKind.EMITTER && account.holder().equals(user.uscc());
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> !account.kind().national() && user.region().contains(account.region());
            default -> false;
        };
    }

    static void requireSees(CurrentUser user, Account account) {
        if (!sees(user, account)) {
            throw new org.opencets.shared.RecordNotFound("Registry account", account.number());
        }
    }

    static boolean isHolder(CurrentUser user, Account account) {
        return actor(user) && user.kind() == OrganisationKind.KEY_EMITTER && account.kind() == AccountKind.EMITTER
                && account.holder().equals(user.uscc());
    }

    static boolean isOperator(CurrentUser user) {
        return actor(user) && user.kind() == OrganisationKind.REGISTRY_OPERATOR;
    }

    static void requireOperator(CurrentUser user) {
        if (!isOperator(user)) {
            throw new AccessDenied("denied.registry.operator", "Only the registry operator's officers may initiate this");
        }
    }

    /** The province bureau whose provincial account this is. */
    static boolean isProvince(CurrentUser user, Account account) {
        return actor(user) && user.kind() == OrganisationKind.PROVINCE_BUREAU && user.region().contains(account.region());
    }

    static void requireExchange(CurrentUser user) {
        if (!(actor(user) && user.kind() == OrganisationKind.EXCHANGE)) {
            throw new AccessDenied("denied.registry.exchange", "Only the exchange settles trades");
        }
    }

    /**
     * Maker-checker needs two named people: an operation that waits for approval, and its approval, cannot come from an
     * organisation's API key (which names nobody, so its user could approve their own).
     */
    static void requirePerson(CurrentUser user) {
        if (user.userId() == null) {
            throw new AccessDenied("denied.registry.person", "Operations that need a second person's approval are initiated and decided by named people, not API keys");
        }
    }

    static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
