package org.opencets.verification;

import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.mrv.MrvReadGrant;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;

/** A firm assigned to verify an emitter (this or an earlier year) reads its monitoring data: reports, deposits, receipts. */
@Component
class FirmReadGrant implements MrvReadGrant {

    private final TaskStore tasks;

    FirmReadGrant(TaskStore tasks) {
        this.tasks = tasks;
    }

    @Override
    public boolean mayRead(CurrentUser user, Uscc emitter) {
        return user.kind() == OrganisationKind.VERIFIER && tasks.firmAssigned(user.organisationId(), emitter);
    }
}
