package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.evidence.StoredEvidence;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relief plans (纾困方案, seed 003 §三): an emitter with major public-service duties that cannot comply applies with its
 * duties, difficulty and the measures it asks for, and supporting documents, by the application deadline where one
 * is set; one open or approved plan per emitter and year. The allocating bureau approves or rejects it with a note.
 */
@Service
public class ReliefPlans {

    static final int TEXT_LENGTH = 2000;
    private final ReliefPlanStore store;
    private final KeyEmitterDirectory directory;
    private final EvidenceFiles files;
    private final AllocationYearRules rules;
    private final Deadlines deadlines;
    private final Obligations obligations;
    private final Organisations organisations;
    private final WorkClock clock;

    ReliefPlans(ReliefPlanStore store, KeyEmitterDirectory directory, EvidenceFiles files, AllocationYearRules rules, Deadlines deadlines,
            Obligations obligations, Organisations organisations, WorkClock clock) {
        this.store = store;
        this.directory = directory;
        this.files = files;
        this.rules = rules;
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A document to attach: the file name as uploaded and its content. */
    public record Upload(String fileName, InputStream content) {
    }

    /** The emitter's officer applies; the documents are stored with the plan, or nothing is when one is refused. */
    @Transactional
    public ReliefPlan apply(CurrentUser user, int year, String duties, String difficulty, String measures, List<Upload> documents) {
        KeyEmitter e = ownEmitter(user);
        List<FieldViolation> problems = new ArrayList<>();
        String d = text(problems, "duties", duties, "allocation.relief.duties.missing", "Describe the public-service duties (民生保障任务)");
        String f = text(problems, "difficulty", difficulty, "allocation.relief.difficulty.missing", "Describe why the emitter cannot comply");
        String m = text(problems, "measures", measures, "allocation.relief.measures.missing", "Say which relief measures are requested");
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        Optional<Deadline> deadline = deadline(year, e.region());
        refuseAfter(deadline);
        store.current(e.uscc(), year).ifPresent(p -> {
            throw alreadyApplied(year);
        });
        Instant at = clock.now();
        ReliefPlan p = new ReliefPlan(UUID.randomUUID(), e.uscc(), e.name(), e.region(), year, d, f, m, ReliefPlan.Status.SUBMITTED, null, user.username(),
                at, null, null, 0, List.of());
        try {
            store.insert(p);
        } catch (DuplicateKeyException raced) {
            throw alreadyApplied(year);
        }
        for (Upload u : documents) {
            store(user, p.id(), u, at);
        }
        deadline.ifPresent(due -> authority(year, e.region()).ifPresent(org -> obligations.open(new NewObligation(key(p.id()), due, org, e.region(),
                e.uscc().value(), e.name(), null, String.valueOf(year), "/allocation/" + year + "/relief"))));
        return store.find(p.id()).orElseThrow();
    }

    /** The emitter adds a document to its plan while it is undecided and the deadline has not passed. */
    @Transactional
    public ReliefPlan attach(CurrentUser user, UUID id, String fileName, InputStream content) {
        ReliefPlan p = get(user, id);
        AllocationAccess.requireEmitter(user, p.emitter());
        requireOpen(p);
        refuseAfter(deadline(p.year(), p.region()));
        store(user, p.id(), new Upload(fileName, content), clock.now());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ReliefPlan approve(CurrentUser user, UUID id, int expectedVersion, String note) {
        return decide(user, id, expectedVersion, ReliefPlan.Status.APPROVED, note);
    }

    @Transactional
    public ReliefPlan reject(CurrentUser user, UUID id, int expectedVersion, String note) {
        return decide(user, id, expectedVersion, ReliefPlan.Status.REJECTED, note);
    }

    public ReliefPlan get(CurrentUser user, UUID id) {
        return store.find(id).filter(p -> AllocationAccess.sees(user, p.region(), p.emitter())).orElseThrow(() -> new RecordNotFound("Relief plan", id));
    }

    /** A document of a plan the user sees. */
    public ReliefPlan.Document document(CurrentUser user, UUID id, UUID uploadId) {
        return get(user, id).documents().stream().filter(d -> d.uploadId().equals(uploadId)).findFirst()
                .orElseThrow(() -> new RecordNotFound("Relief plan document", uploadId));
    }

    public List<ReliefPlan> ofYear(CurrentUser user, int year) {
        if (!AllocationAccess.seesYear(user) && user.uscc() == null) {
            return List.of();
        }
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return store.ofYear(year, prefix).stream().filter(p -> AllocationAccess.sees(user, p.region(), p.emitter())).toList();
    }

    public List<ReliefPlan> of(CurrentUser user, Uscc emitter, int year) {
        return store.of(emitter, year).stream().filter(p -> AllocationAccess.sees(user, p.region(), p.emitter())).toList();
    }

    /** The application deadline of the year for the region, if one is recorded. */
    public Optional<Deadline> deadline(int year, RegionCode region) {
        return Deadlines.ifSet(() -> deadlines.due(DeadlineKind.RELIEF_PLAN_APPLICATION, year, region));
    }

    public boolean mayDecide(CurrentUser user, int year, RegionCode region) {
        return AllocationAccess.isAuthority(user, region, rules.authorityLevel(year, region));
    }

    private ReliefPlan decide(CurrentUser user, UUID id, int expectedVersion, ReliefPlan.Status status, String note) {
        ReliefPlan p = get(user, id);
        AllocationAccess.requireAuthority(user, p.region(), rules.authorityLevel(p.year(), p.region()));
        requireOpen(p);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("note", "allocation.relief.note.missing", "Write the decision note"));
        }
        if (text.length() > TEXT_LENGTH) {
            throw new ValidationFailed(FieldViolation.of("note", "allocation.relief.text.tooLong", "At most {0} characters", TEXT_LENGTH));
        }
        if (!store.decide(p.id(), expectedVersion, status, text, user.username(), clock.now())) {
            requireOpen(store.find(p.id()).orElseThrow());
            throw new ConcurrentModification("Relief plan", p.id());
        }
        obligations.close(key(p.id()), Obligation.Outcome.DONE, user.username());
        return store.find(id).orElseThrow();
    }

