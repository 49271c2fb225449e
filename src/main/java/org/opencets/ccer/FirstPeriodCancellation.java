package org.opencets.ccer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * CCER cancelled for compliance in the first compliance period (2019–2020) but never used for it; on the holder's
 * request usable once to offset 2021/2022 (seed 003 §二).
 *
 * @param appliedOffsetId the lot it was applied as, while applied; null while it may be applied
 * @param remainderOf the cancellation whose unused rest this is, when a partly used lot came back recalled
 */
public record FirstPeriodCancellation(UUID id, String accountId, String projectNumber, String projectName, boolean projectInNationalEts, long quantity,
        LocalDate cancelledOn, UUID appliedOffsetId, UUID remainderOf, Instant recordedAt) {

    public boolean applicable() {
        return appliedOffsetId == null;
    }
}
