package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A lot of CCER pending offset (待抵销) in an emitter's ETS account, as the CCER registry sent it (seed 001 第三步):
 * its project, and how much of it is still pending ({@code remaining}), reserved by a surrender request, used by an
 * approved surrender, or recalled to the CCER registry.
 */
public record PendingOffset(UUID offsetId, String account, String emitter, String ccerAccount, String projectNumber, String projectName,
        String projectType, boolean projectInNationalEts, boolean firstPeriod, long quantity, long remaining, long reserved, long used, long recalled,
        Instant receivedAt, Instant recalledAt, String recallReason) {

    public boolean pending() {
        return remaining > 0;
    }
}
