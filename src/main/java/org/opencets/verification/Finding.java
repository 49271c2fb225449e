package org.opencets.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * A finding (不符合项) the verifier sends the emitter; the emitter answers with its correction; the verifier closes it
 * (corrected) or records it as unresolved (the conclusion then takes it into account).
 */
public record Finding(UUID id, UUID taskId, int number, String subject, String description, Status status, Instant raisedAt, String raisedBy,
        String response, Instant respondedAt, String respondedBy, String closingNote, Instant closedAt, String closedBy, int version) {

    public enum Status {
        OPEN, CORRECTED, CLOSED, UNRESOLVED;

        /** Still waiting for the emitter or the verifier. */
        public boolean pending() {
            return this == OPEN || this == CORRECTED;
        }
    }
}
