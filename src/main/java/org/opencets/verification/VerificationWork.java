package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.MerkleHash;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The firm's work on a task (核查指南: document review, on-site visit, findings) and the emitter's corrections, up to the
 * verification conclusion. Only the assigned firm's officers work; only the emitter's own officers answer.
 */
@Service
public class VerificationWork {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;

    private final VerificationTasks taskService;
    private final TaskStore tasks;
    private final WorkStore work;
    private final VerificationObligations obligations;
    private final ResultPublisher publisher;
    private final Deadlines deadlines;
    private final WorkClock clock;

    VerificationWork(VerificationTasks taskService, TaskStore tasks, WorkStore work, VerificationObligations obligations, ResultPublisher publisher,
            Deadlines deadlines, WorkClock clock) {
        this.taskService = taskService;
        this.tasks = tasks;
        this.work = work;
        this.obligations = obligations;
        this.publisher = publisher;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The firm records its review of the report, the deposits and their receipts. */
    @Transactional
    public VerificationTask reviewDocuments(CurrentUser user, UUID taskId, int expectedVersion, String note) {
        VerificationTask t = working(user, taskId);
        require(text("note", note, LONG_TEXT, "verification.review.missing", "Describe what the document review covered and found"));
        if (!tasks.documentReview(t.id(), expectedVersion, note.strip(), clock.now())) {
            throw new ConcurrentModification("Verification task", t.id());
        }
        event(t, user, "DOCUMENT_REVIEW", null);
        return tasks.find(t.id()).orElseThrow();
    }

    @Transactional
    public SiteVisit recordVisit(CurrentUser user, UUID taskId, LocalDate date, String verifiers, String places, String notes) {
        VerificationTask t = working(user, taskId);
        List<FieldViolation> violations = new ArrayList<>();
        if (date == null) {
            violations.add(FieldViolation.of("date", "verification.visit.date", "Enter the date of the visit"));
        } else if (date.isAfter(clock.today()) || date.getYear() <= t.year() - 1) {
            violations.add(FieldViolation.of("date", "verification.visit.dateRange", "The visit date must lie between {0} and today",
                    LocalDate.of(t.year(), 1, 1)));
        }
        violations.addAll(text("verifiers", verifiers, 500, "verification.visit.verifiers", "Name the verifiers who visited"));
        violations.addAll(text("places", places, 1000, "verification.visit.places", "Name the places visited"));
        if (notes != null && notes.length() > LONG_TEXT) {
            violations.add(FieldViolation.of("notes", "verification.tooLong", "At most {0} characters", LONG_TEXT));
        }
        require(violations);
        SiteVisit v = new SiteVisit(UUID.randomUUID(), t.id(), date, verifiers.strip(), places.strip(), notes == null ? "" : notes.strip(), clock.now(),
                user.username());
        work.insertVisit(v);
        event(t, user, "SITE_VISIT", date.toString());
        return v;
    }

    /** A finding (不符合项) goes to the emitter, which answers within the year's period. */
    @Transactional
    public Finding raiseFinding(CurrentUser user, UUID taskId, String subject, String description) {
        VerificationTask t = working(user, taskId);
        List<FieldViolation> violations = new ArrayList<>(text("subject", subject, SHORT_TEXT, "verification.finding.subject", "Give the finding a subject"));
        violations.addAll(text("description", description, LONG_TEXT, "verification.finding.description", "Describe the finding"));
        require(violations);
        Finding f = new Finding(UUID.randomUUID(), t.id(), work.nextFindingNumber(t.id()), subject.strip(), description.strip(), Finding.Status.OPEN,
                clock.now(), user.username(), null, null, null, null, null, null, 0);
        work.insertFinding(f);
        event(t, user, "FINDING_RAISED", "#" + f.number() + " " + f.subject());
        obligations.findingRaised(t, f, clock.today());
        return f;
    }

    /** The emitter's correction of a finding. */
    @Transactional
    public Finding respond(CurrentUser user, UUID findingId, int expectedVersion, String response) {
        Finding f = finding(user, findingId);
        VerificationTask t = taskService.task(user, f.taskId());
        VerificationAccess.requireEmitter(user, t);
        if (f.status() != Finding.Status.OPEN || !t.status().firmWorking()) {
            throw new ValidationFailed(FieldViolation.of("response", "verification.finding.notOpen", "This finding is not waiting for an answer"));
        }
        require(text("response", response, LONG_TEXT, "verification.finding.response", "Describe the correction"));
        if (!work.respond(f.id(), expectedVersion, response.strip(), clock.now(), user.username())) {
            throw new ConcurrentModification("Finding", f.id());
        }
        event(t, user, "FINDING_ANSWERED", "#" + f.number());
        obligations.findingAnswered(f, user.username());
        return work.finding(f.id()).orElseThrow();
    }

    /**
     * The verifier's verdict on a finding: {@code CLOSED} accepts the correction, {@code UNRESOLVED} records it as not
     * corrected (a note is required), {@code OPEN} sends a correction back to the emitter (a note is required).
     */
    @Transactional
    public Finding judgeFinding(CurrentUser user, UUID findingId, int expectedVersion, Finding.Status verdict, String note) {
        Finding f = finding(user, findingId);
        VerificationTask t = working(user, f.taskId());
        String n = note == null ? "" : note.strip();
        if (n.length() > 2000) {
            throw new ValidationFailed(FieldViolation.of("note", "verification.tooLong", "At most {0} characters", 2000));
        }
        boolean done = switch (verdict) {
            case CLOSED -> {
                if (f.status() != Finding.Status.CORRECTED) {
                    throw new ValidationFailed(FieldViolation.of("verdict", "verification.finding.noCorrection",
                            "Only a finding the emitter has answered can be closed as corrected"));
                }
                yield work.closeFinding(f.id(), expectedVersion, Finding.Status.CLOSED, n, clock.now(), user.username());
            }
            case UNRESOLVED -> {
                requireNote(n);
                LocalDate answerBy = deadlines.dueAfter(DeadlineKind.FINDING_RESPONSE, t.year(), t.region(),
                        LocalDate.ofInstant(f.raisedAt(), WorkClock.CHINA)).due();
                if (f.status() == Finding.Status.OPEN && !clock.today().isAfter(answerBy)) {
                    throw new ValidationFailed(FieldViolation.of("verdict", "verification.finding.answerPeriod",
                            "The emitter may answer until {0}; only then can an unanswered finding be recorded as not corrected", answerBy));
                }
                yield work.closeFinding(f.id(), expectedVersion, Finding.Status.UNRESOLVED, n, clock.now(), user.username());
            }
            case OPEN -> {
                requireNote(n);
                if (f.status() != Finding.Status.CORRECTED) {
                    throw new ValidationFailed(FieldViolation.of("verdict", "verification.finding.noCorrection",
                            "Only a finding the emitter has answered can be sent back"));
                }
                yield work.reopen(f.id(), expectedVersion, n, clock.now(), user.username());
            }
            case CORRECTED -> throw new ValidationFailed(FieldViolation.of("verdict", "verification.finding.verdict", "Choose a verdict"));
        };
        if (!done) {
            throw new ConcurrentModification("Finding", f.id());
        }
        event(t, user, "FINDING_" + verdict.name(), "#" + f.number());
        if (verdict == Finding.Status.OPEN) {
            obligations.findingRaised(t, work.finding(f.id()).orElseThrow(), clock.today());
        } else {
            obligations.findingClosed(f, user.username());
        }
        return work.finding(f.id()).orElseThrow();
    }

    /**
     * The verification conclusion. The first needs the document review and every finding settled; it opens the emitter's
     * objection window. A revision (after an upheld objection or a re-verification) is final at once and, after a
     * re-verification that changed the figures, must carry them.
     */
    @Transactional
    public Conclusion conclude(CurrentUser user, UUID taskId, int expectedVersion, ConclusionInput input) {
        VerificationTask t = working(user, taskId);
        TaskView view = taskService.view(user, taskId);
        List<FieldViolation> violations = new ArrayList<>();
        if (t.status() == TaskStatus.ASSIGNED && !t.documentReviewDone()) {
            violations.add(FieldViolation.of("review", "verification.conclusion.noReview", "Record the document review first"));
        }
        if (view.pendingFindings() > 0) {
            violations.add(FieldViolation.of("findings", "verification.conclusion.pendingFindings", "{0} findings are still open", view.pendingFindings()));
        }
        Reverification required = view.requiredByReverification();
        violations.addAll(ConclusionRules.check(t, input, required == null ? Map.of() : required.figures()));
        require(violations);
        int number = view.conclusions().size() + 1;
        Conclusion.Reason reason = number == 1 ? Conclusion.Reason.FIRST
                : required != null ? Conclusion.Reason.REVERIFICATION : Conclusion.Reason.OBJECTION_UPHELD;
        ConclusionRules.Totals totals = ConclusionRules.totals(input);
        LocalDate today = clock.today();
        boolean onTime = number == 1 ? !today.isAfter(t.due()) : !today.isAfter(revisionDue(t, view));
        Conclusion c = new Conclusion(UUID.randomUUID(), t.id(), number, reason, totals.total(), totals.compliance(), input.lines(), input.products(),
                input.opinion().strip(), clock.now(), user.username(), onTime, "");
        c = new Conclusion(c.id(), c.taskId(), c.number(), c.reason(), c.verifiedTotal(), c.verifiedCompliance(), c.lines(), c.products(), c.opinion(),
                c.issuedAt(), c.issuedBy(), c.onTime(), sha256(t, c));
        // the version-checked state change first: a double submit is a conflict, not a duplicate conclusion
        var window = number == 1 ? deadlines.dueAfter(DeadlineKind.VERIFICATION_OBJECTION, t.year(), t.region(), today) : null;
        boolean moved = number == 1 ? tasks.concluded(t.id(), expectedVersion, TaskStatus.ASSIGNED, TaskStatus.CONCLUDED, window.due())
                : tasks.move(t.id(), expectedVersion, TaskStatus.REVISION_REQUIRED, TaskStatus.FINAL);
        if (!moved) {
            throw new ConcurrentModification("Verification task", t.id());
        }
        work.insertConclusion(c);
        event(t, user, number == 1 ? "CONCLUDED" : "REVISED", "#" + number + " · " + totals.compliance().toPlainString() + " t");
        obligations.concluded(t, c, window, user.username());
        if (number > 1) {
            publisher.publish(tasks.find(t.id()).orElseThrow(), user.username(), user.organisationName());
        }
        return c;
    }

    private LocalDate revisionDue(VerificationTask t, TaskView view) {
        LocalDate requested = view.history().stream().filter(e -> e.action().equals("REVISION_REQUIRED")).reduce((a, b) -> b)
                .map(e -> LocalDate.ofInstant(e.at(), WorkClock.CHINA)).orElse(clock.today());
        return deadlines.dueAfter(DeadlineKind.VERIFICATION_REVISION, t.year(), t.region(), requested).due();
    }

    /** A fingerprint of what the conclusion says, printed on its report. */
    static String sha256(VerificationTask t, Conclusion c) {
        StringBuilder sb = new StringBuilder().append(t.emitter().value()).append('|').append(t.year()).append('|').append(c.number()).append('|')
                .append(c.verifiedTotal().toPlainString()).append('|').append(c.verifiedCompliance().toPlainString());
        c.lines().stream().sorted(java.util.Comparator.comparing(Conclusion.Line::unit)).forEach(l -> sb.append('|').append(l.unit()).append(':')
                .append(l.emissions().toPlainString()).append(':').append(l.compliance().toPlainString()).append(':').append(plain(l.generationMwh()))
                .append(':').append(plain(l.heatGj())));
        new java.util.TreeMap<>(c.products()).forEach((k, v) -> sb.append('|').append(k).append('=').append(v.toPlainString()));
        sb.append('|').append(c.opinion());
        return MerkleHash.hex(MerkleHash.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String plain(java.math.BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private VerificationTask working(CurrentUser user, UUID taskId) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireFirm(user, t);
        if (!t.status().firmWorking()) {
            throw new ValidationFailed(FieldViolation.of("status", "verification.task.notWorking", "The task is {0}: the firm cannot change it now",
                    t.status().name()));
        }
        return t;
    }

    private Finding finding(CurrentUser user, UUID findingId) {
        Finding f = work.finding(findingId).orElseThrow(() -> new RecordNotFound("Finding", findingId));
        taskService.task(user, f.taskId());
        return f;
    }

    private void event(VerificationTask t, CurrentUser user, String action, String detail) {
        tasks.event(t.id(), action, user.username(), user.organisationName(), clock.now(), detail);
    }

    private static void requireNote(String note) {
        if (note.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("note", "verification.finding.noteMissing", "Say why"));
        }
    }

    static List<FieldViolation> text(String field, String value, int max, String missingKey, String missingMessage) {
        if (value == null || value.isBlank()) {
            return List.of(FieldViolation.of(field, missingKey, missingMessage));
        }
        if (value.strip().length() > max) {
            return List.of(FieldViolation.of(field, "verification.tooLong", "At most {0} characters", max));
        }
        return List.of();
    }

    static void require(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
    }
}
