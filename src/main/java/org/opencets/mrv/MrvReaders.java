package org.opencets.mrv;

import java.util.List;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;

/** Who may read an emitter's monitoring data: its jurisdiction, or a grant another module gives (read-only). */
@Component
class MrvReaders {

    private final List<MrvReadGrant> grants;

    MrvReaders(List<MrvReadGrant> grants) {
        this.grants = grants;
    }

    boolean sees(CurrentUser user, RegionCode region, Uscc emitter) {
        return MrvAccess.sees(user, region, emitter) || grants.stream().anyMatch(g -> g.mayRead(user, emitter));
    }
}
