package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.StreamKind;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The emitter's annual report in its inbox (seed 002 §二(三), §三(一)): due Feb 1 for power and Sep 15 for other
 * sectors (moved to the next working day), opened for last year and from December for this year, closed on submission.
 * Data ownership: emitters registered by this test.
 */
@IntegrationTest
class ReportObligationsTest {

    @Autowired
    ReportObligations reportObligations;
    @Autowired
    AnnualReports reports;
    @Autowired
    Obligations obligations;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Organisations organisations;
    @Autowired
    MonthlyDeposits deposits;

    @Test
    void lastYearsReportIsOpenAllYearAndThisYearsFromDecember() {
        assertThat(ReportObligations.yearsOpen(LocalDate.of(2026, 11, 30))).containsExactly(2025);
        assertThat(ReportObligations.yearsOpen(LocalDate.of(2026, 12, 1))).containsExactly(2025, 2026);
    }

    @Test
    void powerReportIsDueOnFebruaryFirstMovedOffTheWeekend() {
        KeyEmitter plant = fixtures().register("宁波北仑年报待办测试发电有限公司", "4411");

        reportObligations.report(plant, 2025);

        Obligation o = obligations.find(ReportObligations.reportKey(plant.uscc().value(), 2025)).orElseThrow();
        assertThat(o.isOpen()).isTrue();
        assertThat(o.due()).isEqualTo(LocalDate.of(2026, 2, 2)); // 2026-02-01 is a Sunday
        assertThat(o.link()).isEqualTo("/mrv/reports/" + plant.uscc().value() + "/2025");
    }

    @Test
    void nonPowerReportIsDueSeptemberFifteenthAndClosesWhenSubmitted() {
        AnnualReportFixtures fx = fixtures();
        KeyEmitter cement = fx.register("宁波北仑年报待办测试水泥有限公司", "3011");
        String key = ReportObligations.reportKey(cement.uscc().value(), 2025);
        reportObligations.report(cement, 2025);
        assertThat(obligations.find(key).orElseThrow().due()).isEqualTo(LocalDate.of(2026, 9, 15));

        CurrentUser plant = fx.emitterOfficer(cement);
        AnnualReport draft = reports.draft(plant, cement.uscc(), 2025);
        draft = reports.saveStreams(plant, draft.id(), draft.version(), List.of(new StreamEntry(StreamKind.PROCESS, "熟料", null,
                new java.math.BigDecimal("1000"), "t", null, null, null, new java.math.BigDecimal("0.5280"), null)),
                Map.of("CLINKER", new java.math.BigDecimal("1000"), "CEMENT", new java.math.BigDecimal("1200")));
        reports.submit(plant, draft.id(), draft.version());

        assertThat(obligations.find(key).orElseThrow().isOpen()).isFalse();
        reportObligations.report(cement, 2025); // the nightly run does not reopen it
        assertThat(obligations.find(key).orElseThrow().isOpen()).isFalse();
    }

    private AnnualReportFixtures fixtures() {
        return new AnnualReportFixtures(directory, organisations, deposits);
    }
}
