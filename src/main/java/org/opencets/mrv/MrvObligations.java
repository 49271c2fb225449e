package org.opencets.mrv;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.DeadlineNotSet;
import org.opencets.calendar.Deadlines;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyValueMissing;
import org.opencets.calendar.PolicyYearData;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts every MRV step in the responsible organisation's inbox with the calendar's due date: the emitter's monthly
 * deposit and QC plan, the district's 5-day review, the emitter's 3-working-day correction, the city's 40-day
 * completion. Workflow steps open and close their own obligations; a nightly run opens the month that just ended.
 */
@Component
class MrvObligations {

    private static final Logger log = LoggerFactory.getLogger(MrvObligations.class);
    static final int PLAN_OPEN_DAYS_AHEAD = 60;

    private final Obligations obligations;
    private final Deadlines deadlines;
    private final Organisations organisations;
    private final KeyEmitterDirectory directory;
    private final DepositStore deposits;
    private final PlanStore plans;
    private final PolicyYearData policy;

    MrvObligations(Obligations obligations, Deadlines deadlines, Organisations organisations, KeyEmitterDirectory directory,
            DepositStore deposits, PlanStore plans, PolicyYearData policy) {
        this.policy = policy;
        this.obligations = obligations;
        this.deadlines = deadlines;
        this.organisations = organisations;
        this.directory = directory;
        this.deposits = deposits;
        this.plans = plans;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${opencets.obligations.cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "mrv.obligations", lockAtMostFor = "PT30M")
    void syncNow() {
        sync(obligations.today());
    }

    /** Opens the last two ended months' deposits and next year's plans for every operating power unit; closes what is done. */
    void sync(LocalDate today) {
        for (Map.Entry<KeyEmitter, List<GeneratingUnit>> e : directory.powerUnits().entrySet()) {
            KeyEmitter emitter = e.getKey();
            for (GeneratingUnit unit : e.getValue()) {
                for (int back = 2; back >= 1; back--) {
                    YearMonth month = YearMonth.from(today).minusMonths(back);
                    if (unit.isOperatingOn(month.atEndOfMonth())) {
                        monthlyDeposit(emitter, unit.id(), unit.unitCode(), month);
                    }
                }
                int planYear = today.getYear() + 1;
                if (unit.isOperatingOn(LocalDate.of(planYear, 1, 1))) {
                    find(() -> deadlines.due(DeadlineKind.QC_PLAN_SUBMISSION, planYear, emitter.region()))
                            .filter(due -> !today.isBefore(due.due().minusDays(PLAN_OPEN_DAYS_AHEAD)))
                            .ifPresent(due -> planSubmission(emitter, unit, planYear, due));
                }
            }
        }
    }

    void monthlyDeposit(KeyEmitter emitter, UUID unitId, String unitCode, YearMonth month) {
        String key = depositKey(emitter.uscc(), unitCode, month);
        if (obligations.find(key).isEmpty()) {
            org(emitter.uscc()).ifPresent(org -> find(() -> deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, month, emitter.region()))
                    .ifPresent(due -> obligations.open(new NewObligation(key, due, org.id(), emitter.region(), emitter.uscc().value(),
                            emitter.name(), unitCode, month.toString(), "/mrv/deposits/" + unitId + "/" + month))));
        }
        if (deposits.submittedOnce(unitId, month)) {
            obligations.close(key, Obligation.Outcome.DONE, "system");
        }
    }

    private void planSubmission(KeyEmitter emitter, GeneratingUnit unit, int year, Deadline due) {
        String key = planKey(emitter.uscc(), unit.unitCode(), year);
        org(emitter.uscc()).ifPresent(org -> obligations.open(new NewObligation(key, due, org.id(), emitter.region(), emitter.uscc().value(),
                emitter.name(), unit.unitCode(), String.valueOf(year), "/mrv/plans/" + unit.id() + "/" + year)));
        if (plans.versions(unit.id(), year).stream().anyMatch(p -> p.status() != PlanStatus.DRAFT)) {
            obligations.close(key, Obligation.Outcome.DONE, "system");
        }
    }

    // --- deposit workflow steps

    void depositSubmitted(Deposit d, String by) {
        obligations.close(depositKey(d.emitter(), d.unitCode(), d.month()), Obligation.Outcome.DONE, by);
        if (d.replaces() != null) {
            obligations.close("DEPOSIT_CORRECTION:" + d.replaces(), Obligation.Outcome.DONE, by);
        }
        bureau(d.region(), RegionCode.Level.DISTRICT).ifPresent(district -> find(() -> districtReviewDue(d))
                .ifPresent(due -> obligations.open(new NewObligation("DEPOSIT_DISTRICT_REVIEW:" + d.id(), due, district.id(), d.region(),
                        d.emitter().value(), d.emitterName(), d.unitCode(), d.month().toString(), link(d)))));
    }

