package org.opencets.verification;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;

/**
 * Who sees and does what in verification: the city organises (tasks, assignment, objections, re-verification,
 * evaluation) for its region; the assigned firm works its own tasks only; the emitter answers findings and objects to
 * its own result; bureaus of the region and the ministry read.
 */
final class VerificationAccess {

    private VerificationAccess() {
    }

    static boolean sees(CurrentUser user, VerificationTask task) {
        return switch (user.kind()) {
            case VERIFIER -> user.organisationId().equals(task.firmId());
            case KEY_EMITTER, MINISTRY, PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> user.jurisdiction().covers(task.region(), task.emitter());
            default -> false; // registry, exchange, bank: the final figures reach them through events, not the working file
        };
    }

    static boolean isCity(CurrentUser user, RegionCode region) {
        return user.kind() == OrganisationKind.CITY_BUREAU && user.region().contains(region) && actor(user);
    }

    static void requireCity(CurrentUser user, RegionCode region) {
        if (!isCity(user, region)) {
            throw new AccessDenied("denied.verification.city", "Only the city bureau's officers organise verification in their city");
        }
    }

    static boolean isFirm(CurrentUser user, VerificationTask task) {
        return user.kind() == OrganisationKind.VERIFIER && user.organisationId().equals(task.firmId()) && actor(user);
    }

    static void requireFirm(CurrentUser user, VerificationTask task) {
        if (!isFirm(user, task)) {
            throw new AccessDenied("denied.verification.firm", "Only the officers of the firm assigned to this task may work on it");
        }
    }

    static boolean isEmitter(CurrentUser user, VerificationTask task) {
        return user.kind() == OrganisationKind.KEY_EMITTER && task.emitter().equals(user.uscc()) && actor(user);
    }

    static void requireEmitter(CurrentUser user, VerificationTask task) {
        if (!isEmitter(user, task)) {
            throw new AccessDenied("denied.verification.emitter", "Only the emitter's own officers answer findings and object to its result");
        }
    }

    /** The province or a city files a firm's qualification and sectors. */
    static void requireRegistrar(CurrentUser user) {
        if (!((user.kind() == OrganisationKind.PROVINCE_BUREAU || user.kind() == OrganisationKind.CITY_BUREAU) && actor(user))) {
            throw new AccessDenied("denied.verification.registrar", "Only provincial or city bureau officers file a firm's qualification");
        }
    }

    static boolean isFirmMember(CurrentUser user, java.util.UUID firmId) {
        return user.kind() == OrganisationKind.VERIFIER && user.organisationId().equals(firmId) && actor(user);
    }

    static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
