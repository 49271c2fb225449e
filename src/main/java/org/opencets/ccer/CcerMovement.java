package org.opencets.ccer;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the append-only movement log: {@code quantity} of one project's CCER in one account going from one
 * state to another (either side null for issuance and for period-1 records, which touch no holding).
 *
 * @param requestId the client's idempotency id, or the inbound event's for what the ETS registry's messages did
 */
public record CcerMovement(String requestId, Kind kind, String accountId, String projectNumber, CcerHoldingState fromState, CcerHoldingState toState,
        long quantity, UUID offsetId, String recorderName, Instant recordedAt) {

    public enum Kind {
        ISSUANCE, OFFSET_FREEZE, OFFSET_CANCELLATION, OFFSET_RETURN, FIRST_PERIOD_CANCELLATION, FIRST_PERIOD_APPLICATION, FIRST_PERIOD_USE,
        FIRST_PERIOD_RETURN
    }
}
