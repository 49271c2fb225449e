package org.opencets.platform.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the demo power plants' inboxes as the MRV workflows will (monthly deposits, next year's QC plan, the
 * annual report), relative to the day the demo is loaded: the two older of the last three months are done, the
 * latest is open (overdue after the 20th). The MRV module opens these itself once it exists; due dates come from
 * the calendar either way.
 */
@Component
class DemoObligations {

    private final Obligations obligations;
    private final Deadlines deadlines;
    private final Organisations organisations;

    DemoObligations(Obligations obligations, Deadlines deadlines, Organisations organisations) {
        this.obligations = obligations;
        this.deadlines = deadlines;
        this.organisations = organisations;
    }

    @Transactional
    void open(LocalDate today) {
        List<Map<String, String>> units = DemoRegionLoader.read("units.csv");
        boolean first = true;
        for (Map<String, String> e : DemoRegionLoader.read("emitters.csv")) {
            if (!"POWER".equals(e.get("sector"))) {
                continue;
            }
            Organisation org = organisations.findByUscc(Uscc.of(e.get("uscc"))).orElse(null);
            if (org == null) {
                continue;
            }
            RegionCode region = RegionCode.of(e.get("region_code"));
            for (Map<String, String> u : units) {
                if (!u.get("emitter_uscc").equals(e.get("uscc"))) {
                    continue;
                }
                for (int back = 3; back >= 1; back--) {
                    YearMonth month = YearMonth.from(today).minusMonths(back);
                    Deadline due = deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT, month, region);
                    String key = "MONTHLY_DEPOSIT:" + e.get("uscc") + ":" + u.get("unit_code") + ":" + month;
                    obligations.open(new NewObligation(key, due, org.id(), region, e.get("uscc"), e.get("name"), u.get("unit_code"),
                            month.toString(), null));
                    if (back > 1) {
                        obligations.close(key, Obligation.Outcome.DONE, "demo-loader");
                    }
                }
            }
            int planYear = today.getYear() + 1;
            boolean submittedPlan = !first; // the first plant (beilun.power) is late with its plan
            deadlines.find(DeadlineKind.QC_PLAN_SUBMISSION, planYear, region).ifPresent(due -> {
                String key = "QC_PLAN:" + e.get("uscc") + ":" + planYear;
                obligations.open(new NewObligation(key, due, org.id(), region, e.get("uscc"), e.get("name"), null, String.valueOf(planYear), null));
                if (submittedPlan && due.due().isBefore(today)) {
                    obligations.close(key, Obligation.Outcome.DONE, "demo-loader");
                }
            });
            first = false;
            deadlines.find(DeadlineKind.ANNUAL_REPORT_POWER, today.getYear(), region).ifPresent(due ->
                    obligations.open(new NewObligation("ANNUAL_REPORT:" + e.get("uscc") + ":" + today.getYear(), due, org.id(), region,
                            e.get("uscc"), e.get("name"), null, String.valueOf(today.getYear()), null)));
        }
    }
}
