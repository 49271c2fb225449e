package org.opencets.ccer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencets.registry.CcerOffsetRecalled;
import org.opencets.registry.CcerOffsetUsed;
import org.opencets.shared.WorkClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The ETS registry's answers to a lot: used by an approved surrender (cancel them here, seed 001 第四步) or recalled
 * (return them to the general holding, seed 001 第六步). Synchronously after the ETS side commits, in a transaction of
 * its own (or at once, when published outside a transaction). Each use is handled once by its useId and each lot recalled once, so a redelivery changes nothing; a
 * message that does not fit the lot is recorded as refused with its reason, not retried forever.
 */
@Component
class OffsetSettlement {

    private static final Logger log = LoggerFactory.getLogger(OffsetSettlement.class);
    static final String ETS_REGISTRY = "全国碳排放权注册登记系统";

    private final CcerStore store;
    private final Movements movements;
    private final JdbcClient jdbc;
    private final WorkClock clock;

    OffsetSettlement(CcerStore store, Movements movements, JdbcClient jdbc, WorkClock clock) {
        this.store = store;
        this.movements = movements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CcerOffsetUsed used) {
        Optional<CcerOffset> found = store.offsetForUpdate(used.offsetId());
        if (handled("USED", used.useId())) {
            return;
        }
        if (found.isEmpty()) {
            refuse("USED", used.useId(), used.offsetId(), used.quantity(), "unknown lot");
            return;
        }
        CcerOffset lot = found.get();
        if (used.quantity() <= 0 || used.quantity() > lot.pending()) {
            refuse("USED", used.useId(), lot.id(), used.quantity(), "only " + lot.pending() + " pending in the lot");
            return;
        }
        Instant at = clock.now();
        Movements.Move move = lot.firstPeriod()
                ? new Movements.Move("ets-used:" + used.useId(), CcerMovement.Kind.FIRST_PERIOD_USE, lot.accountId(), lot.projectNumber(), null, null,
                        used.quantity(), lot.id())
                : new Movements.Move("ets-used:" + used.useId(), CcerMovement.Kind.OFFSET_CANCELLATION, lot.accountId(), lot.projectNumber(),
                        CcerHoldingState.FROZEN_FOR_OFFSET, CcerHoldingState.CANCELLED, used.quantity(), lot.id());
        movements.record(move, used.toString(), null, ETS_REGISTRY, at);
        store.settle(lot.id(), used.quantity(), 0, at);
        handle("USED", used.useId(), lot.id(), used.quantity(), "APPLIED", null, at);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CcerOffsetRecalled recalled) {
        Optional<CcerOffset> found = store.offsetForUpdate(recalled.offsetId());
        if (handled("RECALLED", recalled.recallId())) {
            return;
        }
        if (found.isEmpty() || found.get().pending() == 0) {
            refuse("RECALLED", recalled.recallId(), recalled.offsetId(), recalled.quantity(), found.isEmpty() ? "unknown lot" : "nothing pending in the lot");
            return;
        }
        CcerOffset lot = found.get();
        // only what the ETS registry gave back: the rest may still be reserved by a surrender under review there
        long back = Math.min(recalled.quantity(), lot.pending());
        Instant at = clock.now();
        if (lot.firstPeriod()) {
            movements.record(new Movements.Move("ets-recalled:" + recalled.recallId(), CcerMovement.Kind.FIRST_PERIOD_RETURN, lot.accountId(),
                    lot.projectNumber(), null, null, back, lot.id()), recalled.toString(), null, ETS_REGISTRY, at);
            store.cancellationAppliedAs(lot.id()).ifPresent(c -> applicableAgain(c, lot, back, at));
        } else {
            movements.record(new Movements.Move("ets-recalled:" + recalled.recallId(), CcerMovement.Kind.OFFSET_RETURN, lot.accountId(),
                    lot.projectNumber(), CcerHoldingState.FROZEN_FOR_OFFSET, CcerHoldingState.AVAILABLE, back, lot.id()), recalled.toString(), null,
                    ETS_REGISTRY, at);
        }
        store.settle(lot.id(), 0, back, at);
        String note = back == recalled.quantity() ? recalled.reason() : "returned " + back + " (message said " + recalled.quantity() + "): " + recalled.reason();
        handle("RECALLED", recalled.recallId(), lot.id(), recalled.quantity(), "APPLIED", note, at);
    }

    /** An unused period-1 cancellation may be applied again; a partly used one leaves its unused rest applicable. */
    private void applicableAgain(FirstPeriodCancellation c, CcerOffset lot, long back, Instant at) {
        if (lot.cancelledQuantity() == 0) {
            store.applied(c.id(), null);
        } else {
            store.insertCancellation(UUID.randomUUID(), c.accountId(), c.projectNumber(), back, c.cancelledOn(), c.id(), at);
        }
    }

    private boolean handled(String kind, UUID eventId) {
        return jdbc.sql("select exists (select 1 from ccer.handled_event where event_kind = ? and event_id = ?)").params(kind, eventId)
                .query(Boolean.class).single();
    }

    private void refuse(String kind, UUID eventId, UUID offset, long quantity, String reason) {
        log.warn("CCER registry refused {} {} for lot {}: {}", kind, eventId, offset, reason);
        handle(kind, eventId, offset, quantity, "REFUSED", reason, clock.now());
    }

    private void handle(String kind, UUID eventId, UUID offset, long quantity, String outcome, String reason, Instant at) {
        jdbc.sql("""
                insert into ccer.handled_event (event_kind, event_id, offset_id, quantity, outcome, reason, handled_at) values (?,?,?,?,?,?,?)
                on conflict do nothing""")
                .params(kind, eventId, offset, quantity, outcome, reason, Timestamp.from(at)).update();
    }
}
