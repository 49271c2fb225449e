package org.opencets.allocation;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * An instruction to the registry to issue allowances to, or take them back from, an account: exactly one per
 * allocation decision that moves anything, and one per approved borrowing. Published as an event in the transaction
 * that records it; {@code id} is the registry's idempotency key, so a redelivery applies nothing twice.
 *
 * @param ownSurrenderOnly borrowed allowances may only be surrendered by the borrower (seed 003 §三)
 */
public record IssuanceInstruction(UUID id, UUID decisionId, UUID borrowingId, Uscc emitter, String emitterName, RegionCode region, int year,
        String vintage, Purpose purpose, Direction direction, long quantity, AllocationDecision.Account account, boolean ownSurrenderOnly,
        Instant createdAt) {

    public enum Purpose { PRE_ALLOCATION, TRUE_UP, CORRECTION, BORROWING }

    public enum Direction { ISSUE, TAKE_BACK }
}
