package org.opencets.registry;

import java.util.ArrayList;
import java.util.List;
import org.opencets.shared.FieldViolation;

/**
 * The rules every ledger request obeys whatever its kind, as values: whole positive quantities below an absurd
 * bound, account statuses that allow the movement, and two different holdings per leg.
 */
final class LedgerRules {

    private LedgerRules() {
    }

    static List<FieldViolation> check(Ledger.Request r) {
        List<FieldViolation> problems = new ArrayList<>();
        if (r.idempotencyId() == null || r.idempotencyId().isBlank() || r.idempotencyId().length() > 200) {
            problems.add(FieldViolation.of("id", "registry.id.required", "Every request needs its own id (1–200 characters), chosen by the client"));
        }
        boolean offsetsOnly = r.kind() == OperationKind.SURRENDER && r.details().keySet().stream().anyMatch(k -> k.startsWith("offset."));
        if (r.moves().isEmpty() && r.kind() != OperationKind.ACCOUNT_STATUS && !offsetsOnly) {
            problems.add(FieldViolation.of("quantity", "registry.quantity.none", "Nothing to move"));
        }
        for (Ledger.Move m : r.moves()) {
            problems.addAll(quantity(m.quantity()));
            if (m.debit().id() == m.credit().id() && m.debitState() == m.creditState()) {
                problems.add(FieldViolation.of("to", "registry.same.holding", "The allowances would move to where they already are"));
            }
            problems.addAll(statuses(r.kind(), m));
        }
        return problems.stream().distinct().toList();
    }

    /** What the two accounts' statuses allow: checked on request, and again on approval. */
    static List<FieldViolation> statuses(OperationKind kind, Ledger.Move m) {
        List<FieldViolation> problems = new ArrayList<>();
        if (!m.debit().kind().national() && !m.debit().status().maySend(kind)) {
            problems.add(FieldViolation.of("from", "registry.account.status.send", "Account {0} is {1}: it may not send this",
                    m.debit().number(), m.debit().status().name()));
        }
        if (m.credit().id() != m.debit().id() && !m.credit().status().mayReceive()) {
            problems.add(FieldViolation.of("to", "registry.account.closed", "Account {0} is closed", m.credit().number()));
        }
        return problems;
    }

    static List<FieldViolation> quantity(long quantity) {
        if (quantity <= 0) {
            return List.of(FieldViolation.of("quantity", "registry.quantity.positive", "The quantity must be a whole number of tonnes above zero"));
        }
        if (quantity > Ledger.MAX_QUANTITY) {
            return List.of(FieldViolation.of("quantity", "registry.quantity.absurd", "The quantity is above {0} tonnes: check it", Ledger.MAX_QUANTITY));
        }
        return List.of();
    }

    /** Why a leg found too little in its holding, told after the rollback with what the holding has now. */
    static List<FieldViolation> insufficient(Ledger.Move m, LedgerStore store, OperationKind kind) {
        if (!store.everIssued(m.unit(), m.vintage())) {
            return List.of(FieldViolation.of("vintage", "registry.vintage.not.issued", "No {0} allowances of vintage {1} have ever been issued",
                    m.unit().name(), m.vintage().toString()));
        }
        long has = store.balance(m.debit(), m.unit(), m.vintage(), m.debitState());
        if (kind == OperationKind.PLEDGE && store.balance(m.debit(), m.unit(), m.vintage(), HoldingState.FROZEN) > 0) {
            return List.of(FieldViolation.of("quantity", "registry.pledge.frozen",
                    "Frozen allowances cannot be pledged: account {0} has {1} t of vintage {2} available, {3} t asked", m.debit().number(), has,
                    m.vintage().toString(), m.quantity()));
        }
        return List.of(FieldViolation.of("quantity", "registry.insufficient",
                "Account {0} has {1} t of vintage {2} {3}; {4} t asked", m.debit().number(), has, m.vintage().toString(), m.debitState().name(),
                m.quantity()));
    }
}
