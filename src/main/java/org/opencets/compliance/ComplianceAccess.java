package org.opencets.compliance;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;

/**
 * Who sees and does what in compliance: an emitter its own years and requests; bureaus the emitters of their region;
 * the province (its officers) reviews requests and entrusts forced compliance; the registry operator executes forced
 * compliance and issues certificates; the ministry reads everything.
 */
final class ComplianceAccess {

    private ComplianceAccess() {
    }

    static boolean sees(CurrentUser user, String emitter, String regionCode) {
        return switch (user.kind()) {
            case MINISTRY, REGISTRY_OPERATOR -> true;
            case KEY_EMITTER -> user.uscc() != null && user.uscc().value().equals(emitter);
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> user.region().contains(RegionCode.of(regionCode));
            default -> false;
        };
    }

    static void requireSees(CurrentUser user, String emitter, String regionCode) {
        if (!sees(user, emitter, regionCode)) {
            throw new RecordNotFound("Compliance", emitter);
        }
    }

    static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }

    static void requireEmitter(CurrentUser user) {
        if (user.kind() != OrganisationKind.KEY_EMITTER || user.uscc() == null || !actor(user)) {
            throw new AccessDenied("denied.compliance.emitter", "Only the key emitter itself requests its surrender");
        }
    }

    static boolean isReviewer(CurrentUser user, String regionCode) {
        return user.kind() == OrganisationKind.PROVINCE_BUREAU && actor(user) && user.userId() != null && user.region().contains(RegionCode.of(regionCode));
    }

    static void requireReviewer(CurrentUser user, String regionCode) {
        if (!isReviewer(user, regionCode)) {
            throw new AccessDenied("denied.compliance.review", "Only an officer of the emitter's province reviews surrender requests");
        }
    }

    static void requireRegistryOperator(CurrentUser user) {
        if (user.kind() != OrganisationKind.REGISTRY_OPERATOR || !actor(user) || user.userId() == null) {
            throw new AccessDenied("denied.compliance.registry", "Only an officer of the registry operator does this");
        }
    }

    /** The region a bureau's lists cover ("" for nationwide viewers); emitters see only themselves. */
    static String regionPrefix(CurrentUser user) {
        return switch (user.kind()) {
            case MINISTRY, REGISTRY_OPERATOR -> "";
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> user.region().prefix();
            default -> throw new AccessDenied("denied.compliance.region", "Only bureaus, the ministry and the registry operator see a region's compliance");
        };
    }
}
