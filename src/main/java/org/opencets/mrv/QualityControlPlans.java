package org.opencets.mrv;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data quality control plans (数据质量控制计划, seed 002 §二(一)): the emitter drafts next year's plan per unit and
 * submits it by Oct 15; the district reviews it (by Nov 15), then the city. An approved plan is revised by a new
 * version with a reason, reviewed again; the old version stays in force until the revision is approved.
 */
@Service
public class QualityControlPlans {

    private final MrvReaders readers;
    private final PlanStore store;
    private final DepositStore events;
    private final KeyEmitterDirectory directory;
    private final MonthlyDeposits deposits;
    private final MrvObligations obligations;
    private final Deadlines deadlines;

    QualityControlPlans(PlanStore store, DepositStore events, KeyEmitterDirectory directory, MonthlyDeposits deposits,
            MrvObligations obligations, Deadlines deadlines, MrvReaders readers) {
        this.store = store;
        this.readers = readers;
        this.events = events;
        this.directory = directory;
        this.deposits = deposits;
        this.obligations = obligations;
        this.deadlines = deadlines;
    }

    /** The version being worked on: the open draft or returned version, or a first draft with a row per parameter. */
    @Transactional
    public QcPlan draft(CurrentUser user, UUID unitId, int year) {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        MrvAccess.requireEmitter(user, unit.emitter().uscc());
        requirePlannableYear(year);
        Optional<QcPlan> open = store.open(unitId, year);
        if (open.isPresent()) {
            return editableOrRefuse(open.get());
        }
        if (store.inForce(unitId, year).isPresent()) {
            throw MonthlyDeposits.invalid("revisionReason", "plan.revision.reasonMissing",
                    "The {0} plan is approved; a revision needs a reason", year);
        }
        return create(user, unit, year, null, null, List.of());
    }

    /** A revision of the approved plan during the year: a new version with its reason, reviewed again. */
    @Transactional
    public QcPlan revise(CurrentUser user, UUID unitId, int year, String reason) {
        MonthlyDeposits.Unit unit = deposits.unit(user, unitId);
        MrvAccess.requireEmitter(user, unit.emitter().uscc());
        if (reason == null || reason.isBlank()) {
            throw MonthlyDeposits.invalid("revisionReason", "plan.revision.reasonMissing", "The {0} plan is approved; a revision needs a reason",
                    year);
        }
        Optional<QcPlan> open = store.open(unitId, year);
        if (open.isPresent()) {
            return editableOrRefuse(open.get());
        }
        QcPlan approved = store.inForce(unitId, year).orElseThrow(() -> MonthlyDeposits.invalid("revisionReason", "plan.revision.nothingApproved",
                "There is no approved {0} plan to revise", year));
        return create(user, unit, year, approved.id(), reason.strip(), approved.items());
    }

