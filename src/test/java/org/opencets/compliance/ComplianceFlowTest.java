package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.shared.Backdating;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The surrender path of seed 001 against the real registry: request → reservation → rejection listing deficiencies → amendment → approval. */
@IntegrationTest
class ComplianceFlowTest {

    static final Vintage V2023 = Vintage.ofYear(2023);
    static final Vintage V2024 = Vintage.ofYear(2024);
    static final SurrenderRequest.Contact CONTACT = new SurrenderRequest.Contact("郭晓东", "0574-86888888", "guo@example.com");
    static final Instant BEFORE_DEADLINE = Instant.parse("2025-11-10T02:00:00Z");

    @Autowired ApplicationContext context;
    @Autowired Compliance compliance;
    @Autowired ComplianceOverview overview;
    @Autowired ForcedCompliance forced;
    @Autowired Registry registry;
    @Autowired PendingOffsets offsets;
    ComplianceFixtures fx;
    CurrentUser province;

    @BeforeEach
    void setUp() {
        fx = new ComplianceFixtures(context);
        province = fx.user("zj.officer");
    }

    ComplianceFixtures.Emitter funded(long obligation, long v2024, long v2023) {
        ComplianceFixtures.Emitter e = fx.emitter();
        fx.obligation(e, 2024, obligation, null);
        fx.issue(e, 2024, v2024, false);
        if (v2023 > 0) {
            fx.issue(e, 2023, v2023, false);
        }
        return e;
    }

    String account(ComplianceFixtures.Emitter e) {
        return registry.accountOf(e.uscc()).map(Account::number).orElseThrow();
    }

    static SurrenderAsk ask(long v2024, UUID lot, long ccer) {
        return new SurrenderAsk(v2024 == 0 ? List.of() : List.of(new SurrenderAsk.AllowancePick(V2024, v2024, false)),
                lot == null ? List.of() : List.of(new SurrenderAsk.OffsetPick(lot, ccer)));
    }

    static List<String> codes(Runnable r) {
        return catchThrowableOfType(ValidationFailed.class, r::run).violations().stream().map(FieldViolation::messageKey).toList();
    }

    long available(ComplianceFixtures.Emitter e, Vintage v) {
        return compliance.emitterYear(e.officer(), e.uscc().value(), 2024).holdings().stream().filter(h -> h.vintage().equals(v)).mapToLong(
                EmitterYear.UsableHolding::available).sum();
    }

