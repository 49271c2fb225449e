package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;

/** How the registry received one of allocation's issuance instructions: executed (with its operation) or refused and why. */
public record InstructionReceipt(UUID instructionId, UUID operationId, String emitter, boolean executed, String reason, Instant receivedAt) {
}
