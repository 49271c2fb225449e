package org.opencets.platform.demo;

import java.time.LocalDate;
import java.util.Map;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts this year's annual report in the demo power plants' inboxes until the annual-report workflow opens it itself
 * (monthly deposits and QC plans are already opened by the MRV module).
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
        for (Map<String, String> e : DemoRegionLoader.read("emitters.csv")) {
            if (!"POWER".equals(e.get("sector"))) {
                continue;
            }
            Organisation org = organisations.findByUscc(Uscc.of(e.get("uscc"))).orElse(null);
            if (org == null) {
                continue;
            }
            RegionCode region = RegionCode.of(e.get("region_code"));
            deadlines.find(DeadlineKind.ANNUAL_REPORT_POWER, today.getYear(), region).ifPresent(due ->
                    obligations.open(new NewObligation("ANNUAL_REPORT:" + e.get("uscc") + ":" + today.getYear(), due, org.id(), region,
                            e.get("uscc"), e.get("name"), null, String.valueOf(today.getYear()), null)));
        }
    }
}
