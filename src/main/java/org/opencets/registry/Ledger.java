package org.opencets.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger engine every operation goes through. One request is one database transaction: its idempotency id is
 * claimed, each leg is one transfer (or, when an approval sits in the middle, one pending reservation), and either all
 * legs commit or none. A retry with the same id and the same content returns the first outcome; different content is
 * refused. A refusal changes nothing. Lost deadlocks and serialization failures are retried.
 */
@Component
class Ledger {

    static final long MAX_QUANTITY = 10_000_000_000L;
    private static final int ATTEMPTS = 20;

    private final LedgerStore store;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final WorkClock clock;

    Ledger(LedgerStore store, PlatformTransactionManager transactions, JsonMapper json, WorkClock clock) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        // the ledger commits its own unit of work even when called from inside another transaction (an event
        // listener's): a refusal must roll back the ledger's writes only, and the caller's retry is made safe by the id
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    /** Who asked: a person (with their organisation) or the platform itself (e.g. an allocation instruction). */
    record Initiator(UUID userId, String name, UUID organisationId) {

        static Initiator of(CurrentUser user) {
            if (user.userId() == null) {
                return new Initiator(null, "API key（" + user.organisationName() + "）", user.organisationId());
            }
            return new Initiator(user.userId(), user.displayName() + "（" + user.organisationName() + "）", user.organisationId());
        }

        static Initiator platform(String name) {
            return new Initiator(null, name, null);
        }
    }

    /** One leg: {@code quantity} from the debit account's holding in {@code debitState} to the credit account's in {@code creditState}. */
    record Move(Account debit, HoldingState debitState, Account credit, HoldingState creditState, UnitType unit, Vintage vintage, long quantity,
            Long reverses) {

        Move(Account debit, HoldingState debitState, Account credit, HoldingState creditState, UnitType unit, Vintage vintage, long quantity) {
            this(debit, debitState, credit, creditState, unit, vintage, quantity, null);
        }
    }

    record Request(String idempotencyId, OperationKind kind, Account account, String reference, Map<String, String> details, List<Move> moves,
            boolean needsApproval, Initiator by) {

        Request {
            details = Map.copyOf(details);
            moves = List.copyOf(moves);
        }
    }

    Submitted submit(Request request) {
        return submit(request, op -> { });
    }

    /** As {@link #submit(Request)}; {@code alsoRecord} runs in the same transaction when the operation is new (e.g. the trade row). */
    Submitted submit(Request request, Consumer<Operation> alsoRecord) {
        if (request.needsApproval() && request.kind() != OperationKind.SURRENDER && request.by().userId() == null) {
            // a second person of the same organisation approves: the first must be a named person, not an API key
            throw new org.opencets.identity.AccessDenied("denied.registry.person",
                    "Operations that need a second person's approval are initiated and decided by named people, not API keys");
        }
        List<FieldViolation> problems = LedgerRules.check(request);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        String content = content(request);
        String sha256 = sha256(content);
        return retrying(() -> {
            try {
                return tx.execute(status -> post(request, content, sha256, alsoRecord));
            } catch (Insufficient e) {
                throw new ValidationFailed(LedgerRules.insufficient(e.move, store, request.kind()));
            }
        });
    }

