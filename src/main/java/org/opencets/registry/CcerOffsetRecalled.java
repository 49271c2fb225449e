package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbound message to the CCER registry: {@code quantity} of the lot {@code offsetId} are no longer pending in the ETS
 * registry and go back to the emitter's general holding account — recalled 15 working days after the compliance
 * period ended (seed 001 第六步), or refused on arrival ({@code reason} says why). Sent at most once per lot.
 */
public record CcerOffsetRecalled(UUID offsetId, long quantity, String reason, Instant recalledAt) {
}
