package org.opencets.ccer;

import java.time.Instant;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * A holder's registration account (登记账户) in the CCER registry, and the ETS registry account it is bound to for
 * compliance offsets (seed 001 第三步), if any.
 */
public record CcerAccount(String id, Uscc holder, String holderName, RegionCode region, Instant openedAt, String boundEtsAccount, Instant boundAt) {

    public boolean bound() {
        return boundEtsAccount != null;
    }
}
