package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.EntityAccount;
import org.opencets.accounting.Gap;
import org.opencets.accounting.MonthAccount;
import org.opencets.accounting.UnitAccount;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.notary.Receipt;
import org.opencets.notary.ReceiptVerifier;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 002 §二(三): a power plant's annual report compiled from its 24 approved unit-months (two coal units, data year
 * 2023), submitted (frozen, hashed, logged, the district's review opened in its inbox), returned by the district and
 * corrected as version 2, then approved by the district and the city, which publishes {@link AnnualReportApproved}.
 *
 * <p>Data ownership: a key emitter registered by this test (fresh USCC in 北仑区), so no other test's data is touched.
 */
@IntegrationTest
@RecordApplicationEvents
class AnnualReportWorkflowTest {

    static final int YEAR = 2023;

    @Autowired
    AnnualReports reports;
    @Autowired
    MonthlyDeposits deposits;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Organisations organisations;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    TransparencyLog log;
    @Autowired
    ReportStore store;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    AccountingRulesSource rules;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents applicationEvents;

    @Test
    void aFullYearIsCompiledSubmittedFrozenReturnedCorrectedAndApprovedByDistrictAndCity() {
        AnnualReportFixtures fx = new AnnualReportFixtures(directory, organisations, deposits);
        KeyEmitter emitter = fx.register("宁波北仑年报测试发电有限公司", "4411");
        assertThat(emitter.sector().isPower()).isTrue();
        GeneratingUnit unit1 = fx.addCoalUnit(emitter, "1号机组", "600", "2010-05-18");
        GeneratingUnit unit2 = fx.addCoalUnit(emitter, "2号机组", "1000", "2012-11-30");
        Organisation plantOrg = fx.organisationOf(emitter);
        Organisation districtOrg = organisations.bureauOf(emitter.region()).orElseThrow();
        Organisation cityOrg = organisations.bureauOf(emitter.region().city()).orElseThrow();
        CurrentUser plant = fx.emitterOfficer(emitter);
        CurrentUser district = fx.beilunDistrict();
        CurrentUser city = fx.ningboCity();
        CurrentUser haishu = fx.bureau("330203", OrganisationKind.DISTRICT_BUREAU, "report.test.haishu.district");
        String uscc = emitter.uscc().value();

        // the emitter's report obligation, opened as the nightly job opens it for the year (it opens only last year's)
        String reportKey = ReportObligations.reportKey(uscc, YEAR);
        obligations.open(new NewObligation(reportKey, deadlines.due(DeadlineKind.ANNUAL_REPORT_POWER, YEAR, emitter.region()), plantOrg.id(),
                emitter.region(), uscc, emitter.name(), null, String.valueOf(YEAR), ReportObligations.link(uscc, YEAR)));
        assertThat(obligations.find(reportKey)).get().extracting(Obligation::isOpen).isEqualTo(true);

        fx.approvedYear(plant, unit1, YEAR, district, city);
        fx.approvedYear(plant, unit2, YEAR, district, city);

        // ---- the compiled year: no gaps, every month approved, totals as the guideline gives them
        AnnualReportView before = reports.view(plant, emitter.uscc(), YEAR);
        assertThat(before.report()).isNull();
        assertThat(before.power()).isTrue();
        assertThat(before.figures().gaps()).isEmpty();
        assertThat(before.blockers()).isEmpty();
        assertThat(before.submittable()).isTrue();
        assertThat(before.due().due()).isEqualTo(deadlines.due(DeadlineKind.ANNUAL_REPORT_POWER, YEAR, emitter.region()).due());
        EntityAccount live = ((ReportFigures.Power) before.figures()).account();
        assertThat(live.units()).extracting(UnitAccount::unit).containsExactly("1号机组", "2号机组");
        for (UnitAccount u : live.units()) {
            GeneratingUnit unit = u.unit().equals("1号机组") ? unit1 : unit2;
            assertThat(u.months()).hasSize(12).allMatch(MonthAccount::approved);
            assertThat(u.gaps()).isEmpty();
            BigDecimal expected = BigDecimal.ZERO;
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(YEAR, m);
                BigDecimal monthExpected = AnnualReportFixtures.expectedEmissions(unit, month);
                assertThat(u.months().get(m - 1).fuelEmissions().value()).as("%s %s", u.unit(), month).isEqualByComparingTo(monthExpected);
                expected = expected.add(monthExpected);
            }
            assertThat(u.fuelEmissions().value()).as(u.unit()).isEqualByComparingTo(expected);
            assertThat(u.totalEmissions().value()).as("no electricity bought").isEqualByComparingTo(expected);
            assertThat(u.generation().value()).isEqualByComparingTo(AnnualReportFixtures.generation(unit).multiply(BigDecimal.valueOf(12)));
        }
        BigDecimal unitSum = live.units().stream().map(u -> u.totalEmissions().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(before.figures().totalEmissions()).isEqualByComparingTo(unitSum);
        assertThat(live.totalEmissions().inputs()).extracting(i -> i.symbol()).containsExactly("1号机组", "2号机组");
        // purchased electricity is reported but no longer counted for compliance from the 2023 data
        assertThat(before.figures().complianceEmissions()).isEqualByComparingTo(unitSum);

        // ---- version 1: explanation, a document, submission
        AnnualReport draft = reports.draft(plant, emitter.uscc(), YEAR);
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(draft.reportVersion()).isEqualTo(1);
        assertThat(draft.replaces()).isNull();
        assertThat(reports.draft(plant, emitter.uscc(), YEAR).id()).as("the same draft again").isEqualTo(draft.id());
        AnnualReport explained = reports.saveExplanation(plant, draft.id(), draft.version(), "  1. 两台机组均为纯凝机组，无对外供热。\n2. 燃煤元素碳含量逐月实测。  ");
        assertThat(explained.explanation()).isEqualTo("1. 两台机组均为纯凝机组，无对外供热。\n2. 燃煤元素碳含量逐月实测。");
        AnnualReport withDocument = reports.attach(plant, draft.id(), "2023 年度生产报表.pdf",
                new ByteArrayInputStream(("%PDF-1.4\nannual production " + UUID.randomUUID() + "\n%%EOF").getBytes(StandardCharsets.UTF_8)));
        assertThat(withDocument.attachments()).extracting(ReportAttachment::fileName).containsExactly("2023 年度生产报表.pdf");
        assertThat(withDocument.version()).isGreaterThan(explained.version());

        AnnualReport v1 = reports.submit(plant, draft.id(), withDocument.version());
        assertThat(v1.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(v1.submittedBy()).isEqualTo(plant.username());
        assertThat(v1.submittedAt()).isNotNull();
        assertThat(v1.late()).as("2023's report was due on 2024-02-01").isTrue();
        assertThat(v1.contentSha256()).matches("[0-9a-f]{64}");
        assertThat(v1.logIndex()).isNotNull();
        List<Receipt> receipts = log.receipts(AnnualReports.LOG_REPORT, v1.id().toString());
        assertThat(receipts).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(v1.logIndex());
            assertThat(HexFormat.of().formatHex(r.contentHash())).isEqualTo(v1.contentSha256());
            assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(r, log.publicKey()))).isTrue();
        });
        assertThat(reports.receipt(plant, v1.id())).get().extracting(Receipt::index).isEqualTo(v1.logIndex());
        assertThat(reports.history(plant, v1.id())).extracting(ReviewEvent::action).containsExactly("DRAFTED", "SUBMITTED");

        // the figures are frozen with the version: the stored account reads back to the same figures
        String stored = store.account(v1.id()).orElseThrow();
        EntityAccount frozen = json.readValue(stored, EntityAccount.class);
        assertThat(frozen.totalEmissions().value()).isEqualByComparingTo(before.figures().totalEmissions());
        assertThat(frozen.complianceEmissions().value()).isEqualByComparingTo(before.figures().complianceEmissions());
        assertThat(frozen.units()).extracting(u -> u.unit(), u -> u.totalEmissions().value().toPlainString())
                .containsExactlyElementsOf(live.units().stream().map(u -> tuple(u.unit(), u.totalEmissions().value().toPlainString())).toList());
        assertThat(frozen.units().getFirst().months()).hasSize(12);
        // 2023 still reports purchased electricity (none bought) but counts only the fuel for compliance
        assertThat(frozen.units().getFirst().figure("year/total")).get().extracting(f -> f.formula()).isEqualTo("E_fuel + E_elec");
        assertThat(frozen.units().getFirst().figure("year/compliance")).get().extracting(f -> f.formula()).isEqualTo("E_fuel");
        assertThat(reports.view(plant, emitter.uscc(), YEAR).figures().totalEmissions()).isEqualByComparingTo(unitSum);
        // the logged hash can be checked against what is stored: the frozen account, written again, gives the same hash
        assertThat(sha256(canonical(v1, json.writeValueAsString(frozen)))).as("hash recomputed from the stored version").isEqualTo(v1.contentSha256());
        // the database refuses rewriting the frozen figures or the submitted version
        assertThatThrownBy(() -> jdbc.sql("update mrv.annual_report set account = '{}'::jsonb where id = ?").param(v1.id()).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update mrv.annual_report set explanation = 'x' where id = ?").param(v1.id()).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from mrv.report_attachment where report_id = ?").param(v1.id()).update())
                .isInstanceOf(DataAccessException.class);
        // nor does the service change a submitted version
        assertRefused(() -> reports.saveExplanation(plant, v1.id(), v1.version(), "changed"), "status", "report.frozen");
        assertRefused(() -> reports.draft(plant, emitter.uscc(), YEAR), "status", "report.underReview");
        assertThat(reports.view(plant, emitter.uscc(), YEAR).blockers()).extracting(FieldViolation::messageKey)
                .containsExactly("report.blocker.submitted");

        // inbox: the emitter's report is done, the district's 10-day review is open
        assertThat(obligations.find(reportKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isFalse();
            assertThat(o.outcome()).isEqualTo(Obligation.Outcome.DONE);
        });
        String districtKey = "ANNUAL_REPORT_DISTRICT_REVIEW:" + v1.id();
        assertThat(obligations.find(districtKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(districtOrg.id());
            assertThat(o.kind()).isEqualTo(DeadlineKind.ANNUAL_REPORT_DISTRICT_REVIEW);
            assertThat(o.due()).isEqualTo(deadlines.dueAfter(DeadlineKind.ANNUAL_REPORT_DISTRICT_REVIEW, YEAR, emitter.region(),
                    obligations.today()).due());
            assertThat(o.link()).isEqualTo("/mrv/reports/" + uscc + "/" + YEAR);
        });
        assertThat(reports.reviewQueue(district)).extracting(AnnualReport::id).contains(v1.id());
        assertThat(reports.reviewQueue(city)).extracting(AnnualReport::id).doesNotContain(v1.id());
        assertThat(reports.reviewQueue(haishu)).extracting(AnnualReport::id).doesNotContain(v1.id());

        // ---- who may not review: another district (does not even see it), the emitter itself, the city before the district
        assertThatThrownBy(() -> reports.approve(haishu, v1.id(), v1.version())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> reports.returnWithReasons(haishu, v1.id(), v1.version(), List.of("不归我管"))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> reports.approve(plant, v1.id(), v1.version())).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reports.approve(city, v1.id(), v1.version())).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.district"));
        assertRefused(() -> reports.returnWithReasons(district, v1.id(), v1.version(), List.of(" ", "")), "reasons", "deposit.reasons.missing");
        assertThat(reports.get(plant, v1.id())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReportStatus.SUBMITTED);
            assertThat(r.version()).isEqualTo(v1.version());
        });

        // ---- the district returns version 1 with its reasons
        AnnualReport returned = reports.returnWithReasons(district, v1.id(), v1.version(), List.of("请补充 2 号机组 7 月停机说明", "  "));
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.contentSha256()).isEqualTo(v1.contentSha256());
        assertThat(reports.history(plant, v1.id()).getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("DISTRICT_RETURNED");
            assertThat(e.reasons()).containsExactly("请补充 2 号机组 7 月停机说明");
            assertThat(e.actor()).isEqualTo(district.username());
        });
        assertThat(obligations.find(districtKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        String correctionKey = "ANNUAL_REPORT_CORRECTION:" + v1.id();
        assertThat(obligations.find(correctionKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(plantOrg.id());
        });
        AnnualReportView afterReturn = reports.view(plant, emitter.uscc(), YEAR);
        assertThat(afterReturn.report().id()).isEqualTo(v1.id());
        assertThat(afterReturn.blockers()).isEmpty();

        // ---- version 2 starts from everything version 1 had
        AnnualReport v2draft = reports.draft(plant, emitter.uscc(), YEAR);
        assertThat(v2draft.id()).isNotEqualTo(v1.id());
        assertThat(v2draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(v2draft.reportVersion()).isEqualTo(2);
        assertThat(v2draft.replaces()).isEqualTo(v1.id());
        assertThat(v2draft.explanation()).isEqualTo(v1.explanation());
        assertThat(v2draft.attachments()).extracting(ReportAttachment::uploadId, ReportAttachment::sha256)
                .containsExactlyElementsOf(v1.attachments().stream().map(a -> tuple(a.uploadId(), a.sha256())).toList());
        assertThat(reports.history(plant, v2draft.id())).extracting(ReviewEvent::action).containsExactly("CORRECTION_STARTED");
        AnnualReport v2explained = reports.saveExplanation(plant, v2draft.id(), v2draft.version(),
                v1.explanation() + "\n3. 2 号机组 7 月 3 日至 12 日计划检修停机，已附检修记录。");
        AnnualReport v2 = reports.submit(plant, v2draft.id(), v2explained.version());
        assertThat(v2.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(v2.contentSha256()).isNotEqualTo(v1.contentSha256());
        assertThat(v2.logIndex()).isNotEqualTo(v1.logIndex());
        assertThat(obligations.find(correctionKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(store.versions(emitter.uscc(), YEAR)).extracting(AnnualReport::reportVersion, AnnualReport::status)
                .containsExactly(tuple(2, ReportStatus.SUBMITTED), tuple(1, ReportStatus.RETURNED));

        // ---- the district approves; the city's review opens
        AnnualReport districtApproved = reports.approve(district, v2.id(), v2.version());
        assertThat(districtApproved.status()).isEqualTo(ReportStatus.DISTRICT_APPROVED);
        assertThat(obligations.find("ANNUAL_REPORT_DISTRICT_REVIEW:" + v2.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        String cityKey = "ANNUAL_REPORT_CITY_REVIEW:" + v2.id();
        assertThat(obligations.find(cityKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(cityOrg.id());
            assertThat(o.due()).isEqualTo(deadlines.due(DeadlineKind.ANNUAL_REPORT_CITY_REVIEW, YEAR, emitter.region()).due());
        });
        assertThat(reports.reviewQueue(city)).extracting(AnnualReport::id).contains(v2.id());
        assertThat(reports.reviewQueue(district)).extracting(AnnualReport::id).doesNotContain(v2.id());
        // a second district approval from the same (now stale) page is refused and changes nothing
        assertThatThrownBy(() -> reports.approve(district, v2.id(), v2.version())).isInstanceOf(AccessDenied.class);
        // the city deciding on a stale page (the version before the district's approval) is not applied
        assertThatThrownBy(() -> reports.approve(city, v2.id(), v2.version())).isInstanceOf(ConcurrentModification.class);
        assertThatThrownBy(() -> reports.returnWithReasons(city, v2.id(), v2.version(), List.of("旧页面"))).isInstanceOf(ConcurrentModification.class);
        assertThat(reports.get(city, v2.id())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReportStatus.DISTRICT_APPROVED);
            assertThat(r.version()).isEqualTo(districtApproved.version());
        });
        assertThat(applicationEvents.stream(AnnualReportApproved.class)).isEmpty();

        // ---- the city approves: the review is complete and the figures are published as an event
        AnnualReport approved = reports.approve(city, v2.id(), districtApproved.version());
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(obligations.find(cityKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(reports.history(plant, v2.id())).extracting(ReviewEvent::action)
                .containsExactly("CORRECTION_STARTED", "SUBMITTED", "DISTRICT_APPROVED", "CITY_APPROVED");
        assertThat(applicationEvents.stream(AnnualReportApproved.class)).singleElement().satisfies(e -> {
            assertThat(e.reportId()).isEqualTo(v2.id());
            assertThat(e.emitter()).isEqualTo(emitter.uscc());
            assertThat(e.year()).isEqualTo(YEAR);
            assertThat(e.reportVersion()).isEqualTo(2);
            assertThat(e.totalEmissions()).isEqualByComparingTo(unitSum);
            assertThat(e.complianceEmissions()).isEqualByComparingTo(unitSum);
            assertThat(e.unitComplianceEmissions()).containsOnlyKeys("1号机组", "2号机组");
            assertThat(e.unitComplianceEmissions().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(unitSum);
        });
        // approving again with the version just used: refused, nothing changes, no second event
        assertRefused(() -> reports.approve(city, v2.id(), districtApproved.version()), "status", "report.notUnderReview");
        assertThat(applicationEvents.stream(AnnualReportApproved.class)).hasSize(1);
        assertThat(reports.get(plant, v2.id()).version()).isEqualTo(approved.version());
        assertRefused(() -> reports.draft(plant, emitter.uscc(), YEAR), "status", "report.approved");

        // ---- frozen means frozen: the directory gains a unit that operated in December 2023 after the approval; the
        // live compilation now has a gap, the approved report's figures do not move
        GeneratingUnit unit3 = fx.addCoalUnit(emitter, "3号机组", "350", "2023-12-01");
        ReportFigures.Power recompiled = compiler.power(directory.findByUscc(emitter.uscc()).orElseThrow(), YEAR, rules.rules(YEAR, emitter.region()));
        assertThat(recompiled.gaps()).extracting(Gap::unit, Gap::month, Gap::code).contains(tuple(unit3.unitCode(), YearMonth.of(YEAR, 12),
                Gap.MONTH_MISSING));
        AnnualReportView afterApproval = reports.view(plant, emitter.uscc(), YEAR);
        assertThat(afterApproval.report().id()).isEqualTo(v2.id());
        assertThat(afterApproval.figures().gaps()).isEmpty();
        assertThat(afterApproval.figures().totalEmissions()).isEqualByComparingTo(unitSum);
        assertThat(((ReportFigures.Power) afterApproval.figures()).account().units()).extracting(UnitAccount::unit)
                .containsExactly("1号机组", "2号机组");
        assertThat(reports.figures(city, emitter.uscc(), YEAR).totalEmissions()).isEqualByComparingTo(unitSum);
        assertThat(store.account(v2.id()).orElseThrow()).isEqualTo(store.account(v2.id()).orElseThrow());
        assertThat(json.readValue(store.account(v2.id()).orElseThrow(), EntityAccount.class).totalEmissions().value())
                .isEqualByComparingTo(unitSum);
    }

    /** The hashed text as AnnualReports documents it: who, which year and version, the explanation, the documents, the figures. */
    static String canonical(AnnualReport r, String account) {
        StringBuilder sb = new StringBuilder("OPENCETS-ANNUAL-REPORT-1\n");
        sb.append(r.emitter().value()).append('\n').append(r.year()).append('\n').append(r.reportVersion()).append('\n');
        sb.append(r.explanation()).append('\n');
        r.attachments().stream().map(ReportAttachment::sha256).sorted().forEach(h -> sb.append(h).append('\n'));
        return sb.append(account).toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        AnnualReportFixtures.assertRefused(call, field, key);
    }
}
