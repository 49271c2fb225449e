package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.allocationmethod.BorrowingLimit;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Borrowing (预支) of the next year's allowances (seed 003 §三; 2021/22 only): an emitter whose final allocation leaves a
 * gap of at least the year's threshold (10 %) applies for up to the year's share (50 %) of the gap, by the application
 * deadline; the allocating bureau approves a quantity or rejects, once. An approval sends one issuance instruction of
 * the next year's vintage, for the borrower's own surrender only; the next year's true-up deducts it
 * ({@link Allocations#borrowedAgainst}). Special-case entities may not borrow (seed 003 §一).
 */
@Service
public class Borrowings {

    static final int REASON_LENGTH = 2000;
    static final int NOTE_LENGTH = 1000;
    private final BorrowingStore store;
    private final Allocations allocations;
    private final AllocationYearRules rules;
    private final InstructionStore instructions;
    private final DecisionStore decisions;
    private final Deadlines deadlines;
    private final Obligations obligations;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final WorkClock clock;

    Borrowings(BorrowingStore store, Allocations allocations, AllocationYearRules rules, InstructionStore instructions, DecisionStore decisions,
            Deadlines deadlines, Obligations obligations, Organisations organisations, ApplicationEventPublisher events, WorkClock clock) {
        this.store = store;
        this.allocations = allocations;
        this.rules = rules;
        this.instructions = instructions;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Where an emitter stands for borrowing in a year: the year's threshold and share (null: no borrowing this year),
     * the application deadline (null: none recorded), the final allocation and the limit it gives (null without one),
     * the open or approved request, and why it cannot apply now (empty: it may).
     */
    public record Standing(Uscc emitter, String emitterName, RegionCode region, int year, BigDecimal threshold, BigDecimal maxShare, Deadline deadline,
            AllocationDecision finalDecision, BorrowingLimit limit, Borrowing current, List<FieldViolation> obstacles) {

        public Standing {
            obstacles = List.copyOf(obstacles);
        }

        public boolean mayRequest() {
            return obstacles.isEmpty();
        }
    }

    public Standing standing(CurrentUser user, Uscc emitter, int year) {
        return standing(allocations.entity(user, emitter, year), true);
    }

    /** The emitter's officer applies to borrow {@code quantity} tonnes against the year's gap. */
    @Transactional
    public Borrowing request(CurrentUser user, int year, long quantity, String reason) {
        if (user.uscc() == null) {
            throw new AccessDenied("denied.allocation.emitter", "Only the emitter's own officers may do this");
        }
        AllocationAccess.requireEmitter(user, user.uscc());
        EntityYear y = allocations.entity(user, user.uscc(), year);
        Standing s = standing(y, true);
        if (!s.mayRequest()) {
            throw new ValidationFailed(s.obstacles());
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (quantity <= 0) {
            problems.add(FieldViolation.of("quantity", "allocation.borrowing.quantity.notPositive", "Borrow a positive number of tonnes"));
        } else if (quantity > s.limit().maximum()) {
            problems.add(aboveLimit(s.limit().maximum()));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            problems.add(FieldViolation.of("reason", "allocation.borrowing.reason.missing", "Say why the emitter needs to borrow"));
        } else if (text.length() > REASON_LENGTH) {
            problems.add(FieldViolation.of("reason", "allocation.borrowing.reason.tooLong", "At most {0} characters", REASON_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        Borrowing b = new Borrowing(UUID.randomUUID(), y.emitter(), y.emitterName(), y.region(), year, quantity, s.limit().maximum(), s.limit().gap(),
                text, Borrowing.Status.REQUESTED, null, null, user.username(), clock.now(), null, null, 0);
        try {
            store.insert(b);
        } catch (DuplicateKeyException raced) {
            throw new ValidationFailed(alreadyRequested(year));
        }
        if (s.deadline() != null) {
            authority(b.year(), b.region()).ifPresent(org -> obligations.open(new NewObligation(key(b.id()), s.deadline(), org, b.region(),
                    b.emitter().value(), b.emitterName(), null, String.valueOf(year), "/allocation/" + year + "/borrowing")));
        }
        return b;
    }

    /**
     * The allocating bureau approves {@code quantity} (at most the request and the limit the final allocation gives
     * now) and instructs the registry to issue it, of the next year's vintage, for the borrower's own surrender only.
     */
    @Transactional
    public Borrowing approve(CurrentUser user, UUID id, int expectedVersion, long quantity, String note) {
        Borrowing b = get(user, id);
        AllocationAccess.requireAuthority(user, b.region(), rules.authorityLevel(b.year(), b.region()));
        requireOpen(b);
        Standing s = standing(allocations.entity(user, b.emitter(), b.year()), false);
        if (!s.obstacles().isEmpty()) {
            throw new ValidationFailed(s.obstacles());
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (quantity <= 0) {
            problems.add(FieldViolation.of("quantity", "allocation.borrowing.quantity.notPositive", "Borrow a positive number of tonnes"));
        } else if (quantity > b.requested()) {
            problems.add(FieldViolation.of("quantity", "allocation.borrowing.approve.aboveRequested", "At most the {0} t requested", b.requested()));
        } else if (quantity > s.limit().maximum()) {
            problems.add(aboveLimit(s.limit().maximum()));
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            problems.add(noteTooLong());
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        Instant at = clock.now();
        decide(b, expectedVersion, Borrowing.Status.APPROVED, quantity, text, user, at);
        IssuanceInstruction i = new IssuanceInstruction(UUID.randomUUID(), null, b.id(), b.emitter(), b.emitterName(), b.region(), b.year(),
                Vintage.ofYear(lendingYear(b.year())).toString(), IssuanceInstruction.Purpose.BORROWING, IssuanceInstruction.Direction.ISSUE, quantity,
                AllocationDecision.Account.EMITTER, true, at);
        instructions.insert(i);
        events.publishEvent(i);
        return store.find(id).orElseThrow();
    }

    /** The allocating bureau rejects the request, saying why. */
    @Transactional
    public Borrowing reject(CurrentUser user, UUID id, int expectedVersion, String note) {
        Borrowing b = get(user, id);
        AllocationAccess.requireAuthority(user, b.region(), rules.authorityLevel(b.year(), b.region()));
        requireOpen(b);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("note", "allocation.borrowing.note.missing", "Say why the request is rejected"));
        }
        if (text.length() > NOTE_LENGTH) {
            throw new ValidationFailed(noteTooLong());
        }
        decide(b, expectedVersion, Borrowing.Status.REJECTED, null, text, user, clock.now());
        return store.find(id).orElseThrow();
    }

    public Borrowing get(CurrentUser user, UUID id) {
        return store.find(id).filter(b -> AllocationAccess.sees(user, b.region(), b.emitter())).orElseThrow(() -> new RecordNotFound("Borrowing", id));
    }

    /** Every request of the year in the user's view, open ones first. */
    public List<Borrowing> ofYear(CurrentUser user, int year) {
        if (!AllocationAccess.seesYear(user) && user.uscc() == null) {
            return List.of();
        }
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return store.ofYear(year, prefix).stream().filter(b -> AllocationAccess.sees(user, b.region(), b.emitter())).toList();
    }

    /** An emitter's requests of a year, newest first. */
    public List<Borrowing> of(CurrentUser user, Uscc emitter, int year) {
        return store.of(emitter, year).stream().filter(b -> AllocationAccess.sees(user, b.region(), b.emitter())).toList();
    }

    /** The issuance instruction an approved request sent, if any. */
    public Optional<IssuanceInstruction> instruction(CurrentUser user, UUID id) {
        Borrowing b = get(user, id);
        return instructions.of(b.emitter()).stream().filter(i -> b.id().equals(i.borrowingId())).findFirst();
    }

    public boolean mayDecide(CurrentUser user, int year, RegionCode region) {
        return allocations.mayDecide(user, year, region);
    }

    private void decide(Borrowing b, int expectedVersion, Borrowing.Status status, Long approved, String note, CurrentUser user, Instant at) {
        if (!store.decide(b.id(), expectedVersion, status, approved, note, user.username(), at)) {
            requireOpen(store.find(b.id()).orElseThrow());
            throw new ConcurrentModification("Borrowing", b.id());
        }
        obligations.close(key(b.id()), Obligation.Outcome.DONE, user.username());
    }

    /**
     * The obstacles in the order they are decisive: no borrowing this year, the deadline passed (when applying), a
     * special case, no final allocation, the next year's allocation already final, a gap below the threshold, a request
     * already open or approved (applying).
     */
    private Standing standing(EntityYear y, boolean applying) {
        List<FieldViolation> obstacles = new ArrayList<>();
        Optional<BigDecimal[]> parameters = rules.borrowing(y.year(), y.region());
        BigDecimal threshold = parameters.map(p -> p[0]).orElse(null);
        BigDecimal share = parameters.map(p -> p[1]).orElse(null);
        Deadline deadline = parameters.isEmpty() ? null
                : Deadlines.ifSet(() -> deadlines.due(DeadlineKind.BORROWING_APPLICATION, y.year(), y.region())).orElse(null);
        AllocationDecision last = y.finalDecision().orElse(null);
        BorrowingLimit limit = parameters.isEmpty() || last == null || last.obligation() == null ? null
                : BorrowingLimit.of(last.obligation(), last.allocationDue(), threshold, share);
        Borrowing current = store.current(y.emitter(), y.year()).orElse(null);
        boolean special = y.specialCase().isPresent() || (last != null && last.specialCase() != null);
        if (parameters.isEmpty()) {
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.noBorrowingYear", "There is no borrowing for {0}", y.year()));
        } else if (applying && deadline != null && clock.today().isAfter(deadline.due())) {
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.deadlinePassed", "The application deadline ({0}) has passed",
                    deadline.due().toString()));
        } else if (special) {
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.specialCase",
                    "{0} is a special case of seed 003 §一 and may not borrow", y.emitterName()));
        } else if (limit == null) {
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.notFinal", "{0} has no final allocation for {1} yet",
                    y.emitterName(), y.year()));
        } else if (decisions.of(y.emitter(), lendingYear(y.year())).stream().anyMatch(AllocationDecision::isFinal)) {
            // the next year's true-up deducts borrowing when it is decided; once it is, nothing would deduct this
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.nextYearFinal",
                    "The {0} allocation of {1} is already final; nothing can be borrowed against it any more", lendingYear(y.year()), y.emitterName()));
        } else if (!limit.eligible()) {
            obstacles.add(FieldViolation.of("borrowing", "allocation.borrowing.refused.gapTooSmall",
                    "The gap rate {0} % is below the {1} % needed to borrow", percent(limit.gapRate()), percent(threshold)));
        } else if (applying && current != null) {
            obstacles.add(alreadyRequested(y.year()));
        }
        return new Standing(y.emitter(), y.emitterName(), y.region(), y.year(), threshold, share, deadline, last, limit, current, obstacles);
    }

    /** The allocating bureau's organisation: the province's, or the city's where the year's data says so. */
    private Optional<UUID> authority(int year, RegionCode region) {
        RegionCode bureau = rules.authorityLevel(year, region) == 4 ? region.city() : region.province();
        return organisations.bureauOf(bureau).map(o -> o.id());
    }

    private static void requireOpen(Borrowing b) {
        if (!b.open()) {
            throw new ValidationFailed(FieldViolation.of("borrowing", "allocation.borrowing.refused.alreadyDecided", "This request is already decided"));
        }
    }

    private static FieldViolation aboveLimit(long maximum) {
        return FieldViolation.of("quantity", "allocation.borrowing.quantity.aboveLimit", "At most {0} t may be borrowed", maximum);
    }

    private static FieldViolation alreadyRequested(int year) {
        return FieldViolation.of("borrowing", "allocation.borrowing.refused.alreadyRequested",
                "There is already an open or approved request for {0}", year);
    }

    private static FieldViolation noteTooLong() {
        return FieldViolation.of("note", "allocation.borrowing.note.tooLong", "At most {0} characters", NOTE_LENGTH);
    }

    /** 0.1500 → "15", 0.125 → "12.5". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    static String key(UUID borrowingId) {
        return "BORROWING:" + borrowingId;
    }

    /**
     * The year whose allowances are borrowed: the first year after the compliance period (seed 003 §三: in 2021 and 2022
     * emitters 预支2023年度配额), deducted at that year's true-up.
     */
    static int lendingYear(int year) {
        return org.opencets.shared.CompliancePeriod.containing(year).lastYear() + 1;
    }
}
