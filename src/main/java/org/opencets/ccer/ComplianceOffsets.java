package org.opencets.ccer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.CcerOffsetRequested;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder's side of offsetting allowances with CCER (seed 001 第三步): bind the CCER account to the ETS registry
 * account, then "national compliance offset" (全国履约抵销) freezes CCER of one project and tells the ETS registry, in
 * the same transaction, with {@link CcerOffsetRequested}; or apply period-1 cancellations for 2021/2022 (seed 003 §二).
 * Eligibility (projects inside the national ETS, the 5 % cap) is the ETS side's judgement: this side only reports it.
 */
@Service
public class ComplianceOffsets {

    private final CcerStore store;
    private final Movements movements;
    private final CcerRegistry registry;
    private final ApplicationEventPublisher events;
    private final WorkClock clock;

    ComplianceOffsets(CcerStore store, Movements movements, CcerRegistry registry, ApplicationEventPublisher events, WorkClock clock) {
        this.store = store;
        this.movements = movements;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Binds the holder's CCER account to its ETS registry account (format E + 10 digits; the ETS registry checks that
     * it is the holder's own when the first lot arrives). Rebinding waits until no lot is pending there.
     */
    @Transactional
    public Recorded<CcerAccount> bind(CurrentUser user, String accountId, String etsAccount) {
        CcerAccount account = registry.account(user, accountId);
        CcerAccess.requireHolder(user, account);
        String ets = etsAccount == null ? "" : etsAccount.strip().toUpperCase(Locale.ROOT);
        if (!CcerInput.ETS_ACCOUNT.matcher(ets).matches()) {
            throw new ValidationFailed(FieldViolation.of("etsAccount", "ccer.etsAccount.format",
                    "An ETS registry account number is E and 10 digits, e.g. E0000000006", ets));
        }
        account = store.accountForUpdate(account.id()).orElseThrow();
        if (ets.equals(account.boundEtsAccount())) {
            return new Recorded<>(account, true);
        }
        if (account.bound() && store.offsets(account.id()).stream().anyMatch(o -> o.status() == CcerOffset.Status.FROZEN)) {
            throw new ValidationFailed(FieldViolation.of("etsAccount", "ccer.binding.pending",
                    "Lots are still pending in ETS account {0}: rebind when they are used or recalled", account.boundEtsAccount()));
        }
        store.bind(account.id(), ets, clock.now());
        return new Recorded<>(store.account(account.id()).orElseThrow(), false);
    }

    /**
     * National compliance offset: freezes {@code quantity} AVAILABLE CCER of the project and publishes
     * {@link CcerOffsetRequested} for the bound ETS account. Once per request id.
     */
    @Transactional
    public Recorded<CcerOffset> requestOffset(CurrentUser user, String requestId, String accountId, String projectNumber, long quantity) {
        CcerAccount account = registry.account(user, accountId);
        CcerAccess.requireHolder(user, account);
        List<FieldViolation> problems = new ArrayList<>();
        String id = CcerInput.requestId(requestId, problems);
        problems.addAll(CcerInput.quantityProblems(quantity));
        String number = projectNumber == null ? "" : projectNumber.strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            problems.add(FieldViolation.of("project", "ccer.project.required", "Choose the project"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        String content = "OFFSET_FREEZE|" + account.id() + "|" + number + "|" + quantity;
        Optional<CcerMovement> previous = movements.previous(id, content);
        if (previous.isPresent()) {
            return new Recorded<>(store.offset(previous.get().offsetId()).orElseThrow(), true);
        }
        account = store.accountForUpdate(account.id()).orElseThrow();
        Optional<CcerProject> project = store.project(number);
        if (!account.bound()) {
            problems.add(FieldViolation.of("etsAccount", "ccer.binding.missing", "Bind this account to your ETS registry account first"));
        }
        if (project.isEmpty()) {
            problems.add(CcerRegistry.unknownProject(number));
        } else if (!store.everHeld(account.id(), number)) {
            problems.add(FieldViolation.of("project", "ccer.project.notHeld", "This account holds no CCER of project {0}", number));
        } else {
            long available = store.balance(account.id(), number, CcerHoldingState.AVAILABLE);
            if (quantity > available) {
                problems.add(FieldViolation.of("quantity", "ccer.quantity.moreThanAvailable", "Only {0} tCO2e of project {1} are available", available,
                        number));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        UUID offsetId = UUID.randomUUID();
        Instant at = clock.now();
        store.insertOffset(offsetId, account.id(), number, account.boundEtsAccount(), quantity, false, at);
        movements.record(new Movements.Move(id, CcerMovement.Kind.OFFSET_FREEZE, account.id(), number, CcerHoldingState.AVAILABLE,
                CcerHoldingState.FROZEN_FOR_OFFSET, quantity, offsetId), content, user.userId(), CcerRegistry.recorder(user), at);
        publish(account, project.get(), offsetId, quantity, false, at);
        return new Recorded<>(store.offset(offsetId).orElseThrow(), false);
    }

    /**
     * Applies a period-1 cancellation for 2021/2022 (seed 003 §二): nothing is frozen (the CCER are already cancelled);
     * the ETS registry is told with {@code firstPeriodCancelled = true}. Once per cancellation while it is applied.
     */
    @Transactional
    public Recorded<CcerOffset> applyFirstPeriodCancellation(CurrentUser user, String requestId, UUID cancellationId) {
        FirstPeriodCancellation found = (cancellationId == null ? Optional.<FirstPeriodCancellation>empty() : store.cancellation(cancellationId))
                .orElseThrow(() -> new RecordNotFound("Period-1 cancellation", cancellationId));
        CcerAccount account = registry.account(user, found.accountId());
        CcerAccess.requireHolder(user, account);
        List<FieldViolation> problems = new ArrayList<>();
        String id = CcerInput.requestId(requestId, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        String content = "FIRST_PERIOD_APPLICATION|" + cancellationId;
        Optional<CcerMovement> previous = movements.previous(id, content);
        if (previous.isPresent()) {
            return new Recorded<>(store.offset(previous.get().offsetId()).orElseThrow(), true);
        }
        account = store.accountForUpdate(account.id()).orElseThrow();
        FirstPeriodCancellation c = store.cancellationForUpdate(cancellationId).orElseThrow();
        if (!c.applicable()) {
            problems.add(FieldViolation.of("cancellation", "ccer.firstPeriod.applied", "This cancellation is already applied"));
        }
        if (!account.bound()) {
            problems.add(FieldViolation.of("etsAccount", "ccer.binding.missing", "Bind this account to your ETS registry account first"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        UUID offsetId = UUID.randomUUID();
        Instant at = clock.now();
        store.insertOffset(offsetId, account.id(), c.projectNumber(), account.boundEtsAccount(), c.quantity(), true, at);
        store.applied(c.id(), offsetId);
        movements.record(new Movements.Move(id, CcerMovement.Kind.FIRST_PERIOD_APPLICATION, account.id(), c.projectNumber(), null, null, c.quantity(),
                offsetId), content, user.userId(), CcerRegistry.recorder(user), at);
        publish(account, store.project(c.projectNumber()).orElseThrow(), offsetId, c.quantity(), true, at);
        return new Recorded<>(store.offset(offsetId).orElseThrow(), false);
    }

    private void publish(CcerAccount account, CcerProject project, UUID offsetId, long quantity, boolean firstPeriod, Instant at) {
        events.publishEvent(new CcerOffsetRequested(offsetId, account.id(), account.boundEtsAccount(), account.holder(), project.projectNumber(),
                project.name(), project.type(), project.inNationalEts(), quantity, firstPeriod, at));
    }
}
