package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.mrv.AnnualReports;
import org.opencets.mrv.ApprovedReport;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's verification tasks (seed 002 §二(四), §三(二)): the city creates one per approved annual report in its
 * city and assigns a firm to each, by hand or by a random draw, never a conflicted one ({@link ConflictRules}).
 */
@Service
public class VerificationTasks {

    static final int SEED_LENGTH = 100;

    private final TaskStore tasks;
    private final WorkStore work;
    private final FirmStore firms;
    private final DrawStore draws;
    private final VerificationFirms firmRegister;
    private final AnnualReports reports;
    private final PolicyYearData policy;
    private final VerificationObligations obligations;
    private final WorkClock clock;
    private final SecureRandom random = new SecureRandom();

    VerificationTasks(TaskStore tasks, WorkStore work, FirmStore firms, DrawStore draws, VerificationFirms firmRegister, AnnualReports reports,
            PolicyYearData policy, VerificationObligations obligations, WorkClock clock) {
        this.tasks = tasks;
        this.work = work;
        this.firms = firms;
        this.draws = draws;
        this.firmRegister = firmRegister;
        this.reports = reports;
        this.policy = policy;
        this.obligations = obligations;
        this.clock = clock;
    }

    /** Creates a task for every approved report of the year in the city that has none yet; returns how many were created. */
    @Transactional
    public int createTasks(CurrentUser user, int year) {
        VerificationAccess.requireCity(user, user.region());
        List<FieldViolation> missing = new ArrayList<>();
        int created = 0;
        for (ApprovedReport r : reports.approved(user, year)) {
            var due = obligations.taskDue(year, r.report().sector().isPower(), r.report().region());
            if (due.isEmpty()) {
                missing.add(FieldViolation.of("year", "verification.task.noDeadline", "No verification deadline is recorded for {0}", String.valueOf(year)));
                break;
            }
            VerificationTask t = newTask(r, due.get());
            if (tasks.insert(t, user.username(), clock.now())) {
                tasks.event(t.id(), "CREATED", user.username(), user.organisationName(), clock.now(), "v" + r.report().reportVersion());
                obligations.created(t);
                created++;
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationFailed(missing);
        }
        return created;
    }

    private static VerificationTask newTask(ApprovedReport r, Deadline due) {
        var report = r.report();
        List<VerificationTask.ReportedLine> lines = r.lines().stream()
                .map(l -> new VerificationTask.ReportedLine(l.unit(), l.emissions(), l.compliance(), l.generationMwh(), l.heatGj())).toList();
        return new VerificationTask(UUID.randomUUID(), report.year(), report.emitter(), report.emitterName(), report.region(), report.sector(),
                report.id(), report.reportVersion(), r.totalEmissions(), r.complianceEmissions(), null, null, null, null, TaskStatus.UNASSIGNED,
                due.due(), null, null, null, 0, lines, r.products());
    }

    /** The tasks the user sees: a bureau its region's for the year, a firm its own, an emitter its own. */
    public List<VerificationTask> tasks(CurrentUser user, int year) {
        return switch (user.kind()) {
            case VERIFIER -> tasks.ofFirm(user.organisationId()).stream().filter(t -> t.year() == year).toList();
            case KEY_EMITTER -> tasks.ofEmitter(user.uscc()).stream().filter(t -> t.year() == year).toList();
            case MINISTRY -> tasks.year(year, "");
            default -> user.kind().isBureau() ? tasks.year(year, user.region().prefix()) : List.of();
        };
    }

    public VerificationTask task(CurrentUser user, UUID id) {
        return tasks.find(id).filter(t -> VerificationAccess.sees(user, t)).orElseThrow(() -> new RecordNotFound("Verification task", id));
    }

    public TaskView view(CurrentUser user, UUID id) {
        VerificationTask t = task(user, id);
        return new TaskView(t, work.visits(id), work.findings(id), work.conclusions(id), work.objections(id), work.reverifications(id), tasks.events(id));
    }

    /** Every firm with the conflicts that keep it from this task (an empty list: eligible). */
    public Map<Firm, List<Conflict>> candidates(CurrentUser user, UUID taskId) {
        VerificationTask t = task(user, taskId);
        ConflictRules rules = rules(t.year(), t.region());
        Map<Firm, List<Conflict>> result = new LinkedHashMap<>();
        for (Firm f : firmRegister.firms()) {
            result.put(f, conflicts(rules, f, t));
        }
        return result;
    }

    @Transactional
    public VerificationTask assign(CurrentUser user, UUID taskId, int expectedVersion, UUID firmId) {
        VerificationTask t = task(user, taskId);
        VerificationAccess.requireCity(user, t.region());
        boolean reassign = t.status() == TaskStatus.ASSIGNED;
        if (t.status() != TaskStatus.UNASSIGNED && !reassign) {
            throw new ValidationFailed(FieldViolation.of("firm", "verification.task.notAssignable", "This task is past assignment"));
        }
        if (reassign && tasks.workedOn(t.id())) {
            throw new ValidationFailed(FieldViolation.of("firm", "verification.task.workStarted",
                    "The assigned firm has started work; the task cannot be given to another firm"));
        }
        Firm firm = firms.firm(firmId).orElseThrow(() -> new ValidationFailed(FieldViolation.of("firm", "verification.task.unknownFirm",
                "Choose a verification firm")));
        if (firmId.equals(t.firmId())) {
            throw new ValidationFailed(FieldViolation.of("firm", "verification.task.sameFirm", "{0} is already assigned", firm.name()));
        }
        List<Conflict> conflicts = conflicts(rules(t.year(), t.region()), firm, t);
        if (!conflicts.isEmpty()) {
            throw new ValidationFailed(conflicts.stream().map(c -> new FieldViolation("firm", c.messageKey(), c.code().name(),
                    withFirst(firm.name(), c.args()))).toList());
        }
        if (!tasks.assign(t.id(), expectedVersion, firmId, VerificationTask.Assignment.MANUAL, null, reassign)) {
            throw new ConcurrentModification("Verification task", t.id());
        }
        tasks.event(t.id(), reassign ? "REASSIGNED" : "ASSIGNED", user.username(), user.organisationName(), clock.now(), firm.name());
        obligations.assigned(t, user.username());
        obligations.firmAssigned(t, firmId);
        return tasks.find(t.id()).orElseThrow();
    }

    /**
     * Draws a firm for every unassigned task of the year in the user's city. The seed, every task's candidates and
     * excluded firms and the result are logged before the assignments are applied, in the same transaction.
     */
    @Transactional
    public Draw draw(CurrentUser user, int year, String seed) {
        VerificationAccess.requireCity(user, user.region());
        String s = seed(seed);
        List<VerificationTask> open = tasks.year(year, user.region().prefix()).stream().filter(t -> t.status() == TaskStatus.UNASSIGNED).toList();
        if (open.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("year", "verification.draw.nothing", "No unassigned task for {0}", String.valueOf(year)));
        }
        List<Firm> all = firmRegister.firms();
        List<Draw.Entry> entries = new ArrayList<>();
        for (VerificationTask t : open) {
            ConflictRules rules = rules(t.year(), t.region());
            List<String> candidates = new ArrayList<>();
            Map<String, List<String>> excluded = new LinkedHashMap<>();
            for (Firm f : all) {
                List<Conflict> conflicts = conflicts(rules, f, t);
                if (conflicts.isEmpty()) {
                    candidates.add(f.uscc().value());
                } else {
                    excluded.put(f.uscc().value(), conflicts.stream().map(c -> c.code().name()).toList());
                }
            }
            entries.add(new Draw.Entry(t.id().toString(), t.emitter().value(), t.emitterName(), candidates.stream().sorted().toList(), excluded));
        }
        Map<String, String> result = DrawAlgorithm.draw(s, entries.stream().map(e -> new DrawAlgorithm.Candidates(e.emitter(), e.candidates())).toList());
        Draw draw = new Draw(UUID.randomUUID(), year, user.region().value(), Draw.Purpose.ASSIGNMENT, s, DrawAlgorithm.DESCRIPTION, entries, result,
                clock.now(), user.username());
        draws.insert(draw);
        Map<String, Firm> byUscc = all.stream().collect(Collectors.toMap(f -> f.uscc().value(), f -> f));
        for (VerificationTask t : open) {
            String chosen = result.get(t.emitter().value());
            if (chosen == null) {
                tasks.event(t.id(), "DRAW_NO_CANDIDATE", user.username(), user.organisationName(), clock.now(), draw.id().toString());
                continue;
            }
            Firm firm = byUscc.get(chosen);
            if (!tasks.assign(t.id(), t.version(), firm.organisationId(), VerificationTask.Assignment.DRAW, draw.id(), false)) {
                throw new ConcurrentModification("Verification task", t.id());
            }
            tasks.event(t.id(), "DRAWN", user.username(), user.organisationName(), clock.now(), firm.name() + " · " + draw.id());
            obligations.assigned(t, user.username());
            obligations.firmAssigned(t, firm.organisationId());
        }
        return draw;
    }

