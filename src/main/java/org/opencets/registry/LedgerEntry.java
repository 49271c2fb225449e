package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Vintage;

/** One immutable ledger transfer as an account's statement shows it. */
public record LedgerEntry(long id, UUID operationId, OperationKind kind, String reference, int leg, String debitAccount, HoldingState debitState,
        String creditAccount, HoldingState creditState, UnitType unitType, Vintage vintage, long quantity, Phase phase, Long pendingId, Long reversesId,
        Instant createdAt) {

    public enum Phase { POSTED, PENDING, POST_PENDING, VOID_PENDING }
}
