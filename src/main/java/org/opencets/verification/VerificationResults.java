package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the conclusion: the emitter accepts it or objects within the window (7 working days); the city coordinates
 * emitter and firm and decides within 10 working days (seed 002 §二(四)); the city may re-verify (复查) a specific
 * report or a sample, and the firm revises its report to the re-verified figures (seed 004 §三(三)6). A conclusion
 * nobody objected to becomes final when the window closes. Final figures are published once ({@link ResultPublisher}).
 */
@Service
public class VerificationResults {

    private final VerificationTasks taskService;
    private final TaskStore tasks;
    private final WorkStore work;
    private final DrawStore draws;
    private final VerificationObligations obligations;
    private final ResultPublisher publisher;
    private final Deadlines deadlines;
    private final WorkClock clock;
    private final TransactionTemplate transactions;

    VerificationResults(VerificationTasks taskService, TaskStore tasks, WorkStore work, DrawStore draws, VerificationObligations obligations,
            ResultPublisher publisher, Deadlines deadlines, WorkClock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.taskService = taskService;
        this.tasks = tasks;
        this.work = work;
        this.draws = draws;
        this.obligations = obligations;
        this.publisher = publisher;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The emitter accepts the result before the window closes: it is final at once. */
    @Transactional
    public VerificationTask accept(CurrentUser user, UUID taskId, int expectedVersion) {
        VerificationTask t = concludedForEmitter(user, taskId);
        move(t, expectedVersion, TaskStatus.CONCLUDED, TaskStatus.FINAL);
        event(t, user, "ACCEPTED", null);
        Conclusion c = work.latestConclusion(t.id()).orElseThrow();
        obligations.objectionWindowClosed(c, user.username());
        publisher.publish(reload(t), user.username(), user.organisationName());
        return reload(t);
    }

    /** The emitter objects (异议) within the window; the city must decide by the decision deadline. */
    @Transactional
    public Objection object(CurrentUser user, UUID taskId, int expectedVersion, String grounds) {
        VerificationTask seen = taskService.task(user, taskId);
        LocalDate today = clock.today();
        if (seen.objectionUntil() != null && today.isAfter(seen.objectionUntil()) && VerificationAccess.isEmitter(user, seen)) {
            throw new ValidationFailed(FieldViolation.of("grounds", "verification.objection.late",
                    "The objection period ended on {0}", seen.objectionUntil()));
        }
        VerificationTask t = concludedForEmitter(user, taskId);
        VerificationWork.require(VerificationWork.text("grounds", grounds, VerificationWork.LONG_TEXT, "verification.objection.grounds",
                "State the grounds of the objection"));
        Deadline decideBy = deadlines.dueAfter(DeadlineKind.OBJECTION_DECISION, t.year(), t.region(), today);
        Conclusion c = work.latestConclusion(t.id()).orElseThrow();
        Objection o = new Objection(UUID.randomUUID(), t.id(), c.id(), grounds.strip(), clock.now(), user.username(), decideBy.due(), null, null, null,
                null, List.of());
        move(t, expectedVersion, TaskStatus.CONCLUDED, TaskStatus.OBJECTED);
        work.insertObjection(o);
        event(t, user, "OBJECTED", null);
        obligations.objected(t, o, decideBy, user.username());
        return o;
    }

    /** The city's record of coordinating emitter and firm on an objection. */
    @Transactional
    public void coordinate(CurrentUser user, UUID taskId, String note) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireCity(user, t.region());
        Objection o = openObjection(t);
        VerificationWork.require(VerificationWork.text("note", note, 2000, "verification.objection.note", "Write what was agreed or discussed"));
        work.note(o.id(), note.strip(), clock.now(), user.username());
        event(t, user, "COORDINATED", null);
    }

