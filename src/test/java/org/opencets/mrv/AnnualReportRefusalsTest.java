package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.Gap;
import org.opencets.accounting.StreamKind;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the annual report refuses, each with a clear message and without changing anything: a year with a missing or
 * unapproved month, a year not yet ended, a submission by a bureau, and a non-power report's bad source-stream rows
 * (wrong unit for the fuel, negative numbers, a process stream without its emission factor).
 *
 * <p>Data ownership: key emitters registered by this test (fresh USCCs in 北仑区).
 */
@IntegrationTest
class AnnualReportRefusalsTest {

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
    JdbcClient jdbc;

    AnnualReportFixtures fx() {
        return new AnnualReportFixtures(directory, organisations, deposits);
    }

    @Test
    void aProductLineOutsideTheSectorsTableIsRefusedAndNothingIsSaved() {
        AnnualReportFixtures fx = fx();
        KeyEmitter cement = fx.register("宁波北仑年报产品线测试水泥有限公司", "3011");
        CurrentUser plant = fx.emitterOfficer(cement);
        AnnualReport draft = reports.draft(plant, cement.uscc(), YEAR);

        assertThatThrownBy(() -> reports.saveStreams(plant, draft.id(), draft.version(), List.of(),
                Map.of("CLINKER", new BigDecimal("1000"), "CRUDE_STEEL", new BigDecimal("5"))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactly("report.product.unknown"));
        assertThat(reports.get(plant, draft.id()).products()).isEmpty();
    }

    // ---- power: gaps, the year, who submits -------------------------------------------------------

    @Test
    void aYearWithAMissingAndAnUnapprovedMonthCannotBeSubmittedAndNothingChanges() {
        AnnualReportFixtures fx = fx();
        KeyEmitter emitter = fx.register("宁波北仑年报缺月测试热电有限公司", "4411");
        // commissioned in October 2023: October, November and December are required
        GeneratingUnit unit = fx.addCoalUnit(emitter, "1号机组", "300", "2023-10-09");
        CurrentUser plant = fx.emitterOfficer(emitter);
        CurrentUser district = fx.beilunDistrict();
        fx.approvedMonth(plant, unit, YearMonth.of(YEAR, 10), district, fx.ningboCity());
        fx.submitMonth(plant, unit, YearMonth.of(YEAR, 11));   // submitted, not yet reviewed
        // December: nothing deposited

        AnnualReportView view = reports.view(plant, emitter.uscc(), YEAR);
        assertThat(view.submittable()).isFalse();
        assertThat(view.figures().gaps()).extracting(Gap::unit, Gap::month, Gap::code).containsExactlyInAnyOrder(
                tuple("1号机组", YearMonth.of(YEAR, 11), Gap.MONTH_NOT_APPROVED),
                tuple("1号机组", YearMonth.of(YEAR, 12), Gap.MONTH_MISSING));
        assertThat(view.blockers()).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactlyInAnyOrder(
                tuple("1号机组/2023-11", "report.gap.month.notApproved"),
                tuple("1号机组/2023-12", "report.gap.month.missing"));
        // the unapproved month is computed for the preview (marked), the missing one is not guessed
        assertThat(((ReportFigures.Power) view.figures()).account().units().getFirst().months())
                .extracting(m -> m.month(), m -> m.approved())
                .containsExactly(tuple(YearMonth.of(YEAR, 10), true), tuple(YearMonth.of(YEAR, 11), false));

        AnnualReport draft = reports.draft(plant, emitter.uscc(), YEAR);
        AnnualReport explained = reports.saveExplanation(plant, draft.id(), draft.version(), "12 月数据待补。");
        AnnualReportFixtures.assertRefused(() -> reports.saveExplanation(plant, draft.id(), explained.version(), "长".repeat(5001)),
                "explanation", "report.explanation.tooLong");
        assertThatThrownBy(() -> reports.submit(plant, draft.id(), explained.version())).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactlyInAnyOrder(
                        tuple("1号机组/2023-11", "report.gap.month.notApproved"),
                        tuple("1号机组/2023-12", "report.gap.month.missing")));
        assertUnchangedDraft(plant, explained);
        // the one-step submission refuses the same way and leaves the one draft as it was
        assertThatThrownBy(() -> reports.submitYear(plant, emitter.uscc(), YEAR)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::messageKey)
                        .containsExactlyInAnyOrder("report.gap.month.notApproved", "report.gap.month.missing"));
        assertUnchangedDraft(plant, explained);
        assertThat(reportRows(emitter, YEAR)).isEqualTo(1);

