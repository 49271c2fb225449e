package org.opencets.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.Vintage;

/**
 * One registry operation as recorded: what was asked (its legs), by whom, and where it stands. Immutable; its
 * decision, if it needed one, is recorded beside it once.
 */
public record Operation(UUID id, String idempotencyId, OperationKind kind, Status status, String reference, String account,
        Map<String, String> details, List<Leg> legs, String initiator, UUID initiatorId, UUID initiatorOrganisationId, Instant createdAt, Decision decision) {

    public Operation {
        details = Map.copyOf(details);
        legs = List.copyOf(legs);
    }

    public enum Status { POSTED, PENDING_APPROVAL, APPROVED, REJECTED }

    /** One movement the operation asks for: from a holding of one account to a holding of another (or the same). */
    public record Leg(String debitAccount, HoldingState debitState, String creditAccount, HoldingState creditState, UnitType unitType, Vintage vintage,
            long quantity) {
    }

    public record Decision(boolean approved, String decider, String reason, Instant decidedAt) {
    }

    public long quantity() {
        return legs.stream().mapToLong(Leg::quantity).sum();
    }

    /** True when the operation's movements are final (posted at once, or approved). */
    public boolean effective() {
        return status == Status.POSTED || status == Status.APPROVED;
    }
}
