package org.opencets.allocation;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * Who sees and does what in allocation: the allocating bureau (the province, or the city where the year's data says
 * so) decides for its region; an emitter sees its own decisions, signs for its notices and applies for borrowing and
 * relief; the emitter's district delivers notices and records a refusal; bureaus of the region, the ministry and the
 * registry operator read.
 */
final class AllocationAccess {

    private AllocationAccess() {
    }

    static boolean sees(CurrentUser user, RegionCode region, Uscc emitter) {
        return switch (user.kind()) {
            case KEY_EMITTER, MINISTRY, PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> user.jurisdiction().covers(region, emitter);
            case REGISTRY_OPERATOR -> true;
            default -> false;
        };
    }

    static boolean seesYear(CurrentUser user) {
        return user.kind().isBureau() || user.kind() == OrganisationKind.MINISTRY || user.kind() == OrganisationKind.REGISTRY_OPERATOR;
    }

    /** The allocating bureau: a bureau whose region has {@code level} digits (2 province, 4 city) and contains the emitter. */
    static boolean isAuthority(CurrentUser user, RegionCode region, int level) {
        OrganisationKind wanted = level == 4 ? OrganisationKind.CITY_BUREAU : OrganisationKind.PROVINCE_BUREAU;
        return user.kind() == wanted && user.region().contains(region) && actor(user);
    }

    static void requireAuthority(CurrentUser user, RegionCode region, int level) {
        if (!isAuthority(user, region, level)) {
            throw new AccessDenied(level == 4 ? "denied.allocation.city" : "denied.allocation.province",
                    "Only the allocating bureau's officers decide allocations in their region");
        }
    }

    static boolean isEmitter(CurrentUser user, Uscc emitter) {
        return user.kind() == OrganisationKind.KEY_EMITTER && emitter.equals(user.uscc()) && actor(user);
    }

    static void requireEmitter(CurrentUser user, Uscc emitter) {
        if (!isEmitter(user, emitter)) {
            throw new AccessDenied("denied.allocation.emitter", "Only the emitter's own officers may do this");
        }
    }

    /** The emitter's district bureau (or its city or province) delivers the notice (seed 004 §三(二)3: 属地生态环境分局). */
    static boolean isDeliverer(CurrentUser user, RegionCode region) {
        return user.kind().isBureau() && user.region().contains(region) && actor(user);
    }

    static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
