package org.opencets.ccer;

import java.time.Instant;
import java.util.UUID;

/**
 * A lot offered to the ETS registry for a compliance offset: frozen here (or, for a period-1 cancellation applied for
 * 2021/2022, already cancelled) until the ETS registry uses it (cancelled here) or recalls it (returned here).
 *
 * @param id the offsetId the ETS registry knows the lot by
 */
public record CcerOffset(UUID id, String accountId, String projectNumber, String projectName, boolean projectInNationalEts, String etsAccount,
        long quantity, long cancelledQuantity, long returnedQuantity, boolean firstPeriod, Status status, Instant frozenAt, Instant closedAt) {

    public enum Status { FROZEN, CLOSED }

    /** Still frozen here, waiting for the ETS registry. */
    public long pending() {
        return quantity - cancelledQuantity - returnedQuantity;
    }
}
