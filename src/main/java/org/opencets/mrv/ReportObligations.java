package org.opencets.mrv;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.EmitterStatus;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The annual report's steps in the inboxes (seed 002 §二(三), §三(一)): the emitter's report (power Feb 1, non-power
 * Sep 15), the district's 10-day review, the city's completion (power Mar 1; non-power with its verification by
 * Dec 31), and the correction of a returned report (the 3-working-day correction rule of returned data, seed 002
 * §二(七)). Opened from Dec 1 of the data year; closed as the steps happen.
 */
@Component
class ReportObligations {

    private final Obligations obligations;
    private final Deadlines deadlines;
    private final Organisations organisations;
    private final KeyEmitterDirectory directory;
    private final ReportStore reports;

    ReportObligations(Obligations obligations, Deadlines deadlines, Organisations organisations, KeyEmitterDirectory directory, ReportStore reports) {
        this.obligations = obligations;
        this.deadlines = deadlines;
        this.organisations = organisations;
        this.directory = directory;
        this.reports = reports;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${opencets.obligations.cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "mrv.reportObligations", lockAtMostFor = "PT30M")
    void syncNow() {
        sync(obligations.today());
    }

    void sync(LocalDate today) {
        for (KeyEmitter emitter : directory.all()) {
            if (emitter.status() == EmitterStatus.DISSOLVED) {
                continue;
            }
            yearsOpen(today).forEach(year -> report(emitter, year));
        }
    }

    /** Last year's report until it is done; from December also this year's. */
    static java.util.List<Integer> yearsOpen(LocalDate today) {
        return today.getMonthValue() == 12 ? java.util.List.of(today.getYear() - 1, today.getYear()) : java.util.List.of(today.getYear() - 1);
    }

    static DeadlineKind reportDeadline(KeyEmitter emitter) {
        return emitter.sector().isPower() ? DeadlineKind.ANNUAL_REPORT_POWER : DeadlineKind.ANNUAL_REPORT_NON_POWER;
    }

    void report(KeyEmitter emitter, int year) {
        String key = reportKey(emitter.uscc().value(), year);
        boolean submitted = reports.versions(emitter.uscc(), year).stream().anyMatch(r -> r.status().frozen());
        if (submitted) {
            obligations.close(key, Obligation.Outcome.DONE, "system");
        } else if (obligations.find(key).isEmpty()) {
            organisations.findByUscc(emitter.uscc()).ifPresent(org -> MrvObligations.find(() -> deadlines.due(reportDeadline(emitter), year, emitter.region()))
                    .ifPresent(due -> obligations.open(new NewObligation(key, due, org.id(), emitter.region(), emitter.uscc().value(),
                            emitter.name(), null, String.valueOf(year), link(emitter.uscc().value(), year)))));
        }
    }

    void submitted(AnnualReport r, String by) {
        obligations.close(reportKey(r.emitter().value(), r.year()), Obligation.Outcome.DONE, by);
        if (r.replaces() != null) {
            obligations.close(correctionKey(r.replaces().toString()), Obligation.Outcome.DONE, by);
        }
        if (r.sector().isPower()) {
            organisations.bureauOf(r.region()).ifPresent(district -> MrvObligations.find(() -> deadlines.dueAfter(DeadlineKind.ANNUAL_REPORT_DISTRICT_REVIEW,
                    r.year(), r.region(), obligations.today())).ifPresent(due -> open("ANNUAL_REPORT_DISTRICT_REVIEW:" + r.id(), due, district, r)));
        } else {
            cityReview(r, DeadlineKind.VERIFICATION_NON_POWER);
        }
    }

    void districtApproved(AnnualReport r, String by) {
        obligations.close("ANNUAL_REPORT_DISTRICT_REVIEW:" + r.id(), Obligation.Outcome.DONE, by);
        cityReview(r, DeadlineKind.ANNUAL_REPORT_CITY_REVIEW);
    }

    void approved(AnnualReport r, String by) {
        obligations.close("ANNUAL_REPORT_CITY_REVIEW:" + r.id(), Obligation.Outcome.DONE, by);
    }

    void returned(AnnualReport r, String by) {
        obligations.close("ANNUAL_REPORT_DISTRICT_REVIEW:" + r.id(), Obligation.Outcome.DONE, by);
        obligations.close("ANNUAL_REPORT_CITY_REVIEW:" + r.id(), Obligation.Outcome.DONE, by);
        organisations.findByUscc(r.emitter()).ifPresent(org -> MrvObligations.find(() -> deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, r.year(), r.region(),
                obligations.today())).ifPresent(due -> open(correctionKey(r.id().toString()), due, org, r)));
    }

    private void cityReview(AnnualReport r, DeadlineKind kind) {
        organisations.bureauOf(r.region().city()).ifPresent(city -> MrvObligations.find(() -> deadlines.due(kind, r.year(), r.region()))
                .ifPresent(due -> open("ANNUAL_REPORT_CITY_REVIEW:" + r.id(), due, city, r)));
    }

    private void open(String key, Deadline due, Organisation org, AnnualReport r) {
        obligations.open(new NewObligation(key, due, org.id(), r.region(), r.emitter().value(), r.emitterName(), null, String.valueOf(r.year()),
                link(r.emitter().value(), r.year())));
    }

    static String reportKey(String uscc, int year) {
        return "ANNUAL_REPORT:" + uscc + ":" + year;
    }

    private static String correctionKey(String reportId) {
        return "ANNUAL_REPORT_CORRECTION:" + reportId;
    }

    static String link(String uscc, int year) {
        return "/mrv/reports/" + uscc + "/" + year;
    }

}