    private Submitted post(Request request, String content, String sha256, Consumer<Operation> alsoRecord) {
        UUID id = UUID.randomUUID();
        Instant at = clock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL stores it
        if (!request.needsApproval() && request.moves().size() == 1) {
            Move m = request.moves().getFirst();
            Optional<Long> posted;
            try {
                posted = store.insertPostedOperation(id, request.idempotencyId(), request.kind(), sha256, content, request.reference(), request.account(),
                        request.by(), at, m.debit(), m.debitState(), m.credit(), m.creditState(), m.unit(), m.vintage(), m.quantity(), m.reverses());
            } catch (DataIntegrityViolationException e) {
                throw refusal(e, m);
            }
            return posted.isPresent() ? submitted(id, request, at, alsoRecord) : replay(request, sha256);
        }
        if (!store.insertOperation(id, request.idempotencyId(), request.kind(), sha256, content, request.reference(), request.account(),
                request.needsApproval(), request.by(), at)) {
            return replay(request, sha256);
        }
        if (request.moves().size() > 1) {
            List<LedgerStore.HoldingRef> touched = new ArrayList<>();
            for (Move m : request.moves()) {
                touched.add(new LedgerStore.HoldingRef(m.debit(), m.unit(), m.vintage(), m.debitState()));
                touched.add(request.needsApproval() ? new LedgerStore.HoldingRef(m.debit(), m.unit(), m.vintage(), HoldingState.RESERVED)
                        : new LedgerStore.HoldingRef(m.credit(), m.unit(), m.vintage(), m.creditState()));
            }
            store.lockHoldings(touched);
        }
        int leg = 0;
        for (Move m : request.moves()) {
            leg++;
            if (request.needsApproval()) {
                move(id, leg, m, m.debit(), m.debitState(), m.debit(), HoldingState.RESERVED, LedgerEntry.Phase.PENDING, null, null, at);
            } else {
                move(id, leg, m, m.debit(), m.debitState(), m.credit(), m.creditState(), LedgerEntry.Phase.POSTED, null, m.reverses(), at);
            }
        }
        return submitted(id, request, at, alsoRecord);
    }

    /** The id is taken: the first outcome if this is the same request, a refusal if it is another. */
    private Submitted replay(Request request, String sha256) {
        if (!store.sha256Of(request.idempotencyId()).equals(sha256)) {
            throw new ValidationFailed(FieldViolation.of("id", "registry.idempotency.mismatch",
                    "This id was already used for a different request: nothing was done", request.idempotencyId()));
        }
        return new Submitted(store.operationByIdempotencyId(request.idempotencyId()).orElseThrow(), true);
    }

    private Submitted submitted(UUID id, Request request, Instant at, Consumer<Operation> alsoRecord) {
        Operation op = new Operation(id, request.idempotencyId(), request.kind(),
                request.needsApproval() ? Operation.Status.PENDING_APPROVAL : Operation.Status.POSTED, request.reference(),
                request.account() == null ? null : request.account().number(), request.details(), request.moves().stream().map(Ledger::leg).toList(),
                request.by().name(), request.by().userId(), request.by().organisationId(), at, null);
        alsoRecord.accept(op);
        return new Submitted(op, false);
    }

    /**
     * Approves (posts every pending leg) or rejects (voids them), then runs {@code onDecision} in the same transaction:
     * exactly once — a second decision is refused by the database as well as here.
     */
    Operation decide(UUID operationId, boolean approve, Initiator by, String reason, Consumer<Operation> onDecision) {
        return retrying(() -> {
            try {
                return tx.execute(status -> {
                    Operation op = store.operation(operationId).orElseThrow(() -> new RecordNotFound("Registry operation", operationId));
                    Instant at = clock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL stores it
                    if (!store.insertDecision(operationId, approve, by, reason, at)) {
                        throw new ValidationFailed(FieldViolation.of("operation", "registry.operation.decided",
                                "This operation has already been decided: nothing was done"));
                    }
                    List<LedgerEntry> entries = store.entriesOf(operationId);
                    if (op.legs().size() > 1) {
                        List<LedgerStore.HoldingRef> touched = new ArrayList<>();
                        for (Operation.Leg leg : op.legs()) {
                            Account debit = account(leg.debitAccount());
                            touched.add(new LedgerStore.HoldingRef(debit, leg.unitType(), leg.vintage(), HoldingState.RESERVED));
                            touched.add(approve ? new LedgerStore.HoldingRef(account(leg.creditAccount()), leg.unitType(), leg.vintage(), leg.creditState())
                                    : new LedgerStore.HoldingRef(debit, leg.unitType(), leg.vintage(), leg.debitState()));
                        }
                        store.lockHoldings(touched);
                    }
                    for (LedgerEntry pending : entries) {
                        if (pending.phase() != LedgerEntry.Phase.PENDING) {
                            continue;
                        }
                        Operation.Leg leg = op.legs().get(pending.leg() - 1);
                        Account reservedIn = account(pending.debitAccount());
                        Move m = new Move(reservedIn, HoldingState.RESERVED, account(leg.creditAccount()), leg.creditState(), leg.unitType(), leg.vintage(),
                                leg.quantity());
                        if (approve) {
                            // the accounts' statuses as they are now: one closed or frozen since the request is not posted to
                            List<FieldViolation> now = LedgerRules.statuses(op.kind(), m);
                            if (!now.isEmpty()) {
                                throw new ValidationFailed(now);
                            }
                        }
                        if (approve) {
                            move(operationId, 1000 + pending.leg(), m, reservedIn, HoldingState.RESERVED, m.credit(), m.creditState(),
                                    LedgerEntry.Phase.POST_PENDING, pending.id(), reversalOf(op, pending.leg()), at);
                        } else {
                            move(operationId, 2000 + pending.leg(), m, reservedIn, HoldingState.RESERVED, reservedIn, leg.debitState(),
                                    LedgerEntry.Phase.VOID_PENDING, pending.id(), null, at);
                        }
                    }
                    Operation decided = store.operation(operationId).orElseThrow();
                    onDecision.accept(decided);
                    return decided;
                });
            } catch (Insufficient e) {
                throw new ValidationFailed(LedgerRules.insufficient(e.move, store, OperationKind.TRANSFER));
            }
        });
    }

