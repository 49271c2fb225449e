package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbound message to the CCER registry: the province approved a surrender that uses {@code quantity} of the pending
 * lot {@code offsetId}; the CCER registry cancels (注销) them (seed 001 第四步). {@code useId} is unique per use: a
 * redelivery must cancel nothing twice.
 */
public record CcerOffsetUsed(UUID offsetId, UUID useId, long quantity, UUID surrenderOperation, int complianceYear, Instant usedAt) {
}