    private QcPlan create(CurrentUser user, MonthlyDeposits.Unit unit, int year, UUID replaces, String reason, List<QcPlanItem> items) {
        UUID id = UUID.randomUUID();
        KeyEmitter e = unit.emitter();
        store.insert(new PlanStore.NewPlan(id, e.uscc(), e.name(), e.region(), unit.unit().id(), unit.unit().unitCode(), year,
                store.nextVersion(unit.unit().id(), year), replaces, reason, user.username()));
        store.replaceItems(id, items);
        events.event(id, "PLAN", replaces == null ? "DRAFTED" : "REVISION_STARTED", user.username(), user.organisationName(),
                reason == null ? List.of() : List.of(reason));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public QcPlan save(CurrentUser user, UUID planId, int expectedVersion, List<QcPlanItem> items) {
        QcPlan plan = editable(user, planId, expectedVersion);
        List<FieldViolation> problems = PlanRules.itemProblems(items, fuels(user, plan));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (!store.touch(planId, expectedVersion)) {
            throw new ConcurrentModification("QC plan", planId);
        }
        store.replaceItems(planId, items);
        return store.find(planId).orElseThrow();
    }

    @Transactional
    public QcPlan submit(CurrentUser user, UUID planId, int expectedVersion) {
        QcPlan plan = editable(user, planId, expectedVersion);
        List<FieldViolation> problems = PlanRules.submissionProblems(plan.items(), fuels(user, plan));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (!store.moveStatus(planId, expectedVersion, plan.status(), PlanStatus.SUBMITTED)) {
            throw new ConcurrentModification("QC plan", planId);
        }
        events.event(planId, "PLAN", "SUBMITTED", user.username(), user.organisationName(), List.of());
        QcPlan after = store.find(planId).orElseThrow();
        obligations.planSubmitted(after, submissions(planId), user.username());
        return after;
    }

    /** District approval (SUBMITTED) passes it to the city; city approval (DISTRICT_APPROVED) puts it in force. */
    @Transactional
    public QcPlan approve(CurrentUser user, UUID planId, int expectedVersion) {
        QcPlan plan = get(user, planId);
        boolean district = reviewLevel(plan, user) == ReviewLevel.DISTRICT;
        if (!district && plan.replaces() != null) {
            store.supersede(plan.replaces());
        }
        if (!store.moveStatus(planId, expectedVersion, plan.status(), district ? PlanStatus.DISTRICT_APPROVED : PlanStatus.APPROVED)) {
            throw new ConcurrentModification("QC plan", planId);
        }
        events.event(planId, "PLAN", district ? "DISTRICT_APPROVED" : "CITY_APPROVED", user.username(), user.organisationName(), List.of());
        QcPlan after = store.find(planId).orElseThrow();
        if (district) {
            obligations.planReviewedByDistrict(after, submissions(planId), user.username());
        }
        return after;
    }

    @Transactional
    public QcPlan returnWithReasons(CurrentUser user, UUID planId, int expectedVersion, List<String> reasons) {
        QcPlan plan = get(user, planId);
        boolean district = reviewLevel(plan, user) == ReviewLevel.DISTRICT;
        List<String> given = ReviewLevel.requireReasons(reasons);
        if (!store.moveStatus(planId, expectedVersion, plan.status(), PlanStatus.RETURNED)) {
            throw new ConcurrentModification("QC plan", planId);
        }
        events.event(planId, "PLAN", district ? "DISTRICT_RETURNED" : "CITY_RETURNED", user.username(), user.organisationName(), given);
        QcPlan after = store.find(planId).orElseThrow();
        if (district) {
            obligations.planReviewedByDistrict(after, submissions(planId), user.username());
        }
        return after;
    }

    private int submissions(UUID planId) {
        return (int) events.events(planId).stream().filter(e -> e.action().equals("SUBMITTED")).count();
    }

    public QcPlan get(CurrentUser user, UUID planId) {
        return store.find(planId).filter(p -> readers.sees(user, p.region(), p.emitter()))
                .orElseThrow(() -> new RecordNotFound("QC plan", planId));
    }

    public List<QcPlan> versions(CurrentUser user, UUID unitId, int year) {
        deposits.unit(user, unitId);
        return store.versions(unitId, year);
    }

    public Optional<QcPlan> inForce(CurrentUser user, UUID unitId, int year) {
        deposits.unit(user, unitId);
        return store.inForce(unitId, year);
    }

    public List<QcPlan> ofEmitter(CurrentUser user, KeyEmitter emitter, int year) {
        directory.get(user, emitter.id());
        return store.ofEmitter(emitter.uscc(), year);
    }

    public List<QcPlan> reviewQueue(CurrentUser user) {
        return switch (user.kind()) {
            case DISTRICT_BUREAU -> store.inStatus(user.region().prefix(), PlanStatus.SUBMITTED);
            case CITY_BUREAU -> store.inStatus(user.region().prefix(), PlanStatus.DISTRICT_APPROVED);
            default -> List.of();
        };
    }

    public List<ReviewEvent> history(CurrentUser user, UUID planId) {
        return events.events(get(user, planId).id());
    }

    private List<org.opencets.directory.Fuel> fuels(CurrentUser user, QcPlan plan) {
        return deposits.unit(user, plan.unitId()).unit().fuels();
    }

    private QcPlan editable(CurrentUser user, UUID planId, int expectedVersion) {
        QcPlan plan = get(user, planId);
        MrvAccess.requireEmitter(user, plan.emitter());
        editableOrRefuse(plan);
        if (plan.version() != expectedVersion) {
            throw new ConcurrentModification("QC plan", planId);
        }
        return plan;
    }

    private static QcPlan editableOrRefuse(QcPlan plan) {
        if (!plan.status().editable()) {
            throw MonthlyDeposits.invalid("status", "plan.underReview", "The {0} plan of {1} is under review and cannot change now",
                    plan.year(), plan.unitCode());
        }
        return plan;
    }

    private static ReviewLevel reviewLevel(QcPlan plan, CurrentUser user) {
        ReviewLevel level = plan.status().waitingFor().orElseThrow(() -> MonthlyDeposits.invalid("status", "plan.notUnderReview",
                "This plan version is {0}, not waiting for a review", plan.status()));
        level.requireActor(user, plan.region());
        return level;
    }

    private void requirePlannableYear(int year) {
        int now = deadlines.today().getYear();
        if (year < now || year > now + 1) {
            throw MonthlyDeposits.invalid("year", "plan.year.range", "Plans are drafted for {0} or {1}", now, now + 1);
        }
    }
}
