package org.opencets.mrv;

import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** Who may see plans and deposits, and who enters and submits them: the emitter itself (reviews: {@link ReviewLevel}). */
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

    private static boolean actor(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
