package org.opencets.registry;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.allocation.AllocationDecision;
import org.opencets.allocation.Allocations;
import org.opencets.allocation.IssuanceInstruction;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;

/**
 * Executes allocation's issuance instructions: issue from the national issuance account into the emitter's (or its
 * province's) account, or take back into it. The instruction's id is the idempotency id, so a redelivered event or a
 * reconciliation run applies nothing twice; a refused take-back is recorded with its reason for the operator, not lost.
 */
@Service
public class Issuance {

    private static final Map<IssuanceInstruction.Purpose, String> PURPOSES = Map.of(IssuanceInstruction.Purpose.PRE_ALLOCATION, "预分配",
            IssuanceInstruction.Purpose.TRUE_UP, "核定多退少补", IssuanceInstruction.Purpose.CORRECTION, "更正", IssuanceInstruction.Purpose.BORROWING, "预支");

    private final Registry registry;
    private final Ledger ledger;
    private final Allocations allocations;
    private final JdbcClient jdbc;
    private final WorkClock clock;

    Issuance(Registry registry, Ledger ledger, Allocations allocations, JdbcClient jdbc, WorkClock clock) {
        this.registry = registry;
        this.ledger = ledger;
        this.allocations = allocations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Synchronously after allocation's commit, outside any transaction: the ledger commits on its own, and demo history
     * loaded at its real dates keeps them. A failure leaves the event publication incomplete for resubmission, and
     * {@link #reconcile()} catches up on anything missed.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(IssuanceInstruction instruction) {
        execute(instruction);
    }

    /** Applies every instruction allocation has made that the registry has not executed (after downtime, or a refusal since cured). */
    public int reconcile() {
        int executed = 0;
        for (IssuanceInstruction i : allocations.allInstructions()) {
            if (!executed(i.id()) && execute(i)) {
                executed++;
            }
        }
        return executed;
    }

    /** Reconciliation asked for by an operator from the registry's pages. */
    public int reconcile(CurrentUser user) {
        RegistryAccess.requireOperator(user);
        return reconcile();
    }

    boolean execute(IssuanceInstruction i) {
        if (executed(i.id())) {
            return true;
        }
        Account account = i.account() == AllocationDecision.Account.PROVINCIAL ? registry.provincialAccount(i.region())
                : registry.emitterAccount(i.emitter(), i.emitterName(), i.region());
        Account issuance = registry.national(AccountKind.NATIONAL_ISSUANCE);
        Vintage vintage = Vintage.parse(i.vintage());
        HoldingState held = i.ownSurrenderOnly() ? HoldingState.SURRENDER_ONLY : HoldingState.AVAILABLE;
        Ledger.Move move = i.direction() == IssuanceInstruction.Direction.ISSUE
                ? new Ledger.Move(issuance, HoldingState.AVAILABLE, account, held, UnitType.CEA, vintage, i.quantity())
                : new Ledger.Move(account, held, issuance, HoldingState.AVAILABLE, UnitType.CEA, vintage, i.quantity());
        OperationKind kind = i.direction() == IssuanceInstruction.Direction.ISSUE ? OperationKind.ISSUANCE : OperationKind.TAKE_BACK;
        Map<String, String> details = Map.of("purpose", i.purpose().name(), "year", Integer.toString(i.year()), "emitter", i.emitter().value());
        try {
            Submitted s = ledger.submit(new Ledger.Request("allocation:" + i.id(), kind, account, i.id().toString(), details, List.of(move), false,
                    Ledger.Initiator.platform(i.year() + " 年度配额分配指令（" + PURPOSES.get(i.purpose()) + "）")),
                    op -> receipt(i, op.id(), true, null));
            if (s.replayed()) {
                receipt(i, s.operation().id(), true, null);
            }
            return true;
        } catch (ValidationFailed e) {
            receipt(i, null, false, e.getMessage());
            return false;
        }
    }

    private boolean executed(UUID instruction) {
        return jdbc.sql("select exists (select 1 from registry.instruction_receipt where instruction_id = ? and outcome = 'EXECUTED')")
                .param(instruction).query(Boolean.class).single();
    }

    private void receipt(IssuanceInstruction i, UUID operation, boolean executed, String reason) {
        jdbc.sql("""
                insert into registry.instruction_receipt (instruction_id, operation_id, emitter_uscc, outcome, reason, received_at) values (?,?,?,?,?,?)
                on conflict do nothing""")
                .params(i.id(), operation, i.emitter().value(), executed ? "EXECUTED" : "REFUSED", reason, Timestamp.from(clock.now())).update();
    }

    /** Instructions the registry refused, newest first, for the operator. */
    public List<InstructionReceipt> refused(CurrentUser user) {
        RegistryAccess.requireOperator(user);
        return jdbc.sql("""
                select * from registry.instruction_receipt r where outcome = 'REFUSED'
                  and not exists (select 1 from registry.instruction_receipt e where e.instruction_id = r.instruction_id and e.outcome = 'EXECUTED')
                order by received_at desc""")
                .query((rs, n) -> new InstructionReceipt(rs.getObject("instruction_id", UUID.class), rs.getObject("operation_id", UUID.class),
                        rs.getString("emitter_uscc"), false, rs.getString("reason"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }
}