    @Test
    void requestRejectedWithTwoDeficienciesAmendedAndApprovedOnTime_seed001_steps3to4() {
        ComplianceFixtures.Emitter e = funded(1_000_000, 980_000, 0);
        UUID lot = fx.pendingCcer(e, account(e), "CCER-T-WIND", false, 60_000);
        EmitterYear page = compliance.emitterYear(e.officer(), e.uscc().value(), 2024);
        assertThat(page.obligation().tonnes()).isEqualTo(1_000_000);
        assertThat(page.offsetCap()).isEqualTo(50_000);
        assertThat(page.pendingOffsets()).extracting(PendingOffset::projectNumber).containsExactly("CCER-T-WIND");
        assertThat(page.proposal().toBuy()).isZero();

        UUID id = UUID.randomUUID();
        SurrenderRequest submitted = Backdating.at(BEFORE_DEADLINE, () -> compliance.submit(e.officer(), id, 2024, ask(960_000, lot, 40_000), CONTACT));
        assertThat(submitted.status()).isEqualTo(SurrenderRequest.Status.SUBMITTED);
        assertThat(submitted.late()).isFalse();
        // reserved: the allowances leave the available holding, the CCER leave the pending lot
        assertThat(available(e, V2024)).isEqualTo(20_000);
        assertThat(offsets.lot(lot).orElseThrow().remaining()).isEqualTo(20_000);
        // a double click submits once
        assertThat(Backdating.at(BEFORE_DEADLINE, () -> compliance.submit(e.officer(), id, 2024, ask(960_000, lot, 40_000), CONTACT)).revision()).isEqualTo(1);
        // the pre-filled 附表: obligation, offset, ratio, one row per project
        ApplicationForm form = overview.applicationForm(e.officer(), submitted, 1);
        assertThat(form.obligation()).isEqualTo(1_000_000);
        assertThat(form.offsetQuantity()).isEqualTo(40_000);
        assertThat(form.ratioPercent()).isEqualByComparingTo("4.00");
        assertThat(form.rows()).extracting(ApplicationForm.Row::projectNumber).containsExactly("CCER-T-WIND");
        assertThat(overview.applicationFormPdf(e.officer(), submitted, 1)).startsWith("%PDF".getBytes());

        SurrenderRequest rejected = Backdating.at(BEFORE_DEADLINE.plusSeconds(3600),
                () -> compliance.reject(province, id, submitted.version(), List.of("申请表联系人信息有误", "CCER 项目编号与申请表不一致")));
        assertThat(rejected.status()).isEqualTo(SurrenderRequest.Status.REJECTED);
        assertThat(rejected.current().deficiencies()).containsExactly("申请表联系人信息有误", "CCER 项目编号与申请表不一致");
        assertThat(available(e, V2024)).isEqualTo(980_000);
        assertThat(offsets.lot(lot).orElseThrow().remaining()).isEqualTo(60_000);

        SurrenderRequest amended = Backdating.at(BEFORE_DEADLINE.plusSeconds(7200),
                () -> compliance.amend(e.officer(), id, rejected.version(), ask(950_000, lot, 50_000), CONTACT));
        assertThat(amended.revision()).isEqualTo(2);
        assertThat(amended.status()).isEqualTo(SurrenderRequest.Status.SUBMITTED);
        SurrenderRequest approved = Backdating.at(BEFORE_DEADLINE.plusSeconds(10800), () -> compliance.approve(province, id, amended.version()));
        assertThat(approved.status()).isEqualTo(SurrenderRequest.Status.APPROVED);

        PendingOffset used = offsets.lot(lot).orElseThrow();
        assertThat(used.used()).isEqualTo(50_000);
        assertThat(used.remaining()).isEqualTo(10_000);
        YearStanding standing = compliance.emitterYear(e.officer(), e.uscc().value(), 2024).standing();
        assertThat(standing.status()).isEqualTo(ComplianceStatus.ON_TIME);
        assertThat(standing.allowances()).isEqualTo(950_000);
        assertThat(standing.ccer()).isEqualTo(50_000);
        ComplianceCertificate certificate = overview.certificate(e.officer(), e.uscc().value(), 2024);
        assertThat(certificate.onTime()).isTrue();
        assertThat(certificate.obligation()).isEqualTo(1_000_000);
        assertThat(overview.certificatePdf(e.officer(), e.uscc().value(), 2024)).startsWith("%PDF".getBytes());

        // a second approval of the same request moves nothing
        assertThat(codes(() -> compliance.approve(province, id, approved.version()))).containsExactly("compliance.request.decided");
        assertThat(compliance.emitterYear(e.officer(), e.uscc().value(), 2024).standing().surrendered()).isEqualTo(1_000_000);
    }

    @Test
    void afterTheDeadlineARequestIsLateAndTheProvinceConfirmsIt_seed003_5_3() {
        ComplianceFixtures.Emitter e = funded(300_000, 300_000, 0);
        UUID id = UUID.randomUUID();
        SurrenderRequest r = compliance.submit(e.officer(), id, 2024, ask(300_000, null, 0), CONTACT);
        assertThat(r.late()).isTrue();
        compliance.approve(province, id, r.version());
        assertThat(compliance.emitterYear(e.officer(), e.uscc().value(), 2024).standing().status()).isEqualTo(ComplianceStatus.LATE);
        assertThat(overview.certificate(e.officer(), e.uscc().value(), 2024).onTime()).isFalse();
    }