    public Draw draw(CurrentUser user, UUID drawId) {
        Draw d = draws.find(drawId).orElseThrow(() -> new RecordNotFound("Draw", drawId));
        RegionCode region = RegionCode.of(d.region());
        boolean bureau = user.kind().isBureau() && (user.region().contains(region) || region.contains(user.region()));
        if (!(user.kind() == OrganisationKind.MINISTRY || bureau)) { // the log names every firm's conflicts: bureaus only
            throw new RecordNotFound("Draw", drawId);
        }
        return d;
    }

    public List<Draw> draws(CurrentUser user, int year) {
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return draws.ofYear(year, prefix).stream().map(id -> draw(user, id)).toList();
    }

    /** Recomputes a logged draw from its seed and inputs: true when it gives the logged result. */
    public static boolean reproduces(Draw d) {
        if (d.purpose() == Draw.Purpose.ASSIGNMENT) {
            return DrawAlgorithm.draw(d.seed(), d.entries().stream().map(e -> new DrawAlgorithm.Candidates(e.emitter(), e.candidates())).toList())
                    .equals(d.result());
        }
        List<String> sample = DrawAlgorithm.sample(d.seed(), d.entries().stream().map(Draw.Entry::taskId).toList(), d.result().size());
        return d.result().keySet().equals(java.util.Set.copyOf(sample));
    }

    String seed(String given) {
        if (given == null || given.isBlank()) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        if (given.strip().length() > SEED_LENGTH) {
            throw new ValidationFailed(FieldViolation.of("seed", "verification.tooLong", "At most {0} characters", SEED_LENGTH));
        }
        return given.strip();
    }

    ConflictRules rules(int year, RegionCode region) {
        int max = policy.current(PolicyParameter.VERIFIER_MAX_CONSECUTIVE_YEARS, year, region).decimal().intValueExact();
        boolean exclusion = policy.current(PolicyParameter.VERIFIER_PREPARATION_EXCLUSION, year, region).decimal().signum() > 0;
        return new ConflictRules(max, exclusion);
    }

    private List<Conflict> conflicts(ConflictRules rules, Firm f, VerificationTask t) {
        var years = new java.util.HashSet<>(tasks.yearsVerified(f.organisationId(), t.emitter()));
        years.remove(t.year());
        return rules.check(f, firms.verifiers(f.organisationId()), new ConflictRules.Target(t.emitter(), t.region().value().substring(0, 2), t.sector(),
                t.year()), firms.engagements(f.organisationId()), years, clock.today());
    }

    private static List<Object> withFirst(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
