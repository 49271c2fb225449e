package org.opencets.mrv;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** Who may act on plans and deposits: the emitter itself enters and submits; its district, then its city, review. */
final class MrvAccess {

    private MrvAccess() {
    }

    static boolean sees(CurrentUser user, RegionCode region, Uscc emitter) {
        return user.jurisdiction().covers(region, emitter);
    }

    static boolean isEmitter(CurrentUser user, Uscc emitter) {
        return user.kind() == OrganisationKind.KEY_EMITTER && emitter.equals(user.uscc()) && actor(user);
    }

    static void requireEmitter(CurrentUser user, Uscc emitter) {
        if (!isEmitter(user, emitter)) {
            throw new AccessDenied("denied.mrv.emitter", "Only the emitter's own officers may enter and submit its data");
        }
    }

    static boolean isDistrictReviewer(CurrentUser user, RegionCode region) {
        return user.kind() == OrganisationKind.DISTRICT_BUREAU && user.region().contains(region) && actor(user);
    }

    static boolean isCityReviewer(CurrentUser user, RegionCode region) {
        return user.kind() == OrganisationKind.CITY_BUREAU && user.region().contains(region) && actor(user);
    }

    static void requireReviewer(CurrentUser user, RegionCode region, boolean district) {
        if (district ? !isDistrictReviewer(user, region) : !isCityReviewer(user, region)) {
            throw new AccessDenied(district ? "denied.mrv.district" : "denied.mrv.city", district
                    ? "This step is the emitter's district bureau's technical review"
                    : "This step is the city bureau's technical review");
        }
    }

    private static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
