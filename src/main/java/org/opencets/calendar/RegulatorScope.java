package org.opencets.calendar;

import java.util.List;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Who may record compliance-year data: an officer or administrator of a provincial or city bureau, for its own
 * region or a region inside it. National values come with the platform (seed data from the notices).
 */
@Component
class RegulatorScope {

    boolean mayRecord(CurrentUser user) {
        return (user.kind() == OrganisationKind.PROVINCE_BUREAU || user.kind() == OrganisationKind.CITY_BUREAU)
                && (user.has(Role.ADMIN) || user.has(Role.OFFICER));
    }

    /** Refuses people who may not record at all; a region outside the user's own is a field error. */
    void check(CurrentUser user, String regionPrefix, List<FieldViolation> violations) {
        if (!mayRecord(user)) {
            throw new AccessDenied("denied.policy", "Only provincial or city bureau officers record compliance-year data");
        }
        if (regionPrefix == null || !regionPrefix.startsWith(user.region().prefix())) {
            violations.add(FieldViolation.of("regionPrefix", "policy.region.outside",
                    "You can record values only for your own region or a region inside it", user.region().prefix()));
        }
    }

    /** Provincial officers enter the State Council's yearly holiday announcement. */
    void checkCalendarKeeper(CurrentUser user) {
        if (user.kind() != OrganisationKind.PROVINCE_BUREAU || !(user.has(Role.ADMIN) || user.has(Role.OFFICER))) {
            throw new AccessDenied("denied.holidays", "Only provincial bureau officers enter the official holiday announcement");
        }
    }
}