    /** The city's decision: an upheld objection sends the conclusion back to the firm for revision; a rejected one makes it final. */
    @Transactional
    public VerificationTask decide(CurrentUser user, UUID taskId, int expectedVersion, Objection.Decision decision, String text) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireCity(user, t.region());
        Objection o = openObjection(t);
        List<FieldViolation> violations = new ArrayList<>();
        if (decision == null) {
            violations.add(FieldViolation.of("decision", "verification.objection.decision", "Choose upheld or rejected"));
        }
        violations.addAll(VerificationWork.text("decisionText", text, VerificationWork.LONG_TEXT, "verification.objection.decisionText",
                "Give the reasons of the decision"));
        VerificationWork.require(violations);
        TaskStatus to = decision == Objection.Decision.UPHELD ? TaskStatus.REVISION_REQUIRED : TaskStatus.FINAL;
        move(t, expectedVersion, TaskStatus.OBJECTED, to);
        if (!work.decide(o.id(), decision, text.strip(), clock.now(), user.username())) {
            throw new ConcurrentModification("Objection", o.id());
        }
        event(t, user, "OBJECTION_" + decision.name(), text.strip());
        obligations.decided(o, user.username());
        if (to == TaskStatus.REVISION_REQUIRED) {
            revisionRequired(t, user);
        } else {
            publisher.publish(reload(t), user.username(), user.organisationName());
        }
        return reload(t);
    }

    /** The city re-verifies a specific final result. */
    @Transactional
    public Reverification reverify(CurrentUser user, UUID taskId, int expectedVersion) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireCity(user, t.region());
        return openReverification(user, t, expectedVersion, Reverification.Selection.SPECIFIC, null);
    }

    /** The city draws a sample of the year's final results to re-verify; the draw is logged like an assignment draw. */
    @Transactional
    public Draw sample(CurrentUser user, int year, int size, String seed) {
        VerificationAccess.requireCity(user, user.region());
        List<VerificationTask> finals = tasks.year(year, user.region().prefix()).stream().filter(t -> t.status() == TaskStatus.FINAL).toList();
        if (size < 1 || size > finals.size()) {
            throw new ValidationFailed(FieldViolation.of("size", "verification.sample.size", "Choose between 1 and {0} results", finals.size()));
        }
        String s = taskService.seed(seed);
        List<Draw.Entry> entries = finals.stream().map(t -> new Draw.Entry(t.id().toString(), t.emitter().value(), t.emitterName(), List.of(), Map.of()))
                .toList();
        Map<String, String> result = new LinkedHashMap<>();
        DrawAlgorithm.sample(s, entries.stream().map(Draw.Entry::taskId).toList(), size).forEach(id -> result.put(id, "SELECTED"));
        Draw draw = new Draw(UUID.randomUUID(), year, user.region().value(), Draw.Purpose.REVERIFICATION, s, DrawAlgorithm.SAMPLE_DESCRIPTION, entries,
                result, clock.now(), user.username());
        draws.insert(draw);
        for (VerificationTask t : finals) {
            if (result.containsKey(t.id().toString())) {
                openReverification(user, t, t.version(), Reverification.Selection.SAMPLE, draw.id());
            }
        }
        return draw;
    }

    /**
     * The re-verification's result: re-verified figures for every unit. When any differs from the firm's conclusion the
     * firm must revise its report to them; otherwise the result stands.
     */
    @Transactional
    public VerificationTask finishReverification(CurrentUser user, UUID taskId, int expectedVersion, Map<String, Reverification.Figures> figures,
            String opinion) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireCity(user, t.region());
        if (t.status() != TaskStatus.REVERIFYING) {
            throw new ValidationFailed(FieldViolation.of("status", "verification.reverification.notOpen", "No re-verification is open for this task"));
        }
        Reverification r = work.reverifications(t.id()).stream().filter(x -> !x.finished()).findFirst().orElseThrow();
        Conclusion c = work.latestConclusion(t.id()).orElseThrow();
        List<FieldViolation> violations = new ArrayList<>(ConclusionRules.checkFigures(t, figures));
        violations.addAll(VerificationWork.text("opinion", opinion, VerificationWork.LONG_TEXT, "verification.reverification.opinion",
                "Write the re-verification opinion"));
        VerificationWork.require(violations);
        boolean changed = c.lines().stream().anyMatch(l -> {
            Reverification.Figures f = figures.get(l.unit());
            return l.emissions().compareTo(f.emissions()) != 0 || l.compliance().compareTo(f.compliance()) != 0;
        });
        Map<String, Reverification.Figures> kept = new LinkedHashMap<>();
        t.lines().forEach(l -> kept.put(l.unit(), figures.get(l.unit())));
        move(t, expectedVersion, TaskStatus.REVERIFYING, changed ? TaskStatus.REVISION_REQUIRED : TaskStatus.FINAL);
        if (!work.finishReverification(r.id(), changed, opinion.strip(), kept, clock.now(), user.username())) {
            throw new ConcurrentModification("Re-verification", r.id());
        }
        event(t, user, changed ? "REVERIFIED_CHANGED" : "REVERIFIED_CONFIRMED", opinion.strip());
        if (changed) {
            revisionRequired(t, user);
        } else {
            publisher.publish(reload(t), user.username(), user.organisationName());
        }
        return reload(t);
    }

    /** Conclusions whose objection window closed without an objection become final (daily, and at start-up). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${opencets.obligations.cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "verification.finalise", lockAtMostFor = "PT30M")
    public void finaliseNow() {
        finaliseExpired(clock.today());
    }

    /** Each task in its own transaction: a failure leaves that task CONCLUDED for the next run and the others final. */
    public int finaliseExpired(LocalDate today) {
        int finalised = 0;
        for (VerificationTask t : tasks.inStatus(TaskStatus.CONCLUDED)) {
            if (t.objectionUntil() != null && today.isAfter(t.objectionUntil())
                    && Boolean.TRUE.equals(transactions.execute(status -> finalise(t)))) {
                finalised++;
            }
        }
        return finalised;
    }

    private boolean finalise(VerificationTask t) {
        if (!tasks.move(t.id(), t.version(), TaskStatus.CONCLUDED, TaskStatus.FINAL)) {
            return false;
        }
        tasks.event(t.id(), "WINDOW_CLOSED", "system", "OpenCETS", clock.now(), t.objectionUntil().toString());
        obligations.objectionWindowClosed(work.latestConclusion(t.id()).orElseThrow(), "system");
        publisher.publish(reload(t), "system", "OpenCETS");
        return true;
    }

    private Reverification openReverification(CurrentUser user, VerificationTask t, int expectedVersion, Reverification.Selection how, java.util.UUID drawId) {
        if (t.status() != TaskStatus.FINAL) {
            throw new ValidationFailed(FieldViolation.of("status", "verification.reverification.notFinal", "Only a final result can be re-verified"));
        }
        Conclusion c = work.latestConclusion(t.id()).orElseThrow();
        move(t, expectedVersion, TaskStatus.FINAL, TaskStatus.REVERIFYING);
        Reverification r = new Reverification(UUID.randomUUID(), t.id(), c.id(), how, drawId, clock.now(), user.username(), null, null, null, null, Map.of());
        work.insertReverification(r);
        event(t, user, "REVERIFICATION_OPENED", how.name());
        return r;
    }

    private void revisionRequired(VerificationTask t, CurrentUser user) {
        event(t, user, "REVISION_REQUIRED", null);
        obligations.revisionRequired(reload(t), work.conclusions(t.id()).size() + 1, clock.today());
    }

    private VerificationTask concludedForEmitter(CurrentUser user, UUID taskId) {
        VerificationTask t = taskService.task(user, taskId);
        VerificationAccess.requireEmitter(user, t);
        if (t.status() != TaskStatus.CONCLUDED) {
            throw new ValidationFailed(FieldViolation.of("status", "verification.objection.notConcluded",
                    "The result can be accepted or objected to only while the objection period is open"));
        }
        return t;
    }

    private Objection openObjection(VerificationTask t) {
        return work.objections(t.id()).stream().filter(Objection::open).findFirst()
                .orElseThrow(() -> new RecordNotFound("Open objection", t.id()));
    }

    private void move(VerificationTask t, int expectedVersion, TaskStatus from, TaskStatus to) {
        if (!tasks.move(t.id(), expectedVersion, from, to)) {
            throw new ConcurrentModification("Verification task", t.id());
        }
    }

    private VerificationTask reload(VerificationTask t) {
        return tasks.find(t.id()).orElseThrow();
    }

    private void event(VerificationTask t, CurrentUser user, String action, String detail) {
        tasks.event(t.id(), action, user.username(), user.organisationName(), clock.now(), detail);
    }
}
