package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbound message to the CCER registry: {@code quantity} of the lot {@code offsetId} are no longer pending in the ETS
 * registry and go back to the emitter's general holding account — recalled 15 working days after the compliance period
 * ended (seed 001 第六步), refused on arrival, or released by a rejection after the period's recall ({@code reason}
 * says why). {@code recallId} is unique per message: a redelivery returns nothing twice.
 */
public record CcerOffsetRecalled(UUID offsetId, long quantity, String reason, Instant recalledAt, UUID recallId) {
}
