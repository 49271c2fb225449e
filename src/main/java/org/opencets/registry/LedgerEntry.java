package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Vintage;

/** One immutable ledger transfer as an account's statement shows it. */
public record LedgerEntry(long id, UUID operationId, OperationKind kind, String reference, int leg, String debitAccount, HoldingState debitState,
        String creditAccount, HoldingState creditState, UnitType unitType, Vintage vintage, long quantity, Phase phase, Long pendingId, Long reversesId,
        Instant createdAt) {

    public enum Phase { POSTED, PENDING, POST_PENDING, VOID_PENDING }

    /** The signed change this entry makes to {@code account}'s holding in {@code state} (0 if it does not touch it). */
    public long changeTo(String account, HoldingState state) {
        long change = 0;
        if (creditAccount.equals(account) && creditState == state) {
            change += quantity;
        }
        if (debitAccount.equals(account) && debitState == state) {
            change -= quantity;
        }
        return change;
    }
}