    @Test
    void badInputIsRefusedWithASpecificErrorAndMovesNothing() {
        ComplianceFixtures.Emitter e = funded(1_000_000, 900_000, 100_000);
        UUID lot = fx.pendingCcer(e, account(e), "CCER-T-OK", false, 80_000);
        UUID etsLot = fx.pendingCcer(e, account(e), "CCER-T-ETS", true, 5_000);
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, ask(900_000, lot, 50_001), CONTACT)))
                .containsExactly("compliance.offset.cap");
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, ask(100_000, etsLot, 5_000), CONTACT)))
                .containsExactly("compliance.ccer.ineligible");
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, ask(900_001, null, 0), CONTACT)))
                .containsExactly("compliance.holding.insufficient");
        SurrenderAsk v2019 = new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(Vintage.ofYear(2025), 1, false)), List.of());
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, v2019, CONTACT))).containsExactly("compliance.vintage.not.allowed");
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2025, ask(10, null, 0), CONTACT))).containsExactly("compliance.no.obligation");
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, ask(10, null, 0), new SurrenderRequest.Contact("", "x", "y"))))
                .containsExactly("compliance.contact.name", "compliance.contact.phone", "compliance.contact.email");
        // nothing moved, nothing recorded
        assertThat(available(e, V2024)).isEqualTo(900_000);
        assertThat(offsets.lot(lot).orElseThrow().remaining()).isEqualTo(80_000);
        assertThat(compliance.emitterYear(e.officer(), e.uscc().value(), 2024).requests()).isEmpty();
        // a rejection must list at least one deficiency
        UUID id = UUID.randomUUID();
        SurrenderRequest r = compliance.submit(e.officer(), id, 2024, ask(100_000, null, 0), CONTACT);
        assertThat(codes(() -> compliance.reject(province, id, r.version(), List.of(" ")))).containsExactly("compliance.deficiencies.required");
        // one request under review at a time
        assertThat(codes(() -> compliance.submit(e.officer(), UUID.randomUUID(), 2024, ask(100_000, null, 0), CONTACT))).containsExactly("compliance.request.open");
        // the emitter cannot approve its own; another province cannot either
        assertThatThrownBy(() -> compliance.approve(e.officer(), id, r.version())).isInstanceOf(org.opencets.identity.AccessDenied.class);
    }

    @Test
    void forcedComplianceSurrendersSameYearFirstReleasesTheRestOnce_seed003_1() {
        ComplianceFixtures.Emitter e = fx.emitter();
        fx.obligation(e, 2023, 100_000, SpecialCaseKind.LEGAL_RISK);
        fx.obligation(e, 2024, 50_000, SpecialCaseKind.LEGAL_RISK);
        fx.issue(e, 2023, 80_000, true);
        fx.issue(e, 2024, 90_000, true);
        ForcedCase c = forced.cases(province, 2024).stream().filter(x -> x.obligation().emitter().equals(e.uscc().value())).findFirst().orElseThrow();
        assertThat(c.heldInProvincialAccount()).containsEntry(V2023, 80_000L).containsEntry(V2024, 90_000L);
        ForcedCase entrusted = forced.entrust(province, e.uscc().value(), 2024);
        assertThat(codes(() -> forced.entrust(province, e.uscc().value(), 2024))).containsExactly("compliance.forced.entrusted");
        assertThatThrownBy(() -> forced.execute(province, entrusted.id())).isInstanceOf(org.opencets.identity.AccessDenied.class);
        CurrentUser operator = fx.user("registry.operator");
        ForcedCase done = forced.execute(operator, entrusted.id());
        assertThat(done.executed()).isTrue();
        assertThat(done.shortfall()).isZero();
        assertThat(done.heldInProvincialAccount()).isEmpty();
        assertThat(registry.surrendered(e.uscc(), 2024)).extracting(s -> s.allowances()).containsExactly(50_000L);
        assertThat(registry.surrendered(e.uscc(), 2023)).extracting(s -> s.allowances()).containsExactly(100_000L);
        // the 20,000 left of 2024's go to the entity's own account
        assertThat(compliance.emitterYear(e.officer(), e.uscc().value(), 2024).holdings()).extracting(EmitterYear.UsableHolding::vintage,
                EmitterYear.UsableHolding::available).containsExactly(org.assertj.core.groups.Tuple.tuple(V2024, 20_000L));
        assertThat(codes(() -> forced.execute(operator, entrusted.id()))).containsExactly("compliance.forced.executed");
        YearStanding s = overview.standings(province, 2024).stream().filter(x -> x.emitter().equals(e.uscc().value())).findFirst().orElseThrow();
        assertThat(s.forced()).isTrue();
        assertThat(s.status().complied()).isTrue();
    }

    @Test
    void unusedPendingCcerAreRecalledOnceFifteenWorkingDaysAfterThePeriod_seed001_step6() {
        ComplianceFixtures.Emitter e = funded(100_000, 100_000, 0);
        UUID lot = Backdating.at(Instant.parse("2025-06-01T02:00:00Z"), () -> fx.pendingCcer(e, account(e), "CCER-T-RECALL", false, 7_000));
        // 2024's period ends 2025-12-31; 15 working days on the official calendar (New Year 2026-01-01..03 off, 01-04 a make-up working day): the 15th is 2026-01-22
        assertThat(offsets.periodEnd(2024)).contains(java.time.LocalDate.of(2025, 12, 31));
        assertThat(offsets.recallDate(2024)).contains(java.time.LocalDate.of(2026, 1, 22));
        CurrentUser operator = fx.user("registry.operator");
        var run = offsets.recall(operator, 2024);
        assertThat(run.lots()).isGreaterThanOrEqualTo(1);
        PendingOffset recalled = offsets.lot(lot).orElseThrow();
        assertThat(recalled.remaining()).isZero();
        assertThat(recalled.recalled()).isEqualTo(7_000);
        assertThat(codes(() -> offsets.recall(operator, 2024))).containsExactly("registry.recall.twice");
        assertThat(offsets.lot(lot).orElseThrow().recalled()).isEqualTo(7_000);
    }

    @Test
    void aLotSentForAnotherEmittersAccountGoesStraightBack() {
        ComplianceFixtures.Emitter e = funded(100_000, 100_000, 0);
        ComplianceFixtures.Emitter other = funded(100_000, 100_000, 0);
        UUID lot = fx.pendingCcer(e, account(other), "CCER-T-WRONG", false, 1_000);
        PendingOffset back = offsets.lot(lot).orElseThrow();
        assertThat(back.account()).isNull();
        assertThat(back.recalled()).isEqualTo(1_000);
        assertThat(compliance.emitterYear(e.officer(), e.uscc().value(), 2024).pendingOffsets()).isEmpty();
    }

    @Test
    void theSameRequestSentTwiceAtOnceIsSubmittedOnceAndBothCallersGetIt() throws Exception {
        ComplianceFixtures.Emitter e = funded(200_000, 200_000, 0);
        UUID lot = fx.pendingCcer(e, account(e), "CCER-T-TWICE", false, 10_000);
        UUID id = UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<SurrenderRequest> send = () -> {
                start.await();
                return compliance.submit(e.officer(), id, 2024, ask(190_000, lot, 10_000), CONTACT);
            };
            var a = pool.submit(send);
            var b = pool.submit(send);
            start.countDown();
            assertThat(a.get().id()).isEqualTo(id);
            assertThat(b.get().id()).isEqualTo(id);
        } finally {
            pool.shutdown();
        }
        SurrenderRequest r = compliance.request(e.officer(), id);
        assertThat(r.revisions()).hasSize(1);
        assertThat(available(e, V2024)).isEqualTo(10_000);
        assertThat(offsets.lot(lot).orElseThrow().reserved()).isEqualTo(10_000);
    }
}
