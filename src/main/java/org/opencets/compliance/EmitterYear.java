package org.opencets.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.Vintage;

/**
 * An emitter's compliance page for a year: the obligation and its standing, what it holds that the year accepts, its
 * PENDING_OFFSET CCER, the cap, the deadline, a proposal covering the gap, and its requests.
 */
public record EmitterYear(String emitter, String emitterName, String regionCode, int year, String etsAccount, Obligation obligation,
        YearStanding standing, LocalDate deadline, boolean pastDeadline, BigDecimal offsetCapPercent, long offsetCap, long offsetRoom,
        List<UsableHolding> holdings, List<PendingOffset> pendingOffsets, SurrenderProposal proposal, List<SurrenderRequest> requests) {

    /** Allowances of one vintage: available, borrowed (surrender only), in the trading holding; and whether the year accepts the vintage. */
    public record UsableHolding(Vintage vintage, long available, long borrowed, long trading, boolean allowed) {
    }

    public boolean hasObligation() {
        return obligation != null;
    }

    public java.util.Optional<SurrenderRequest> openRequest() {
        return requests.stream().filter(r -> r.status() == SurrenderRequest.Status.SUBMITTED || r.status() == SurrenderRequest.Status.REJECTED)
                .findFirst();
    }
}
