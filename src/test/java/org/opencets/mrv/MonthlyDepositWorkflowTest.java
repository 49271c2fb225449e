package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.notary.Receipt;
import org.opencets.notary.ReceiptVerifier;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002 §二(二)(六)(七): an emitter deposits a unit-month with its evidence, the automatic checks block what is
 * wrong, submission freezes the version and logs it; the district returns or approves, the emitter corrects within
 * 3 working days, the city completes the month; a submitted month cannot be rewritten, and a row changed behind the
 * platform's back shows in the integrity check.
 *
 * <p>Data ownership: this class owns months 2024-01..2024-06 of 浙能北仑滨海 units 2号机组 and 3号机组, one month per
 * test method (the demo seeds this emitter's 2025 and 2026).
 */
@IntegrationTest
class MonthlyDepositWorkflowTest {

    static final String UNIT_A = "2号机组"; // 600 MW
    static final String UNIT_B = "3号机组"; // 1000 MW

    @Autowired
    MonthlyDeposits deposits;
    @Autowired
    MrvObligations mrvObligations;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    TransparencyLog log;
    @Autowired
    Organisations organisations;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    JdbcClient jdbc;

    KeyEmitter emitter;
    Organisation plantOrg;
    Organisation districtOrg;
    Organisation cityOrg;
    CurrentUser plant;
    CurrentUser district;
    CurrentUser city;
    CurrentUser haishu;

    @BeforeEach
    void users() {
        Uscc uscc = Uscc.of(Demo.BEILUN_POWER_USCC);
        emitter = directory.findByUscc(uscc).orElseThrow();
        plantOrg = organisations.findByUscc(uscc).orElseThrow();
        districtOrg = organisations.bureauOf(RegionCode.of("330206")).orElseThrow();
        cityOrg = organisations.bureauOf(RegionCode.of("330200")).orElseThrow();
        plant = user("mrv.test.beilun.power", plantOrg, OrganisationKind.KEY_EMITTER);
        district = user("mrv.test.beilun.district", districtOrg, OrganisationKind.DISTRICT_BUREAU);
        city = user("mrv.test.nb.city", cityOrg, OrganisationKind.CITY_BUREAU);
        haishu = user("mrv.test.haishu.district", organisations.bureauOf(RegionCode.of("330203")).orElseThrow(),
                OrganisationKind.DISTRICT_BUREAU);
    }

    @Test
    void aMonthIsSubmittedReturnedCorrectedAndApprovedByDistrictAndCity() {
        YearMonth month = YearMonth.of(2024, 1);
        GeneratingUnit unit = unit(UNIT_A);
        assertThat(unit.ratedCapacityMw()).isEqualByComparingTo("600");
        assertThat(unit.fuels()).containsExactlyInAnyOrder(Fuel.BITUMINOUS, Fuel.FUEL_OIL);
        // the nightly job only opens the last two months; open this month's obligation the way it does
        mrvObligations.monthlyDeposit(emitter, unit.id(), unit.unitCode(), month);
        String monthlyKey = "MONTHLY_DEPOSIT:" + Demo.BEILUN_POWER_USCC + ":" + UNIT_A + ":2024-01";
        assertThat(obligations.find(monthlyKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(plantOrg.id());
        });

        Deposit draft = deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM);
        assertThat(draft.status()).isEqualTo(DepositStatus.DRAFT);
        assertThat(draft.depositVersion()).isEqualTo(1);
        assertThat(draft.replaces()).isNull();
        assertThat(draft.values()).isEmpty();
        // asking again gives the same draft, not a second one
        assertThat(deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM).id()).isEqualTo(draft.id());

        Deposit saved = deposits.save(plant, draft.id(), draft.version(), input(unit, month, v -> { }));
        assertThat(saved.value(Parameter.NCV, Fuel.BITUMINOUS)).get().extracting(MonthlyValue::value).isEqualTo(new BigDecimal("21.53"));
        assertThat(saved.value(Parameter.GENERATION, null)).get().extracting(MonthlyValue::value).isEqualTo(new BigDecimal("336000"));
        assertThat(saved.sampleId()).isEqualTo("BL2-202401-M01");
        // without evidence the checks say what is missing and block submission
        assertThat(errors(deposits.check(plant, draft.id()))).contains("evidence.LAB_REPORT.BITUMINOUS", "evidence.METER_READING",
                "evidence.SAMPLING_RECORDING");

        Deposit withEvidence = attachAll(draft.id(), month);
        assertThat(withEvidence.evidence()).extracting(AttachedEvidence::kind).containsExactlyInAnyOrder(EvidenceKind.FUEL_RECORD,
                EvidenceKind.LAB_REPORT, EvidenceKind.METER_READING, EvidenceKind.PRODUCTION_REPORT, EvidenceKind.SAMPLING_RECORDING);
        List<Finding> findings = deposits.check(plant, draft.id());
        assertThat(findings).noneMatch(Finding::blocking);
        // 2024 is long past its due dates: a late month is a warning, not a refusal
        assertThat(findings).extracting(Finding::code).contains("late");

        MonthlyDeposits.Submission submission = deposits.submit(plant, draft.id(), withEvidence.version());
        Deposit v1 = submission.deposit();
        assertThat(v1.status()).isEqualTo(DepositStatus.SUBMITTED);
        assertThat(v1.submittedBy()).isEqualTo(plant.username());
        assertThat(v1.late()).isTrue();
        assertThat(submission.warnings()).extracting(Finding::code).contains("late");
        Receipt receipt = submission.receipt();
        assertThat(ReceiptVerifier.verify(receipt, log.publicKey())).isNotEmpty().allMatch(ReceiptVerifier.Check::ok);
        assertThat(receipt.entryRef()).isEqualTo(v1.id().toString());
        assertThat(HexFormat.of().formatHex(receipt.contentHash())).isEqualTo(v1.contentSha256());
        assertThat(v1.logIndex()).isEqualTo(receipt.index());
        // the deposit and each of its 5 files are in the log, and the receipt fetched later verifies too
        java.util.List<Receipt> receipts = new java.util.ArrayList<>(log.receipts("MONTHLY_DEPOSIT", v1.id().toString()));
        v1.evidence().forEach(e -> receipts.addAll(log.receipts("DEPOSIT_EVIDENCE", v1.id() + "/" + e.uploadId())));
        assertThat(receipts).hasSize(6)
                .allSatisfy(r -> assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(r, log.publicKey()))).isTrue());
        assertThat(deposits.receipt(plant, v1.id())).get().extracting(Receipt::index).isEqualTo(receipt.index());

        assertThat(obligations.find(monthlyKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isFalse();
            assertThat(o.outcome()).isEqualTo(Obligation.Outcome.DONE);
        });
        Obligation review = obligations.find("DEPOSIT_DISTRICT_REVIEW:" + v1.id()).orElseThrow();
        assertThat(review.isOpen()).isTrue();
        assertThat(review.responsibleOrganisation()).isEqualTo(districtOrg.id());
        assertThat(review.due()).isEqualTo(deadlines.dueAfter(DeadlineKind.MONTHLY_DEPOSIT_DISTRICT_REVIEW, 2024, emitter.region(),
                deadlines.today()).due());
        assertThat(deposits.reviewQueue(district)).extracting(Deposit::id).contains(v1.id());
        assertThat(deposits.reviewQueue(city)).extracting(Deposit::id).doesNotContain(v1.id());

        // the district returns it with every problem at once
        Deposit returned = deposits.returnWithReasons(district, v1.id(), v1.version(),
                List.of("1月入炉煤低位发热量与化验报告不一致", "  ", "缺少 1 月生产月报盖章页"));
        assertThat(returned.status()).isEqualTo(DepositStatus.RETURNED);
        assertThat(deposits.history(plant, v1.id())).extracting(ReviewEvent::action)
                .containsExactly("DRAFTED", "SUBMITTED", "DISTRICT_RETURNED");
        assertThat(deposits.history(plant, v1.id()).getLast()).satisfies(e -> {
            assertThat(e.reasons()).containsExactly("1月入炉煤低位发热量与化验报告不一致", "缺少 1 月生产月报盖章页");
            assertThat(e.actor()).isEqualTo(district.username());
            assertThat(e.actorOrganisation()).isEqualTo(districtOrg.name());
        });
        assertThat(obligations.find("DEPOSIT_DISTRICT_REVIEW:" + v1.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        Obligation correction = obligations.find("DEPOSIT_CORRECTION:" + v1.id()).orElseThrow();
        assertThat(correction.isOpen()).isTrue();
        assertThat(correction.responsibleOrganisation()).isEqualTo(plantOrg.id());
        assertThat(correction.due()).isEqualTo(deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, emitter.region(),
                deadlines.today()).due());
        assertThat(correction.due()).isAfterOrEqualTo(deadlines.today().plusDays(3));

        // the correction is version 2, starting from everything version 1 had
        Deposit v2 = deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM);
        assertThat(v2.id()).isNotEqualTo(v1.id());
        assertThat(v2.status()).isEqualTo(DepositStatus.DRAFT);
        assertThat(v2.depositVersion()).isEqualTo(2);
        assertThat(v2.replaces()).isEqualTo(v1.id());
        assertThat(v2.values()).containsExactlyElementsOf(returned.values());
        assertThat(v2.sampleId()).isEqualTo(v1.sampleId());
        assertThat(v2.samplePlace()).isEqualTo(v1.samplePlace());
        assertThat(v2.evidence()).extracting(AttachedEvidence::uploadId, AttachedEvidence::sha256, AttachedEvidence::kind, AttachedEvidence::fuel)
                .containsExactlyInAnyOrderElementsOf(v1.evidence().stream().map(e -> tuple(e.uploadId(), e.sha256(), e.kind(), e.fuel())).toList());
        assertThat(deposits.history(plant, v2.id())).extracting(ReviewEvent::action).containsExactly("CORRECTION_STARTED");

        Deposit corrected = deposits.save(plant, v2.id(), v2.version(), input(unit, month,
                values -> replace(values, measured(Parameter.NCV, Fuel.BITUMINOUS, "21.48"))));
        MonthlyDeposits.Submission resubmission = deposits.submit(plant, v2.id(), corrected.version());
        assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(resubmission.receipt(), log.publicKey()))).isTrue();
        assertThat(resubmission.deposit().contentSha256()).isNotEqualTo(v1.contentSha256());
        assertThat(obligations.find("DEPOSIT_CORRECTION:" + v1.id())).get().satisfies(o -> {
            assertThat(o.isOpen()).isFalse();
            assertThat(o.outcome()).isEqualTo(Obligation.Outcome.DONE);
        });
        assertThat(obligations.find("DEPOSIT_DISTRICT_REVIEW:" + v2.id())).get().extracting(Obligation::isOpen).isEqualTo(true);
        // version 1 is untouched history
        assertThat(deposits.get(plant, v1.id()).value(Parameter.NCV, Fuel.BITUMINOUS)).get().extracting(MonthlyValue::value)
                .isEqualTo(new BigDecimal("21.53"));
        assertThat(deposits.get(plant, v1.id()).status()).isEqualTo(DepositStatus.RETURNED);

        Deposit districtApproved = deposits.approve(district, v2.id(), resubmission.deposit().version());
        assertThat(districtApproved.status()).isEqualTo(DepositStatus.DISTRICT_APPROVED);
        assertThat(obligations.find("DEPOSIT_DISTRICT_REVIEW:" + v2.id())).get().extracting(Obligation::isOpen).isEqualTo(false);
        String cityKey = "DEPOSIT_CITY:" + Demo.BEILUN_POWER_USCC + ":" + UNIT_A + ":2024-01";
        Obligation cityStep = obligations.find(cityKey).orElseThrow();
        assertThat(cityStep.isOpen()).isTrue();
        assertThat(cityStep.responsibleOrganisation()).isEqualTo(cityOrg.id());
        assertThat(cityStep.due()).isEqualTo(deadlines.dueAfterMonth(DeadlineKind.MONTHLY_DEPOSIT_CITY_COMPLETION, month, emitter.region()).due());
        assertThat(deposits.reviewQueue(city)).extracting(Deposit::id).contains(v2.id());

        Deposit approved = deposits.approve(city, v2.id(), districtApproved.version());
        assertThat(approved.status()).isEqualTo(DepositStatus.APPROVED);
        assertThat(obligations.find(cityKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(deposits.history(city, v2.id())).extracting(ReviewEvent::action)
                .containsExactly("CORRECTION_STARTED", "SUBMITTED", "DISTRICT_APPROVED", "CITY_APPROVED");
        assertThat(deposits.versions(plant, unit.id(), month)).extracting(Deposit::depositVersion, Deposit::status)
                .containsExactly(tuple(2, DepositStatus.APPROVED), tuple(1, DepositStatus.RETURNED));
        // an approved month takes no new draft
        assertRefused(() -> deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM), "month", "deposit.approved");

        List<IntegrityCheck> first = deposits.verify(plant, v1.id());
        List<IntegrityCheck> second = deposits.verify(city, v2.id());
        assertThat(IntegrityCheck.allHold(first)).as("%s", first).isTrue();
        assertThat(IntegrityCheck.allHold(second)).as("%s", second).isTrue();
        assertThat(second).extracting(IntegrityCheck::code).contains("content.unchanged", "content.logged", "receipt.leaf",
                "receipt.signature", "receipt.inclusion", "evidence.intact", "evidence.logged");
    }

    @Test
    void aMonthThatHasNotEndedAndAnotherEmittersUnitAreRefusedAndNothingIsStored() {
        GeneratingUnit unit = unit(UNIT_A);
        long before = depositRows();
        YearMonth current = YearMonth.from(deadlines.today());
        assertRefused(() -> deposits.draft(plant, unit.id(), current, Deposit.Channel.FORM), "month", "deposit.month.notEnded");

        KeyEmitter lingang = directory.findByUscc(Uscc.of("91330206439099414B")).orElseThrow();
        GeneratingUnit foreign = directory.powerUnits().get(lingang).getFirst();
        // the unit codes of the demo's power plants overlap (1号机组 … 4号机组), so the foreign unit is named by its id
        assertRefused(() -> deposits.ownUnit(plant, foreign.id().toString()), "unit", "deposit.unit.notYours");
        assertRefused(() -> deposits.ownUnit(plant, "9号机组"), "unit", "deposit.unit.notYours");
        assertRefused(() -> deposits.ownUnit(district, UNIT_A), "unit", "deposit.unit.notYours");
        assertThat(deposits.ownUnit(plant, UNIT_A).id()).isEqualTo(unit.id());
        assertThat(deposits.ownUnit(plant, unit.id().toString()).unitCode()).isEqualTo(UNIT_A);
        // another emitter's unit is not visible to this emitter at all
        assertThatThrownBy(() -> deposits.draft(plant, foreign.id(), YearMonth.of(2024, 1), Deposit.Channel.FORM))
                .isInstanceOf(RecordNotFound.class);
        // a bureau may see the unit but never enters data for it
        assertThatThrownBy(() -> deposits.draft(district, unit.id(), YearMonth.of(2024, 6), Deposit.Channel.FORM))
                .isInstanceOf(AccessDenied.class);
        assertThat(depositRows()).isEqualTo(before);
    }

    @Test
    void theAutomaticChecksBlockSubmissionWithTheirReasonAndNothingIsLogged() {
        YearMonth may = YearMonth.of(2024, 5); // 31 days: 744 hours
        GeneratingUnit unit = unit(UNIT_A);
        Deposit draft = deposits.draft(plant, unit.id(), may, Deposit.Channel.FORM);
        Deposit d = deposits.save(plant, draft.id(), draft.version(), input(unit, may, v -> { }));
        // every file but the lab report
        d = attach(d.id(), EvidenceKind.FUEL_RECORD, null, "2024-05 入炉煤称重.pdf", pdf("FUEL_RECORD " + may));
        d = attach(d.id(), EvidenceKind.METER_READING, null, "2024-05 关口表.pdf", pdf("METER_READING " + may));
        d = attach(d.id(), EvidenceKind.PRODUCTION_REPORT, null, "2024-05 生产月报.pdf", pdf("PRODUCTION_REPORT " + may));
        d = attach(d.id(), EvidenceKind.SAMPLING_RECORDING, null, "2024-05 采样.jpg", jpeg("SAMPLING " + may));

        int version = d.version();
        assertThat(deposits.check(plant, d.id())).filteredOn(Finding::blocking).extracting(Finding::field, Finding::code)
                .containsExactly(tuple("evidence.LAB_REPORT.BITUMINOUS", "evidence.missing"));
        UUID id = d.id();
        assertThatThrownBy(() -> deposits.submit(plant, id, version)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(tuple("evidence.LAB_REPORT.BITUMINOUS", "check.evidence.missing")));
        assertStillAnUnloggedDraft(id);

        // sampling records are photos or video, not documents; a file whose bytes are not what its name says is refused
        assertRefused(() -> deposits.attach(plant, id, EvidenceKind.SAMPLING_RECORDING, null, "采样记录.pdf", pdf("not a photo")), "file",
                "deposit.evidence.recordingType");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertRefused(() -> deposits.attach(plant, id, EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS, "化验报告.pdf", new ByteArrayInputStream(png)),
                "file", "evidence.type.mismatch");
        assertThat(deposits.get(plant, id).evidence()).hasSize(4).extracting(AttachedEvidence::kind).doesNotContain(EvidenceKind.LAB_REPORT);

        d = attach(id, EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS, "2024-05 化验报告.pdf", pdf("LAB_REPORT " + may));
        // a net calorific value no bituminous coal has
        d = deposits.save(plant, id, d.version(), input(unit, may, v -> replace(v, measured(Parameter.NCV, Fuel.BITUMINOUS, "35"))));
        int v2 = d.version();
        assertThatThrownBy(() -> deposits.submit(plant, id, v2)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(tuple("NCV.BITUMINOUS", "check.fuel.range")));
        assertStillAnUnloggedDraft(id);

        // more operating hours than May has
        d = deposits.save(plant, id, d.version(), input(unit, may, v -> replace(v, measured(Parameter.OPERATING_HOURS, null, "745"))));
        int v3 = d.version();
        assertThatThrownBy(() -> deposits.submit(plant, id, v3)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(tuple("OPERATING_HOURS", "check.hours.exceedMonth")));
        assertStillAnUnloggedDraft(id);
        // 744 hours is the whole month, and allowed
        d = deposits.save(plant, id, d.version(), input(unit, may, v -> replace(v, measured(Parameter.OPERATING_HOURS, null, "744"))));
        assertThat(deposits.check(plant, id)).noneMatch(Finding::blocking);

        // a stale version is not silently saved over
        int stale = d.version() - 1;
        assertThatThrownBy(() -> deposits.save(plant, id, stale, input(unit, may, v -> { })))
                .isInstanceOf(org.opencets.shared.ConcurrentModification.class);

        // the draft may be thrown away; it was never logged
        deposits.discard(plant, id);
        assertThat(jdbc.sql("select count(*) from mrv.deposit where id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(leaves(id)).isZero();
    }

    @Test
    void onlyTheRightReviewerActsAtEachStepAndNoSecondVersionStartsWhileUnderReview() {
        YearMonth march = YearMonth.of(2024, 3);
        GeneratingUnit unit = unit(UNIT_B);
        assertThat(unit.ratedCapacityMw()).isEqualByComparingTo("1000");
        Deposit submitted = submitComplete(unit, march);
        UUID id = submitted.id();
        int version = submitted.version();
        long rows = depositRows();

        // no second draft while the first is under review
        assertRefused(() -> deposits.draft(plant, unit.id(), march, Deposit.Channel.FORM), "month", "deposit.underReview");
        assertThat(depositRows()).isEqualTo(rows);
        // and the submitted version itself no longer changes
        assertRefused(() -> deposits.save(plant, id, version, input(unit, march, v -> { })), "status", "deposit.frozen");
        assertRefused(() -> deposits.attach(plant, id, EvidenceKind.OTHER, null, "补充.pdf", pdf("late addition " + UUID.randomUUID())),
                "status", "deposit.frozen");

        // returning needs at least one reason
        assertRefused(() -> deposits.returnWithReasons(district, id, version, List.of(" ", "")), "reasons", "deposit.reasons.missing");
        assertRefused(() -> deposits.returnWithReasons(district, id, version, null), "reasons", "deposit.reasons.missing");
        // the city's step comes after the district's
        assertThatThrownBy(() -> deposits.approve(city, id, version)).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.district"));
        // the emitter cannot approve its own month
        assertThatThrownBy(() -> deposits.approve(plant, id, version)).isInstanceOf(AccessDenied.class);
        // another district does not even see it (404, not 403)
        assertThatThrownBy(() -> deposits.approve(haishu, id, version)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> deposits.returnWithReasons(haishu, id, version, List.of("不归我管"))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> deposits.get(haishu, id)).isInstanceOf(RecordNotFound.class);
        assertThat(deposits.reviewQueue(haishu)).extracting(Deposit::id).doesNotContain(id);
        Deposit unchanged = deposits.get(plant, id);
        assertThat(unchanged.status()).isEqualTo(DepositStatus.SUBMITTED);
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(deposits.history(plant, id)).extracting(ReviewEvent::action).containsExactly("DRAFTED", "SUBMITTED");

        Deposit districtApproved = deposits.approve(district, id, version);
        assertThat(districtApproved.status()).isEqualTo(DepositStatus.DISTRICT_APPROVED);
        // now the city's step: not the district's again
        assertThatThrownBy(() -> deposits.approve(district, id, districtApproved.version())).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.city"));
        assertRefused(() -> deposits.draft(plant, unit.id(), march, Deposit.Channel.FORM), "month", "deposit.underReview");
        // a decision on a stale page is not applied
        assertThatThrownBy(() -> deposits.approve(city, id, version)).isInstanceOf(org.opencets.shared.ConcurrentModification.class);
        assertThat(deposits.get(city, id).status()).isEqualTo(DepositStatus.DISTRICT_APPROVED);
        assertThat(depositRows()).isEqualTo(rows);

        // the city may return it too: the month stays open in the city's inbox until a version is approved
        String cityKey = "DEPOSIT_CITY:" + Demo.BEILUN_POWER_USCC + ":" + UNIT_B + ":2024-03";
        Deposit cityReturned = deposits.returnWithReasons(city, id, districtApproved.version(), List.of("3月供电量与电网结算单不符"));
        assertThat(cityReturned.status()).isEqualTo(DepositStatus.RETURNED);
        assertThat(deposits.history(plant, id).getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("CITY_RETURNED");
            assertThat(e.reasons()).containsExactly("3月供电量与电网结算单不符");
        });
        assertThat(obligations.find(cityKey)).get().extracting(Obligation::isOpen).isEqualTo(true);
        assertThat(obligations.find("DEPOSIT_CORRECTION:" + id)).get().extracting(Obligation::isOpen).isEqualTo(true);
        Deposit v2 = deposits.draft(plant, unit.id(), march, Deposit.Channel.FORM);
        assertThat(v2.replaces()).isEqualTo(id);
        Deposit v2Saved = deposits.save(plant, v2.id(), v2.version(), input(unit, march, v -> replace(v,
                measured(Parameter.POWER_SUPPLIED, null, "531800"))));
        Deposit v2Submitted = deposits.submit(plant, v2.id(), v2Saved.version()).deposit();
        assertThat(obligations.find("DEPOSIT_CORRECTION:" + id)).get().extracting(Obligation::isOpen).isEqualTo(false);
        // a correction goes through the district again before the city
        assertThatThrownBy(() -> deposits.approve(city, v2.id(), v2Submitted.version())).isInstanceOf(AccessDenied.class);
        Deposit v2District = deposits.approve(district, v2.id(), v2Submitted.version());
        assertThat(deposits.approve(city, v2.id(), v2District.version()).status()).isEqualTo(DepositStatus.APPROVED);
        assertThat(obligations.find(cityKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(IntegrityCheck.allHold(deposits.verify(city, id))).isTrue();
        assertThat(IntegrityCheck.allHold(deposits.verify(city, v2.id()))).isTrue();
    }

    @Test
    void theDatabaseRefusesToRewriteASubmittedMonthAndATamperedRowShowsInTheIntegrityCheck() {
        YearMonth april = YearMonth.of(2024, 4);
        GeneratingUnit unit = unit(UNIT_A);
        Deposit d = submitComplete(unit, april);
        UUID id = d.id();
        assertThat(IntegrityCheck.allHold(deposits.verify(plant, id))).isTrue();

        assertThatThrownBy(() -> jdbc.sql("update mrv.deposit_value set value = 1 where deposit_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is submitted");
        assertThatThrownBy(() -> jdbc.sql("delete from mrv.deposit_value where deposit_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from mrv.deposit where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("update mrv.deposit set sample_id = 'x' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update mrv.deposit set status = 'DRAFT' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from mrv.deposit_evidence where deposit_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from mrv.review_event where subject_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        // nor move it to another unit code or another district's review
        assertThat(refused("update mrv.deposit set unit_code = '9号机组' where id = ?", id))
                .as("the database refuses rewriting a submitted deposit's unit code").isTrue();
        assertThat(refused("update mrv.deposit set region_code = '330203' where id = ?", id))
                .as("the database refuses moving a submitted deposit to another district").isTrue();
        Deposit after = deposits.get(plant, id);
        assertThat(after.unitCode()).isEqualTo(UNIT_A);
        assertThat(after.region()).isEqualTo(RegionCode.of("330206"));
        assertThat(after.values()).isEqualTo(d.values());
        assertThat(after.sampleId()).isEqualTo(d.sampleId());
        assertThat(after.evidence()).hasSameSizeAs(d.evidence());
        assertThat(IntegrityCheck.allHold(deposits.verify(plant, id))).isTrue();

        // someone with the database owner's rights switches the guard off and changes a number
        try {
            jdbc.sql("alter table mrv.deposit_value disable trigger deposit_value_frozen").update();
            assertThat(jdbc.sql("update mrv.deposit_value set value = 120000 where deposit_id = ? and parameter = 'FUEL_CONSUMPTION' and fuel = 'BITUMINOUS'")
                    .param(id).update()).isEqualTo(1);
        } finally {
            jdbc.sql("alter table mrv.deposit_value enable trigger deposit_value_frozen").update();
        }
        List<IntegrityCheck> checks = deposits.verify(district, id);
        assertThat(IntegrityCheck.allHold(checks)).isFalse();
        assertThat(checks).filteredOn(c -> c.code().equals("content.unchanged")).singleElement().satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.arguments()).hasSize(2).doesNotHaveDuplicates();
        });
        assertThat(checks).filteredOn(c -> c.code().equals("content.logged")).singleElement().extracting(IntegrityCheck::ok).isEqualTo(false);
        // the log itself is intact: the receipt still proves what was submitted
        assertThat(checks).filteredOn(c -> c.code().startsWith("receipt.")).extracting(IntegrityCheck::code)
                .containsExactlyInAnyOrder("receipt.leaf", "receipt.signature", "receipt.inclusion");
        assertThat(checks).filteredOn(c -> c.code().startsWith("receipt.")).allMatch(IntegrityCheck::ok);
        assertThat(checks).filteredOn(c -> c.code().startsWith("evidence.")).isNotEmpty().allMatch(IntegrityCheck::ok);
        // the guard is back on
        assertThatThrownBy(() -> jdbc.sql("update mrv.deposit_value set value = 130000 where deposit_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
    }

    // --- helpers

    static CurrentUser user(String username, Organisation org, OrganisationKind kind) {
        return new CurrentUser(UUID.randomUUID(), username, username, org.id(), org.name(), kind, org.region(), org.uscc(),
                EnumSet.of(Role.OFFICER));
    }

    GeneratingUnit unit(String code) {
        return directory.powerUnits().get(emitter).stream().filter(u -> u.unitCode().equals(code)).findFirst().orElseThrow();
    }

    /** A complete, plausible month: hours × capacity × load = generation; no fuel oil burnt. */
    static DepositInput input(GeneratingUnit unit, YearMonth month, Consumer<List<MonthlyValue>> change) {
        BigDecimal capacity = unit.ratedCapacityMw();
        BigDecimal generation = capacity.multiply(new BigDecimal("560")).stripTrailingZeros(); // 700 h at 80%
        List<MonthlyValue> v = new ArrayList<>();
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, generation.multiply(new BigDecimal("0.3869")).setScale(0, RoundingMode.HALF_UP).toPlainString()));
        v.add(measured(Parameter.NCV, Fuel.BITUMINOUS, "21.53"));
        v.add(measured(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, "0.5612"));
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, "0"));
        v.add(measured(Parameter.GENERATION, null, generation.toPlainString()));
        v.add(measured(Parameter.POWER_SUPPLIED, null, generation.multiply(new BigDecimal("0.95")).stripTrailingZeros().toPlainString()));
        v.add(measured(Parameter.HEAT_SUPPLIED, null, "0"));
        v.add(measured(Parameter.PURCHASED_ELECTRICITY, null, "0"));
        v.add(measured(Parameter.OPERATING_HOURS, null, "700"));
        v.add(measured(Parameter.LOAD_FACTOR, null, "80"));
        v.add(measured(Parameter.AUX_POWER_RATE, null, "5"));
        change.accept(v);
        String tag = unit.unitCode().substring(0, 1);
        return new DepositInput(v, "BL" + tag + "-" + month.toString().replace("-", "") + "-M01", "北仑滨海电厂煤样存查室 " + tag + " 号柜");
    }

    static MonthlyValue measured(Parameter p, Fuel fuel, String value) {
        return new MonthlyValue(p, fuel, new BigDecimal(value), MeasurementBasis.MEASURED, null);
    }

    static void replace(List<MonthlyValue> values, MonthlyValue changed) {
        values.replaceAll(v -> v.parameter() == changed.parameter() && v.fuel() == changed.fuel() ? changed : v);
    }

    Deposit attach(UUID id, EvidenceKind kind, Fuel fuel, String name, InputStream content) {
        return deposits.attach(plant, id, kind, fuel, name, content);
    }

    /** The five files a complete coal month needs: fuel records, lab report, meter readings, production report, sampling photo. */
    Deposit attachAll(UUID id, YearMonth month) {
        String unique = month + " " + id;
        attach(id, EvidenceKind.FUEL_RECORD, null, month + " 入炉煤称重记录.pdf", pdf("FUEL_RECORD " + unique));
        attach(id, EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS, month + " 入炉煤化验报告.pdf", pdf("LAB_REPORT " + unique));
        attach(id, EvidenceKind.METER_READING, null, month + " 关口表读数.pdf", pdf("METER_READING " + unique));
        attach(id, EvidenceKind.PRODUCTION_REPORT, null, month + " 生产月报.pdf", pdf("PRODUCTION_REPORT " + unique));
        return attach(id, EvidenceKind.SAMPLING_RECORDING, null, month + " 煤样采制存.jpg", jpeg("SAMPLING " + unique));
    }

    Deposit submitComplete(GeneratingUnit unit, YearMonth month) {
        Deposit draft = deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM);
        deposits.save(plant, draft.id(), draft.version(), input(unit, month, v -> { }));
        Deposit complete = attachAll(draft.id(), month);
        Deposit submitted = deposits.submit(plant, draft.id(), complete.version()).deposit();
        assertThat(submitted.status()).isEqualTo(DepositStatus.SUBMITTED);
        return submitted;
    }

    static InputStream pdf(String text) {
        return new ByteArrayInputStream(("%PDF-1.4\n" + text + "\n%%EOF").getBytes(StandardCharsets.UTF_8));
    }

    static InputStream jpeg(String text) {
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + body.length + 2];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(body, 0, bytes, header.length, body.length);
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xD9;
        return new ByteArrayInputStream(bytes);
    }

    static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::blocking).map(Finding::field).toList();
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations())
                .extracting(FieldViolation::field, FieldViolation::messageKey).containsExactly(tuple(field, key)));
    }

    void assertStillAnUnloggedDraft(UUID id) {
        Deposit d = deposits.get(plant, id);
        assertThat(d.status()).isEqualTo(DepositStatus.DRAFT);
        assertThat(d.contentSha256()).isNull();
        assertThat(d.logIndex()).isNull();
        assertThat(leaves(id)).isZero();
        assertThat(obligations.find("DEPOSIT_DISTRICT_REVIEW:" + id)).isEmpty();
    }

    /** Whether the database refuses the statement (and so changed nothing). */
    boolean refused(String sql, UUID id) {
        try {
            jdbc.sql(sql).param(id).update();
            return false;
        } catch (DataAccessException e) {
            return true;
        }
    }

    long leaves(UUID depositId) {
        return jdbc.sql("select count(*) from notary.leaf where entry_ref like ?").param(depositId + "%").query(Long.class).single();
    }

    long depositRows() {
        return jdbc.sql("select count(*) from mrv.deposit").query(Long.class).single();
    }
}