        // a bureau cannot submit the emitter's report: neither the draft nor the one-step submission
        CurrentUser city = fx.ningboCity();
        assertThatThrownBy(() -> reports.submit(district, draft.id(), explained.version())).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reports.submit(city, draft.id(), explained.version())).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reports.submitYear(district, emitter.uscc(), YEAR)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reports.saveExplanation(district, draft.id(), explained.version(), "区局代填")).isInstanceOf(AccessDenied.class);
        assertUnchangedDraft(plant, explained);
        assertThat(reports.view(district, emitter.uscc(), YEAR).blockers()).extracting(FieldViolation::messageKey)
                .contains("report.blocker.notEmitter");
        // nor can a bureau start one for it
        assertThatThrownBy(() -> reports.draft(district, emitter.uscc(), YEAR + 1)).isInstanceOf(AccessDenied.class);
        assertThat(reportRows(emitter, YEAR + 1)).isZero();
        // a stale version is not submitted either
        assertThatThrownBy(() -> reports.submit(plant, draft.id(), draft.version())).isInstanceOf(org.opencets.shared.ConcurrentModification.class);
        assertUnchangedDraft(plant, explained);
    }

    @Test
    void theCurrentYearCannotBeSubmittedBeforeItEndsAndNextYearCannotBeStarted() {
        AnnualReportFixtures fx = fx();
        KeyEmitter emitter = fx.register("宁波北仑年报当年测试热电有限公司", "4411");
        fx.addCoalUnit(emitter, "1号机组", "300", "2015-03-01");
        CurrentUser plant = fx.emitterOfficer(emitter);
        int current = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        AnnualReportView view = reports.view(plant, emitter.uscc(), current);
        assertThat(view.blockers()).extracting(FieldViolation::field, FieldViolation::messageKey).contains(tuple("year", "report.blocker.yearNotEnded"));
        AnnualReport draft = reports.draft(plant, emitter.uscc(), current);
        assertThatThrownBy(() -> reports.submit(plant, draft.id(), draft.version())).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).contains("report.blocker.yearNotEnded"));
        assertUnchangedDraft(plant, draft);
        assertThatThrownBy(() -> reports.submitYear(plant, emitter.uscc(), current)).isInstanceOf(ValidationFailed.class);
        assertUnchangedDraft(plant, draft);

        AnnualReportFixtures.assertRefused(() -> reports.draft(plant, emitter.uscc(), current + 1), "year", "report.year.future");
        assertThat(reportRows(emitter, current + 1)).isZero();
        // the draft of the running year can be discarded
        reports.discard(plant, draft.id());
        assertThat(reportRows(emitter, current)).isZero();
    }

    @Test
    void aPowerReportTakesNoSourceStreams() {
        AnnualReportFixtures fx = fx();
        KeyEmitter emitter = fx.register("宁波北仑年报源流测试发电有限公司", "4411");
        fx.addCoalUnit(emitter, "1号机组", "300", "2015-03-01");
        CurrentUser plant = fx.emitterOfficer(emitter);
        AnnualReport draft = reports.draft(plant, emitter.uscc(), YEAR);
        AnnualReportFixtures.assertRefused(() -> reports.saveStreams(plant, draft.id(), draft.version(), List.of(coal("1000")), Map.of()),
                "streams", "report.streams.power");
        assertUnchangedDraft(plant, draft);
    }

    // ---- non-power: source streams ------------------------------------------------------------------

    @Test
    void badSourceStreamRowsAreNamedEachAndNothingIsSavedThenTheCityCompletesTheReport() {
        AnnualReportFixtures fx = fx();
        KeyEmitter cement = fx.register("宁波北仑年报测试水泥有限公司", "3011");
        assertThat(cement.sector().isPower()).isFalse();
        CurrentUser plant = fx.emitterOfficer(cement);
        CurrentUser city = fx.ningboCity();
        CurrentUser district = fx.beilunDistrict();

        AnnualReport draft = reports.draft(plant, cement.uscc(), YEAR);
        assertThat(reports.view(plant, cement.uscc(), YEAR).blockers()).extracting(FieldViolation::messageKey).contains("report.blocker.noStreams");
        List<StreamEntry> good = List.of(
                coal("1000"),
                new StreamEntry(StreamKind.FUEL_COMBUSTION, "烘干用天然气", "NATURAL_GAS", new BigDecimal("12.5"), "10⁴Nm³", null, null, null, null, "缺省值"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"), null),
                new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("10000"), "MWh", null, null, null, null, null),
                new StreamEntry(StreamKind.PURCHASED_HEAT, "外购蒸汽", null, BigDecimal.ZERO, "GJ", null, null, null, null, null));
        Map<String, BigDecimal> products = Map.of("CLINKER", new BigDecimal("50000"), "CEMENT", new BigDecimal("64000"));
        AnnualReport saved = reports.saveStreams(plant, draft.id(), draft.version(), good, products);
        assertThat(saved.streams()).hasSize(5);
        assertThat(saved.version()).isEqualTo(draft.version() + 1);

        // natural gas counted in tonnes
        List<StreamEntry> gasInTonnes = replace(good, 1, new StreamEntry(StreamKind.FUEL_COMBUSTION, "烘干用天然气", "NATURAL_GAS",
                new BigDecimal("12.5"), "t", null, null, null, null, null));
        assertStreamsRefused(plant, saved, gasInTonnes, products, tuple("streams[1].activityUnit", "report.stream.unit"));
        // a negative activity
        List<StreamEntry> negative = replace(good, 2, new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("-50000"), "t",
                null, null, null, new BigDecimal("0.528"), null));
        assertStreamsRefused(plant, saved, negative, products, tuple("streams[2].activity", "report.stream.negative"));
        // a process stream without its emission factor
        List<StreamEntry> noFactor = replace(good, 2, new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t",
                null, null, null, null, null));
        assertStreamsRefused(plant, saved, noFactor, products, tuple("streams[2].emissionFactor", "report.stream.factor"));
        // a negative product output
        assertThatThrownBy(() -> reports.saveStreams(plant, saved.id(), saved.version(), good, Map.of("CLINKER", new BigDecimal("-1"))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(tuple("product.CLINKER", "report.product.negative")));
        assertUnchangedStreams(plant, saved, good, products);
        // several bad rows at once: every one is named, none is saved
        List<StreamEntry> allBad = new ArrayList<>(gasInTonnes);
        allBad.set(2, noFactor.get(2));
        allBad.set(3, new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, " ", null, new BigDecimal("-3"), "kWh", null, null, null, null, null));
        assertStreamsRefused(plant, saved, allBad, products,
                tuple("streams[1].activityUnit", "report.stream.unit"),
                tuple("streams[2].emissionFactor", "report.stream.factor"),
                tuple("streams[3].name", "report.stream.name"),
                tuple("streams[3].activityUnit", "report.stream.unit"),
                tuple("streams[3].activity", "report.stream.negative"));
        // a bureau cannot enter them
        assertThatThrownBy(() -> reports.saveStreams(city, saved.id(), saved.version(), good, products)).isInstanceOf(AccessDenied.class);
        assertUnchangedStreams(plant, saved, good, products);

        // ---- the figures of the good rows, worked out here on their own
        AnnualReportView view = reports.view(plant, cement.uscc(), YEAR);
        assertThat(view.blockers()).isEmpty();
        ReportFigures.Streams figures = (ReportFigures.Streams) view.figures();
        BigDecimal coal = exact("1000").multiply(exact("22.416")).multiply(exact("0.03085")).multiply(exact("0.99")).multiply(exact("44"))
                .divide(exact("12"), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gas = exact("12.5").multiply(exact("389.31")).multiply(exact("0.01532")).multiply(exact("0.99")).multiply(exact("44"))
                .divide(exact("12"), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        BigDecimal process = exact("26400.00");
        BigDecimal electricity = exact("5703.00");
        assertThat(figures.account().streams()).extracting(f -> f.value().setScale(2, RoundingMode.HALF_UP))
                .containsExactly(coal, gas, process, electricity, exact("0.00"));
        assertThat(figures.totalEmissions()).isEqualByComparingTo(coal.add(gas).add(process).add(electricity));
        // from the 2023 data purchased electricity is reported but not counted for compliance
        assertThat(figures.complianceEmissions()).isEqualByComparingTo(coal.add(gas).add(process));
        assertThat(figures.account().intensities()).extracting(f -> f.key()).containsExactly("year/intensity/CLINKER", "year/intensity/CEMENT");

        // ---- submitted with a document, it goes to the city (no district step for non-power) and then cannot change
        AnnualReport withDocument = reports.attach(plant, saved.id(), "2023 熟料产量统计表.pdf", AnnualReportFixtures.pdf("clinker output 2023"));
        AnnualReport submitted = reports.submit(plant, saved.id(), withDocument.version());
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(obligations.find("ANNUAL_REPORT_CITY_REVIEW:" + submitted.id())).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(organisations.bureauOf(cement.region().city()).orElseThrow().id());
            assertThat(o.due()).isEqualTo(deadlines.due(DeadlineKind.VERIFICATION_NON_POWER, YEAR, cement.region()).due());
        });
        assertThat(obligations.find("ANNUAL_REPORT_DISTRICT_REVIEW:" + submitted.id())).isEmpty();
        assertThat(reports.reviewQueue(city)).extracting(AnnualReport::id).contains(submitted.id());
        assertThat(reports.reviewQueue(district)).extracting(AnnualReport::id).doesNotContain(submitted.id());
        AnnualReportFixtures.assertRefused(() -> reports.saveStreams(plant, submitted.id(), submitted.version(), good, products),
                "status", "report.frozen");
        assertThatThrownBy(() -> reports.approve(district, submitted.id(), submitted.version())).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.city"));
        // the city returns it; the correction starts from version 1's streams, products and explanation
        AnnualReport returned = reports.returnWithReasons(city, submitted.id(), submitted.version(), List.of("外购电力与结算单不符"));
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(reports.history(plant, submitted.id()).getLast().action()).isEqualTo("CITY_RETURNED");
        assertThat(obligations.find("ANNUAL_REPORT_CITY_REVIEW:" + submitted.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(obligations.find("ANNUAL_REPORT_CORRECTION:" + submitted.id())).get().extracting(Obligation::isOpen).isEqualTo(true);
        // a correction started and discarded leaves version 1 as it was (its copied rows go with it)
        AnnualReport discarded = reports.draft(plant, cement.uscc(), YEAR);
        assertThat(discarded.attachments()).hasSize(1);
        reports.discard(plant, discarded.id());
        assertThat(reportRows(cement, YEAR)).isEqualTo(1);
        assertThat(reports.get(plant, submitted.id()).attachments()).hasSize(1);
        AnnualReport v2 = reports.draft(plant, cement.uscc(), YEAR);
        assertThat(v2.reportVersion()).isEqualTo(2);
        assertThat(v2.attachments()).extracting(ReportAttachment::sha256).containsExactlyElementsOf(
                submitted.attachments().stream().map(ReportAttachment::sha256).toList());
        assertThat(v2.replaces()).isEqualTo(submitted.id());
        assertThat(v2.streams()).isEqualTo(saved.streams());
        assertThat(v2.products()).isEqualTo(saved.products());
        List<StreamEntry> corrected = replace(good, 3, new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("9800"), "MWh",
                null, null, null, null, "按电网结算单"));
        AnnualReport v2saved = reports.saveStreams(plant, v2.id(), v2.version(), corrected, products);
        AnnualReport v2submitted = reports.submit(plant, v2.id(), v2saved.version());
        assertThat(obligations.find("ANNUAL_REPORT_CORRECTION:" + submitted.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(reports.view(plant, cement.uscc(), YEAR).figures().totalEmissions())
                .isEqualByComparingTo(coal.add(gas).add(process).add(exact("5588.94")));
        AnnualReport approved = reports.approve(city, v2.id(), v2submitted.version());
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(obligations.find("ANNUAL_REPORT_CITY_REVIEW:" + v2.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        // version 1 keeps its own rows
        assertThat(reports.get(plant, submitted.id()).streams()).isEqualTo(saved.streams());
    }

    @Test
    void streamRowsTheDatabaseCannotHoldAreRefusedWithAMessageAndNothingChanges() {
        AnnualReportFixtures fx = fx();
        KeyEmitter cement = fx.register("宁波北仑年报长文本测试水泥有限公司", "3011");
        CurrentUser plant = fx.emitterOfficer(cement);
        AnnualReport draft = reports.draft(plant, cement.uscc(), YEAR);
        List<StreamEntry> good = List.of(coal("1000"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"), null));
        Map<String, BigDecimal> products = Map.of("CLINKER", new BigDecimal("50000"), "CEMENT", new BigDecimal("64000"));
        AnnualReport saved = reports.saveStreams(plant, draft.id(), draft.version(), good, products);

        SoftAssertions softly = new SoftAssertions();
        Map<String, StreamEntry> bad = new java.util.LinkedHashMap<>();
        bad.put("a process stream without its unit (activity_unit is NOT NULL)",
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), null, null, null, null, new BigDecimal("0.528"), null));
        bad.put("a process stream whose unit is longer than the 20 characters stored",
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "吨熟料（按窑系统实际产量计，含外购熟料折算量）", null, null, null,
                        new BigDecimal("0.528"), null));
        bad.put("a note longer than the 500 characters stored",
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"),
                        "说明".repeat(251)));
        bad.put("an activity beyond NUMERIC(20, 6)",
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("1e15"), "t", null, null, null, new BigDecimal("0.528"), null));
        bad.put("a process stream naming a 'fuel' longer than the 20 characters stored",
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", "CALCIUM_CARBONATE_FROM_RAW_MEAL", new BigDecimal("50000"), "t", null, null, null,
                        new BigDecimal("0.528"), null));
        bad.forEach((what, row) -> {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> reports.saveStreams(plant, saved.id(), saved.version(),
                    replace(good, 1, row), products));
            softly.assertThat(thrown).as(what + ": refused as bad input naming streams[1], not a database error")
                    .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                            .allMatch(f -> f.startsWith("streams[1].")));
            assertUnchangedStreams(plant, saved, good, products);
        });
        softly.assertAll();
    }

    @Test
    void aYearOutsideTheRecordedRangeIsRefusedWithAMessage() {
        AnnualReportFixtures fx = fx();
        KeyEmitter emitter = fx.register("宁波北仑年报年份测试热电有限公司", "4411");
        CurrentUser plant = fx.emitterOfficer(emitter);
        // mrv.annual_report.data_year CHECK (data_year BETWEEN 2000 AND 2100)
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> reports.draft(plant, emitter.uscc(), 1999));
        assertThat(reportRows(emitter, 1999)).isZero();
        assertThat(thrown).as("a draft for 1999 is refused as bad input (field year), not a database error")
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::field).containsOnly("year"));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static StreamEntry coal(String tonnes) {
        return new StreamEntry(StreamKind.FUEL_COMBUSTION, "窑头窑尾燃煤（烟煤）", "BITUMINOUS", new BigDecimal(tonnes), "t", new BigDecimal("22.416"), null,
                null, null, "入厂煤化验");
    }

    static List<StreamEntry> replace(List<StreamEntry> streams, int index, StreamEntry entry) {
        List<StreamEntry> copy = new ArrayList<>(streams);
        copy.set(index, entry);
        return copy;
    }

    static BigDecimal exact(String v) {
        return new BigDecimal(v);
    }

    void assertStreamsRefused(CurrentUser plant, AnnualReport saved, List<StreamEntry> streams, Map<String, BigDecimal> products,
            org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(() -> reports.saveStreams(plant, saved.id(), saved.version(), streams, products))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactlyInAnyOrder(expected);
                    assertThat(e.violations()).allSatisfy(v -> assertThat(v.defaultMessage()).isNotBlank());
                });
        assertUnchangedStreams(plant, saved, saved.streams(), products);
    }

    void assertUnchangedStreams(CurrentUser plant, AnnualReport saved, List<StreamEntry> streams, Map<String, BigDecimal> products) {
        AnnualReport now = reports.get(plant, saved.id());
        assertThat(now.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(now.version()).isEqualTo(saved.version());
        assertThat(now.streams()).hasSameSizeAs(streams);
        for (int i = 0; i < streams.size(); i++) {
            StreamEntry a = now.streams().get(i);
            StreamEntry b = streams.get(i);
            assertThat(a.name()).isEqualTo(b.name());
            assertThat(a.activityUnit()).isEqualTo(b.activityUnit());
            assertThat(a.activity()).isEqualByComparingTo(b.activity());
            assertThat(a.emissionFactor() == null).isEqualTo(b.emissionFactor() == null);
        }
        assertThat(now.products()).hasSize(products.size());
        products.forEach((k, v) -> assertThat(now.products().get(k)).isEqualByComparingTo(v));
    }

    void assertUnchangedDraft(CurrentUser plant, AnnualReport expected) {
        AnnualReport now = reports.get(plant, expected.id());
        assertThat(now.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(now.version()).isEqualTo(expected.version());
        assertThat(now.explanation()).isEqualTo(expected.explanation());
        assertThat(now.contentSha256()).isNull();
        assertThat(now.logIndex()).isNull();
        assertThat(now.submittedAt()).isNull();
        assertThat(now.streams()).isEqualTo(expected.streams());
        assertThat(log.receipts(AnnualReports.LOG_REPORT, expected.id().toString())).isEmpty();
        assertThat(obligations.find("ANNUAL_REPORT_DISTRICT_REVIEW:" + expected.id())).isEmpty();
        assertThat(obligations.find("ANNUAL_REPORT_CITY_REVIEW:" + expected.id())).isEmpty();
        assertThat(reports.history(plant, expected.id())).extracting(ReviewEvent::action).containsExactly("DRAFTED");
    }

    long reportRows(KeyEmitter emitter, int year) {
        return jdbc.sql("select count(*) from mrv.annual_report where emitter_uscc = ? and data_year = ?").params(emitter.uscc().value(), year)
                .query(Long.class).single();
    }
}