    private static Operation.Leg leg(Move m) {
        return new Operation.Leg(m.debit().number(), m.debitState(), m.credit().number(), m.creditState(), m.unit(), m.vintage(), m.quantity());
    }

    private Long reversalOf(Operation op, int leg) {
        String reverses = op.details().get("reverses." + leg);
        return reverses == null ? null : Long.valueOf(reverses);
    }

    private Account account(String number) {
        return store.account(number).orElseThrow(() -> new RecordNotFound("Registry account", number));
    }

    private void move(UUID op, int leg, Move original, Account debit, HoldingState debitState, Account credit, HoldingState creditState,
            LedgerEntry.Phase phase, Long pending, Long reverses, Instant at) {
        try {
            store.move(op, leg, debit, debitState, credit, creditState, original.unit(), original.vintage(), original.quantity(), phase, pending, reverses, at);
        } catch (DataIntegrityViolationException e) {
            throw refusal(e, new Move(debit, debitState, credit, creditState, original.unit(), original.vintage(), original.quantity()));
        }
    }

    /** What a constraint the database enforced says to the user (the transaction rolls back either way). */
    private static RuntimeException refusal(DataIntegrityViolationException e, Move m) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("holding_balance_check")) {
            return new Insufficient(m);
        }
        if (message.contains("transfer_reverses_id_key")) {
            return new ValidationFailed(FieldViolation.of("reference", "registry.reversal.twice", "This operation has already been reversed"));
        }
        return e;
    }

    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep((long) (Math.random() * 5 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private String content(Request r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", r.kind().name());
        content.put("reference", r.reference());
        content.put("details", new TreeMap<>(r.details()));
        List<Map<String, Object>> legs = new ArrayList<>();
        for (Move m : r.moves()) {
            Map<String, Object> leg = new LinkedHashMap<>();
            leg.put("debit", m.debit().number());
            leg.put("debitState", m.debitState().name());
            leg.put("credit", m.credit().number());
            leg.put("creditState", m.creditState().name());
            leg.put("unit", m.unit().name());
            leg.put("vintage", m.vintage().toString());
            leg.put("quantity", m.quantity());
            legs.add(leg);
        }
        content.put("legs", legs);
        return json.writeValueAsString(content);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leg would take a holding below zero; thrown inside the transaction so that it rolls back. */
    private static final class Insufficient extends RuntimeException {
        private final transient Move move;

        Insufficient(Move move) {
            super("insufficient balance", null, false, false);
            this.move = move;
        }
    }
}
