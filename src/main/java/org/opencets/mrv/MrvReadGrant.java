package org.opencets.mrv;

import org.opencets.identity.CurrentUser;
import org.opencets.shared.Uscc;

/**
 * Lets another module open an emitter's monitoring data (QC plans, deposits, annual reports) to a user outside the
 * emitter's jurisdiction, read-only — e.g. verification grants it to the firm assigned to verify the emitter.
 */
public interface MrvReadGrant {

    boolean mayRead(CurrentUser user, Uscc emitter);
}
