package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * The province decided an emitter's surrender request: approved (the allowances and any CCER offset are surrendered)
 * or rejected (everything reserved is back where it was). Published in the decision's transaction.
 */
public record SurrenderDecided(UUID operationId, String idempotencyId, String account, int year, boolean approved, String decidedBy, String reason,
        Instant decidedAt) {
}