    private void store(CurrentUser user, UUID planId, Upload u, Instant at) {
        StoredEvidence stored = files.store(user, u.fileName(), u.content());
        store.attach(planId, new ReliefPlan.Document(stored.uploadId(), stored.sha256(), stored.fileName(), stored.sizeBytes(), user.username(), at));
    }

    private KeyEmitter ownEmitter(CurrentUser user) {
        if (user.uscc() == null) {
            throw new AccessDenied("denied.allocation.emitter", "Only the emitter's own officers may do this");
        }
        AllocationAccess.requireEmitter(user, user.uscc());
        return directory.findByUscc(user.uscc()).orElseThrow(() -> new RecordNotFound("Key emitter", user.uscc().value()));
    }

    private void refuseAfter(Optional<Deadline> deadline) {
        if (deadline.isPresent() && clock.today().isAfter(deadline.get().due())) {
            throw new ValidationFailed(FieldViolation.of("plan", "allocation.relief.refused.deadlinePassed", "The application deadline ({0}) has passed",
                    deadline.get().due().toString()));
        }
    }

    private Optional<UUID> authority(int year, RegionCode region) {
        RegionCode bureau = rules.authorityLevel(year, region) == 4 ? region.city() : region.province();
        return organisations.bureauOf(bureau).map(o -> o.id());
    }

    private static String text(List<FieldViolation> problems, String field, String value, String missingKey, String missing) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldViolation.of(field, missingKey, missing));
        } else if (v.length() > TEXT_LENGTH) {
            problems.add(FieldViolation.of(field, "allocation.relief.text.tooLong", "At most {0} characters", TEXT_LENGTH));
        }
        return v;
    }

    private static void requireOpen(ReliefPlan p) {
        if (!p.open()) {
            throw new ValidationFailed(FieldViolation.of("plan", "allocation.relief.refused.alreadyDecided", "This relief plan is already decided"));
        }
    }

    private static ValidationFailed alreadyApplied(int year) {
        return new ValidationFailed(FieldViolation.of("plan", "allocation.relief.refused.alreadyApplied",
                "There is already an open or approved relief plan for {0}", year));
    }

    static String key(UUID planId) {
        return "RELIEF:" + planId;
    }
}