    /** 5 natural days from the submission, at most 25 after month end (both data of the year). */
    private Deadline districtReviewDue(Deposit d) {
        Deadline due = deadlines.dueAfter(DeadlineKind.MONTHLY_DEPOSIT_DISTRICT_REVIEW, d.month().getYear(), d.region(), obligations.today());
        try {
            int cap = policy.decimal(PolicyParameter.MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS, "", d.month().getYear(), d.region()).intValueExact();
            return deadlines.cappedAfterMonthEnd(due, d.month(), cap);
        } catch (PolicyValueMissing e) {
            return due;
        }
    }

    /** A city return keeps the city's month open: it is complete only once a version is approved. */
    void depositReturned(Deposit d, boolean byDistrict, String by) {
        if (byDistrict) {
            obligations.close("DEPOSIT_DISTRICT_REVIEW:" + d.id(), Obligation.Outcome.DONE, by);
        }
        org(d.emitter()).ifPresent(org -> find(() -> deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, d.month().getYear(), d.region(),
                obligations.today())).ifPresent(due -> obligations.open(new NewObligation("DEPOSIT_CORRECTION:" + d.id(), due, org.id(),
                d.region(), d.emitter().value(), d.emitterName(), d.unitCode(), d.month().toString(), link(d)))));
    }

    void depositDistrictApproved(Deposit d, String by) {
        obligations.close("DEPOSIT_DISTRICT_REVIEW:" + d.id(), Obligation.Outcome.DONE, by);
        bureau(d.region(), RegionCode.Level.CITY).ifPresent(city -> find(() -> deadlines.dueAfterMonth(
                DeadlineKind.MONTHLY_DEPOSIT_CITY_COMPLETION, d.month(), d.region()))
                .ifPresent(due -> obligations.open(new NewObligation(cityKey(d), due, city.id(), d.region(), d.emitter().value(),
                        d.emitterName(), d.unitCode(), d.month().toString(), link(d)))));
    }

    void depositApproved(Deposit d, String by) {
        obligations.close(cityKey(d), Obligation.Outcome.DONE, by);
    }

    // --- plan workflow steps

    void planSubmitted(QcPlan p, int submission, String by) {
        obligations.close(planKey(p.emitter(), p.unitCode(), p.year()), Obligation.Outcome.DONE, by);
        bureau(p.region(), RegionCode.Level.DISTRICT).ifPresent(district -> find(() -> deadlines.due(DeadlineKind.QC_PLAN_REVIEW, p.year(),
                p.region())).ifPresent(due -> obligations.open(new NewObligation(planReviewKey(p, submission), due, district.id(), p.region(),
                p.emitter().value(), p.emitterName(), p.unitCode(), String.valueOf(p.year()), "/mrv/plans/" + p.unitId() + "/" + p.year()))));
    }

    void planReviewedByDistrict(QcPlan p, int submission, String by) {
        obligations.close(planReviewKey(p, submission), Obligation.Outcome.DONE, by);
    }

    /** Each submission of a plan version (a returned plan is resubmitted as it is) is its own review. */
    static String planReviewKey(QcPlan p, int submission) {
        return "QC_PLAN_REVIEW:" + p.id() + (submission > 1 ? ":" + submission : "");
    }

    static String depositKey(Uscc emitter, String unitCode, YearMonth month) {
        return "MONTHLY_DEPOSIT:" + emitter.value() + ":" + unitCode + ":" + month;
    }

    static String planKey(Uscc emitter, String unitCode, int year) {
        return "QC_PLAN:" + emitter.value() + ":" + unitCode + ":" + year;
    }

    private static String cityKey(Deposit d) {
        return "DEPOSIT_CITY:" + d.emitter().value() + ":" + d.unitCode() + ":" + d.month();
    }

    private static String link(Deposit d) {
        return "/mrv/deposits/" + d.unitId() + "/" + d.month();
    }

    private Optional<Organisation> org(Uscc uscc) {
        return organisations.findByUscc(uscc);
    }

    private Optional<Organisation> bureau(RegionCode region, RegionCode.Level level) {
        RegionCode target = level == RegionCode.Level.CITY ? region.city() : region;
        return organisations.bureauOf(target);
    }

    /** The deadline, or empty (logged) when the year's rule is not set: the step then has no inbox entry yet. */
    static Optional<Deadline> find(Supplier<Deadline> due) {
        return org.opencets.calendar.Deadlines.ifSet(due);
    }
}
