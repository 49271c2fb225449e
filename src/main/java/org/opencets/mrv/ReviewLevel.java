package org.opencets.mrv;

import java.util.List;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;

/**
 * The two-level technical review of plans and deposits (seed 002 §二(一)(二)): the emitter's district bureau first,
 * then its city bureau. A return lists every problem at once.
 */
public enum ReviewLevel {
    DISTRICT(OrganisationKind.DISTRICT_BUREAU, "denied.mrv.district", "This step is the emitter's district bureau's technical review"),
    CITY(OrganisationKind.CITY_BUREAU, "denied.mrv.city", "This step is the city bureau's technical review");

    private final OrganisationKind bureau;
    private final String deniedKey;
    private final String deniedMessage;

    ReviewLevel(OrganisationKind bureau, String deniedKey, String deniedMessage) {
        this.bureau = bureau;
        this.deniedKey = deniedKey;
        this.deniedMessage = deniedMessage;
    }

    /** An officer of this level's bureau whose region contains the emitter's. */
    boolean mayAct(CurrentUser user, RegionCode emitterRegion) {
        return user.kind() == bureau && user.region().contains(emitterRegion) && (user.has(Role.OFFICER) || user.has(Role.ADMIN));
    }

    void requireActor(CurrentUser user, RegionCode emitterRegion) {
        if (!mayAct(user, emitterRegion)) {
            throw new AccessDenied(deniedKey, deniedMessage);
        }
    }

    /** The problems of a return, one per entry, blank ones dropped; at least one is required. */
    static List<String> requireReasons(List<String> reasons) {
        List<String> given = reasons == null ? List.of() : reasons.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (given.isEmpty()) {
            throw MonthlyDeposits.invalid("reasons", "deposit.reasons.missing", "List every problem the emitter must correct");
        }
        return given;
    }
}
