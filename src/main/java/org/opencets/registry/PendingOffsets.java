package org.opencets.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.CompliancePeriod;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ETS registry's side of CCER offsets: lots arriving from the CCER registry become PENDING_OFFSET (待抵销) in the
 * bound account (seed 001 第三步); surrenders reserve and use them (see {@link Registry#surrender}); what is still pending
 * 15 working days after a compliance period ends goes back to the CCER registry, once per period (seed 001 第六步).
 */
@Service
public class PendingOffsets {

    private final OffsetStore offsets;
    private final LedgerStore ledger;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final WorkClock clock;

    PendingOffsets(OffsetStore offsets, LedgerStore ledger, Deadlines deadlines, ApplicationEventPublisher events, PlatformTransactionManager txm,
            WorkClock clock) {
        this.offsets = offsets;
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.events = events;
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A lot the CCER registry froze: pending in the bound account, or — for an account that is not the emitter's — sent straight back. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(CcerOffsetRequested lot) {
        receive(lot);
    }

    boolean receive(CcerOffsetRequested lot) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<Account> account = ledger.account(lot.etsAccount())
                    .filter(a -> a.kind() == AccountKind.EMITTER && lot.emitter().equals(a.holder()) && a.status().mayReceive());
            String refusal = account.isPresent() ? null : "全国碳排放权注册登记系统账户 " + lot.etsAccount() + " 不属于 " + lot.emitter().value() + " 或已关闭";
            Instant at = clock.now();
            boolean recorded = offsets.receive(lot, account.orElse(null), refusal, at);
            if (recorded && refusal != null) {
                events.publishEvent(new CcerOffsetRecalled(lot.offsetId(), lot.quantity(), refusal, at, UUID.randomUUID()));
            }
            return recorded;
        }));
    }

    /**
     * A rejected surrender gives its CCER back to their lots; a lot whose period has already been recalled does not wait
     * for another recall: what the rejection freed goes back to the CCER registry at once.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(SurrenderDecided decided) {
        if (decided.approved()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Instant at = clock.now();
            for (var use : offsets.uses(decided.operationId()).entrySet()) {
                PendingOffset lot = offsets.lot(use.getKey()).orElseThrow();
                long back = Math.min(use.getValue(), lot.remaining());
                if (back > 0 && periodRecalled(lot)) {
                    String reason = "履约清缴申请未通过，所涉待抵销CCER所属履约期已强制召回，退回";
                    offsets.recall(lot.offsetId(), back, reason, at);
                    events.publishEvent(new CcerOffsetRecalled(lot.offsetId(), back, reason, at, UUID.randomUUID()));
                }
            }
        });
    }

    private boolean periodRecalled(PendingOffset lot) {
        java.time.LocalDate received = lot.receivedAt().atZone(WorkClock.CHINA).toLocalDate();
        return offsets.runs().stream().anyMatch(run -> clock.today().isAfter(run.recallDate())
                && periodEnd(run.periodLastYear()).map(end -> !received.isAfter(end)).orElse(false));
    }

    /** The lots of an account the user sees, oldest first. */
    public List<PendingOffset> of(CurrentUser user, Account account) {
        RegistryAccess.requireSees(user, account);
        return offsets.ofAccount(account);
    }

    /** The lots in an emitter's account, for compliance (which checks who may see them). */
    public List<PendingOffset> ofEmitter(Uscc emitter) {
        return ledger.emitterAccount(emitter).map(offsets::ofAccount).orElse(List.of());
    }

    /** The lots a surrender operation reserved or used, with each one's quantity in it. */
    public java.util.Map<java.util.UUID, Long> usesOf(java.util.UUID surrenderOperation) {
        return offsets.uses(surrenderOperation);
    }

    public Optional<PendingOffset> lot(java.util.UUID offsetId) {
        return offsets.lot(offsetId);
    }

    /**
     * The day after which a period's unused pending CCER are recalled: 15 working days (the year's rule) after the
     * period's final surrender date. Empty when the year has no rules.
     */
    public Optional<LocalDate> recallDate(int year) {
        CompliancePeriod period = CompliancePeriod.containing(year);
        return periodEnd(year).flatMap(end -> deadlines.national(DeadlineKind.PENDING_OFFSET_RECALL, period.lastYear(), end).map(Deadline::due));
    }

    /** The last day of a compliance period: the final surrender date of its last year. */
    public Optional<LocalDate> periodEnd(int year) {
        return deadlines.national(DeadlineKind.SURRENDER_FINAL, CompliancePeriod.containing(year).lastYear(), null).map(Deadline::due);
    }

    /** Daily: recalls every period whose recall date has passed and that has not been recalled. */
    @Scheduled(cron = "${opencets.registry.recall-cron:0 15 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "registry.offset-recall", lockAtMostFor = "PT1H")
    public void recallDue() {
        for (int year = 2021; year <= clock.today().getYear(); year++) {
            int last = CompliancePeriod.containing(year).lastYear();
            if (last != year || offsets.hasRun(last)) {
                continue;
            }
            Optional<LocalDate> due = recallDate(last);
            if (due.isPresent() && clock.today().isAfter(due.get())) {
                recall(last, "平台（到期自动召回）");
            }
        }
    }

    /** The registry operator runs a period's recall by hand (e.g. after downtime); refused before it is due and the second time. */
    public OffsetRecallRun recall(CurrentUser user, int year) {
        RegistryAccess.requireOperator(user);
        int last = CompliancePeriod.containing(year).lastYear();
        LocalDate due = recallDate(last).orElseThrow(() -> invalid("registry.recall.no.rule", "No recall rule is recorded for {0,number,#}", last));
        if (!clock.today().isAfter(due)) {
            throw invalid("registry.recall.not.due", "Pending CCER of {0,number,#} are recalled after {1}: not yet", last, due.toString());
        }
        return recall(last, user.displayName() + "（" + user.organisationName() + "）");
    }

    public List<OffsetRecallRun> runs() {
        return offsets.runs();
    }

    private OffsetRecallRun recall(int last, String by) {
        LocalDate end = periodEnd(last).orElseThrow();
        LocalDate due = recallDate(last).orElseThrow();
        return tx.execute(status -> {
            offsets.lockPeriod(last);
            Instant at = clock.now();
            Instant until = end.plusDays(1).atStartOfDay(WorkClock.CHINA).toInstant().minusNanos(1000);
            List<PendingOffset> lots = offsets.pendingUntil(until);
            if (lots.isEmpty() && offsets.hasRun(last)) {
                throw invalid("registry.recall.twice", "The pending CCER of {0,number,#} have already been recalled: nothing was moved", last);
            }
            String reason = "履约期结束15个工作日后仍处于待抵销状态，强制召回（" + due + "）";
            long total = 0;
            for (PendingOffset lot : lots) {
                offsets.recall(lot.offsetId(), lot.remaining(), reason, at);
                events.publishEvent(new CcerOffsetRecalled(lot.offsetId(), lot.remaining(), reason, at, UUID.randomUUID()));
                total += lot.remaining();
            }
            OffsetRecallRun run = new OffsetRecallRun(last, due, lots.size(), total, at, by);
            offsets.recordRun(run);
            return run;
        });
    }

    private static ValidationFailed invalid(String key, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of("year", key, message, args));
    }
}
