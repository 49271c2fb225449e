package org.opencets.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.Vintage;

/**
 * An entity allocated into the provincial account, for one year: what the account holds for it, the plan forced
 * compliance would carry out now (or did), and who entrusted and executed it.
 */
public record ForcedCase(Obligation obligation, Map<Vintage, Long> heldInProvincialAccount, ForcedCompliancePlan plan, UUID id, String entrustedBy,
        Instant entrustedAt, String executedBy, Instant executedAt, Long shortfall) {

    public boolean entrusted() {
        return id != null;
    }

    public boolean executed() {
        return executedAt != null;
    }
}
