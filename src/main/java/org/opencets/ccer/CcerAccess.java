package org.opencets.ccer;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RecordNotFound;

/**
 * Who sees and does what in the CCER registry. Its operator (注登系统管理机构) registers projects, opens accounts, issues
 * and records history; a key emitter sees and acts on its own account only; bureaus read the accounts of their region
 * and the ministry reads everything.
 */
final class CcerAccess {

    private CcerAccess() {
    }

    static boolean sees(CurrentUser user, CcerAccount account) {
        return switch (user.kind()) {
            case CCER_REGISTRY_OPERATOR, MINISTRY -> true;
            case KEY_EMITTER -> account.holder().equals(user.uscc());
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> user.region().contains(account.region());
            default -> false;
        };
    }

    /** An account outside what the user sees is "not found", as if it did not exist. */
    static void requireSees(CurrentUser user, CcerAccount account) {
        if (!sees(user, account)) {
            throw new RecordNotFound("CCER account", account.id());
        }
    }

    static boolean isOperator(CurrentUser user) {
        return actor(user) && user.kind() == OrganisationKind.CCER_REGISTRY_OPERATOR;
    }

    static void requireOperator(CurrentUser user) {
        if (!isOperator(user)) {
            throw new AccessDenied("denied.ccer.operator", "Only the CCER registry's operator may do this");
        }
    }

    static boolean isHolder(CurrentUser user, CcerAccount account) {
        return actor(user) && user.kind() == OrganisationKind.KEY_EMITTER && account.holder().equals(user.uscc());
    }

    /** The holder's own business: another emitter does not learn the account exists, a bureau is told it may not. */
    static void requireHolder(CurrentUser user, CcerAccount account) {
        requireSees(user, account);
        if (!isHolder(user, account)) {
            throw new AccessDenied("denied.ccer.holder", "Only the account holder's officers may do this");
        }
    }

    static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
