package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocation.AllocationFixtures.coalI;
import static org.opencets.allocation.AllocationFixtures.coalII;
import static org.opencets.allocation.AllocationFixtures.gas;
import static org.opencets.allocation.AllocationFixtures.unit;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.Figure;
import org.opencets.allocation.AllocationDecision.Account;
import org.opencets.allocation.AllocationDecision.Kind;
import org.opencets.allocation.AllocationFixtures.Plant;
import org.opencets.allocation.IssuanceInstruction.Direction;
import org.opencets.allocation.IssuanceInstruction.Purpose;
import org.opencets.identity.CurrentUser;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Two consecutive years of one power plant (a 600 MW coal unit of category I and a gas unit of category IV), imported
 * verified data, pre-allocation, final allocation with the true-up, the next year's pre-allocation from the verified
 * compliance emissions — and two plants whose true-up is zero and negative. Every figure worked by hand below.
 *
 * <p>Data ownership: power plants registered here in 诸暨市 (fresh USCCs); zj.officer allocates.
 */
@IntegrationTest
@RecordApplicationEvents
class AllocationWorkflowTest {

    @Autowired
    Allocations allocations;
    @Autowired
    Notices notices;
    @Autowired
    SpecialCases specialCases;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ApplicationContext context;

    AllocationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AllocationFixtures(context);
    }

    @Test
    void twoYearsOfACoalAndGasPlant() {
        Plant p = fx.powerPlant("诸暨分配流程测试热电有限公司", coalI("1号机组"), gas("2号机组"));
        CurrentUser zj = fx.province();

        // ---- 2022: entity figures only (enough as the basis of the 2023 pre-allocation)
        fx.importYear(p, 2022, "1000200.00", "1000000.50");
        // ---- 2023 verified per unit
        //   1号机组 (I, 600 MW): F = 2,400,000 ÷ (600 × 5000) = 0.8000 → 80 % ≤ F < 85 % → Ff = 1 + 0.0014 × (85 − 80) = 1.0070
        //     Ae = 2,400,000 × 0.7950 × 1.007 = 1,908,000 × 1.007 = 1,921,356; Ah = 100,000 × 0.1038 = 10,380
        //     A = ⌊1,921,356 + 10,380⌋ = 1,931,736
        //   2号机组 (IV): Ae = 1,000,000 × 0.3305 = 330,500; Ah = 50,000 × 0.0536 = 2,680; A = 333,180
        //     gas top-up = ⌈400,000.40⌉ − 333,180 = 400,001 − 333,180 = 66,821 → 400,001
        //   Σ = 1,931,736 + 400,001 = 2,331,737; cap floor ⌊0.8 × 2,400,000.40⌋ = 1,920,000 ≤ Σ → cap top-up 0
        //   due 2,331,737; obligation ⌈2,400,000.40⌉ = 2,400,001
        fx.importYear(p, 2023, "2400500.00", "2400000.40", unit("1号机组", "2400000", "100000", "5000", "2000000.00"),
                unit("2号机组", "1000000", "50000", "4000", "400000.40"));
        EntityYear before = allocations.entity(zj, p.uscc(), 2023);
        assertThat(before.prePreview()).get().extracting(Figure::value).satisfies(v -> assertThat(v).isEqualByComparingTo("700000"));
        assertThat(before.decisions()).isEmpty();

        // ---- pre-allocation 2023 = ⌊0.7 × 1,000,000.50⌋ = ⌊700,000.35⌋ = 700,000
        AllocationDecision pre23 = allocations.preAllocate(zj, p.uscc(), 2023);
        assertThat(pre23.kind()).isEqualTo(Kind.PRE_ALLOCATION);
        assertThat(pre23.revision()).isEqualTo(1);
        assertThat(pre23.allocationDue()).isEqualTo(700_000);
        assertThat(pre23.toIssue()).isEqualTo(700_000);
        assertThat(pre23.obligation()).isNull();
        assertThat(pre23.account()).isEqualTo(Account.EMITTER);

        // ---- final 2023: due 2,331,737, true-up 2,331,737 − 700,000 = 1,631,737 issued
        AllocationDecision fin23 = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(fin23.kind()).isEqualTo(Kind.FINAL);
        assertThat(fin23.revision()).isEqualTo(1);
        assertThat(fin23.reason()).isEqualTo("FINAL");
        assertThat(fin23.allocationDue()).isEqualTo(2_331_737);
        assertThat(fin23.obligation()).isEqualTo(2_400_001);
        assertThat(fin23.alreadyIssued()).isEqualTo(700_000);
        assertThat(fin23.toIssue()).isEqualTo(1_631_737);
        assertThat(figure(fin23, "loadFactor:1号机组")).isEqualByComparingTo("1.0070");
        assertThat(figure(fin23, "benchmark:1号机组")).isEqualByComparingTo("1931736");
        assertThat(figure(fin23, "benchmark:2号机组")).isEqualByComparingTo("333180");
        assertThat(figure(fin23, "gasTopUp:2号机组")).isEqualByComparingTo("66821");
        assertThat(figure(fin23, "unitsTotal")).isEqualByComparingTo("2331737");
        assertThat(figure(fin23, "gapCapTopUp")).isEqualByComparingTo("0");
        assertThat(figure(fin23, "trueUp")).isEqualByComparingTo("1631737");

        EntityYear y23 = allocations.entity(zj, p.uscc(), 2023);
        assertThat(y23.issued()).isEqualTo(2_331_737);
        assertThat(y23.correctionDue()).isFalse();
        assertThat(y23.instructions()).extracting(IssuanceInstruction::decisionId, IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::account, IssuanceInstruction::vintage).containsExactly(
                        org.assertj.core.api.Assertions.tuple(pre23.id(), Purpose.PRE_ALLOCATION, Direction.ISSUE, 700_000L, Account.EMITTER, "2023"),
                        org.assertj.core.api.Assertions.tuple(fin23.id(), Purpose.TRUE_UP, Direction.ISSUE, 1_631_737L, Account.EMITTER, "2023"));

        // every decision has its notice, waiting for the emitter's signature
        for (AllocationDecision d : List.of(pre23, fin23)) {
            AllocationNotice n = notices.ofDecision(zj, d.id()).orElseThrow();
            assertThat(n.number()).startsWith("配额通知〔2023〕33-");
            assertThat(n.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.PENDING);
            assertThat(n.contentSha256()).isEqualTo(d.contentSha256());
        }

        // ---- pre-allocation 2024 = ⌊0.7 × 2,400,000.40 (2023 compliance)⌋ = ⌊1,680,000.28⌋ = 1,680,000
        AllocationDecision pre24 = allocations.preAllocate(zj, p.uscc(), 2024);
        assertThat(pre24.allocationDue()).isEqualTo(1_680_000);
        assertThat(pre24.basisId()).isEqualTo(y23.basis().orElseThrow().id());

        // ---- 2024 verified per unit
        //   1号机组: F = 2,340,000 ÷ (600 × 5000) = 0.7800 → 75 % ≤ F < 80 % → Ff = 1.007 + 0.0016 × (80 − 78) = 1.0102
        //     Ae = 2,340,000 × 0.7910 × 1.0102 = 1,850,940 × 1.0102 = 1,869,819.588; Ah = 100,000 × 0.1033 = 10,330
        //     A = ⌊1,880,149.588⌋ = 1,880,149
        //   2号机组: Ae = 1,000,000 × 0.3288 = 328,800; Ah = 50,000 × 0.0533 = 2,665; A = 331,465; ⌈300,000⌉ < A → top-up 0
        //   Σ = 2,211,614; cap floor ⌊0.8 × 2,900,000⌋ = 2,320,000 → cap top-up 108,386; due 2,320,000; obligation 2,900,000
        //   true-up = 2,320,000 − 1,680,000 = 640,000
        fx.importYear(p, 2024, "2900000.00", "2900000.00", unit("1号机组", "2340000", "100000", "5000", "2600000.00"),
                unit("2号机组", "1000000", "50000", "4000", "300000.00"));
        AllocationDecision fin24 = allocations.finalise(zj, p.uscc(), 2024);
        assertThat(figure(fin24, "loadFactor:1号机组")).isEqualByComparingTo("1.0102");
        assertThat(figure(fin24, "benchmark:1号机组")).isEqualByComparingTo("1880149");
        assertThat(figure(fin24, "gasTopUp:2号机组")).isEqualByComparingTo("0");
        assertThat(figure(fin24, "unitsTotal")).isEqualByComparingTo("2211614");
        assertThat(figure(fin24, "gapCapTopUp")).isEqualByComparingTo("108386");
        assertThat(fin24.allocationDue()).isEqualTo(2_320_000);
        assertThat(fin24.obligation()).isEqualTo(2_900_000);
        assertThat(fin24.toIssue()).isEqualTo(640_000);
        assertThat(allocations.entity(zj, p.uscc(), 2024).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::vintage).containsExactly(
                        org.assertj.core.api.Assertions.tuple(Purpose.PRE_ALLOCATION, Direction.ISSUE, 1_680_000L, "2024"),
                        org.assertj.core.api.Assertions.tuple(Purpose.TRUE_UP, Direction.ISSUE, 640_000L, "2024"));

        // ---- exactly one instruction per decision, each published once; a final allocation published per final decision
        assertThat(events.stream(IssuanceInstruction.class).filter(i -> i.emitter().equals(p.uscc())))
                .extracting(IssuanceInstruction::decisionId).containsExactly(pre23.id(), fin23.id(), pre24.id(), fin24.id());
        assertThat(events.stream(AllocationFinalised.class).filter(f -> f.emitter().equals(p.uscc())))
                .extracting(AllocationFinalised::year, AllocationFinalised::allocationDue, AllocationFinalised::obligation).containsExactly(
                        org.assertj.core.api.Assertions.tuple(2023, 2_331_737L, 2_400_001L), org.assertj.core.api.Assertions.tuple(2024, 2_320_000L, 2_900_000L));
        assertThat(fx.counts(p).instructions()).isEqualTo(4);
        assertThat(fx.counts(p).notices()).isEqualTo(4);

        // ---- the emitter sees its own year and decisions
        assertThat(allocations.year(p.officer(), 2024)).extracting(EntityYear::emitter).containsExactly(p.uscc());
        assertThat(allocations.decisionsOfYear(p.officer(), 2024)).extracting(AllocationDecision::id).containsExactly(pre24.id(), fin24.id());
    }

    @Test
    void aTrueUpOfZeroSendsNoInstructionAndANegativeOneTakesBack() {
        CurrentUser zj = fx.province();
        // ---- zero: a gas plant whose 2023 due equals its pre-allocation
        //   pre = ⌊0.7 × 100,000⌋ = 70,000
        //   1号机组 (IV): A = ⌊100,000 × 0.3305 + 0⌋ = 33,050; top-up ⌈70,000⌉ − 33,050 = 36,950 → 70,000;
        //   cap ⌊0.8 × 70,000⌋ = 56,000 ≤ 70,000; due 70,000; true-up 70,000 − 70,000 = 0
        Plant zero = fx.powerPlant("诸暨分配零补发测试燃机有限公司", gas("1号机组"));
        fx.importYear(zero, 2022, "100000.00", "100000.00");
        fx.importYear(zero, 2023, "70000.00", "70000.00", unit("1号机组", "100000", "0", "3000", "70000.00"));
        AllocationDecision pre = allocations.preAllocate(zj, zero.uscc(), 2023);
        assertThat(pre.toIssue()).isEqualTo(70_000);
        long published = events.stream(IssuanceInstruction.class).count();
        AllocationDecision fin = allocations.finalise(zj, zero.uscc(), 2023);
        assertThat(fin.allocationDue()).isEqualTo(70_000);
        assertThat(fin.obligation()).isEqualTo(70_000);
        assertThat(fin.toIssue()).isZero();
        assertThat(figure(fin, "gasTopUp:1号机组")).isEqualByComparingTo("36950");
        assertThat(events.stream(IssuanceInstruction.class).count()).isEqualTo(published);
        assertThat(allocations.entity(zj, zero.uscc(), 2023).instructions()).extracting(IssuanceInstruction::decisionId).containsExactly(pre.id());
        assertThat(notices.ofDecision(zj, fin.id())).isPresent(); // the decision is still notified

        // ---- negative: a small coal unit that emitted far less than the year before
        //   pre = ⌊0.7 × 200,000⌋ = 140,000
        //   1号机组 (II, 100 MW): F = 100,000 ÷ (100 × 1000) = 1.0000 ≥ 85 % → Ff = 1; A = ⌊100,000 × 0.8090⌋ = 80,900
        //   cap ⌊0.8 × 150,000⌋ = 120,000 → top-up 39,100; due 120,000; true-up 120,000 − 140,000 = −20,000 (taken back)
        Plant back = fx.powerPlant("诸暨分配收回测试热电有限公司", coalII("1号机组"));
        fx.importYear(back, 2022, "200000.00", "200000.00");
        fx.importYear(back, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        allocations.preAllocate(zj, back.uscc(), 2023);
        AllocationDecision taken = allocations.finalise(zj, back.uscc(), 2023);
        assertThat(figure(taken, "loadFactor:1号机组")).isEqualByComparingTo("1");
        assertThat(figure(taken, "gapCapTopUp")).isEqualByComparingTo("39100");
        assertThat(taken.allocationDue()).isEqualTo(120_000);
        assertThat(taken.toIssue()).isEqualTo(-20_000);
        IssuanceInstruction i = allocations.entity(zj, back.uscc(), 2023).instructions().getLast();
        assertThat(i.decisionId()).isEqualTo(taken.id());
        assertThat(i.purpose()).isEqualTo(Purpose.TRUE_UP);
        assertThat(i.direction()).isEqualTo(Direction.TAKE_BACK);
        assertThat(i.quantity()).isEqualTo(20_000);
        assertThat(i.account()).isEqualTo(Account.EMITTER);
        assertThat(i.vintage()).isEqualTo("2023");
        assertThat(allocations.entity(zj, back.uscc(), 2023).issued()).isEqualTo(120_000);
    }

    @Test
    void aRunOverTheRegionDecidesTheReadyEmittersAndListsTheOthersWithTheirReasons() {
        CurrentUser zj = fx.province();
        // ready: 2023 verified 100,000.70 t → pre-allocation 2024 = ⌊0.7 × 100,000.70⌋ = ⌊70,000.49⌋ = 70,000
        Plant ready = fx.powerPlant("诸暨分配批量测试就绪热电有限公司", coalII("1号机组"));
        fx.importYear(ready, 2023, "100000.70", "100000.70");
        Plant noData = fx.powerPlant("诸暨分配批量测试无数据热电有限公司", coalII("1号机组"));
        Plant shut = fx.powerPlant("诸暨分配批量测试关停热电有限公司", coalII("1号机组"));
        fx.importYear(shut, 2023, "50000.00", "50000.00");
        specialCases.record(zj, shut.uscc(), 2024, SpecialCaseKind.FACILITIES_SHUT, "全部机组 2024 年 1 月关停，企业仍存续（测试）");
        Plant done = fx.powerPlant("诸暨分配批量测试已预分配热电有限公司", coalII("1号机组"));
        fx.importYear(done, 2023, "80000.00", "80000.00");
        AllocationDecision earlier = allocations.preAllocate(zj, done.uscc(), 2024);

        Allocations.Run run = allocations.preAllocateAll(zj, 2024);

        assertThat(run.decided().stream().filter(d -> d.emitter().equals(ready.uscc())))
                .extracting(AllocationDecision::kind, AllocationDecision::allocationDue, AllocationDecision::account)
                .containsExactly(org.assertj.core.api.Assertions.tuple(Kind.PRE_ALLOCATION, 70_000L, Account.EMITTER));
        assertThat(run.decided()).extracting(AllocationDecision::emitter).doesNotContain(noData.uscc(), shut.uscc(), done.uscc(),
                org.opencets.shared.Uscc.of(org.opencets.support.Demo.BEILUN_POWER_USCC));
        assertThat(run.refused().get(noData.name())).extracting(org.opencets.shared.FieldViolation::messageKey)
                .containsExactly("allocation.refused.noPreviousYear");
        assertThat(run.refused().get(shut.name())).extracting(org.opencets.shared.FieldViolation::messageKey)
                .containsExactly("allocation.refused.noPreAllocation.FACILITIES_SHUT");
        assertThat(run.refused()).doesNotContainKeys(ready.name(), done.name());
        // the refused and skipped stay as they were; the ready one has its decision, instruction and notice
        assertThat(fx.counts(noData).decisions()).isZero();
        assertThat(fx.counts(shut).decisions()).isZero();
        assertThat(allocations.entity(zj, done.uscc(), 2024).decisions()).extracting(AllocationDecision::id).containsExactly(earlier.id());
        assertThat(fx.counts(ready)).extracting(AllocationFixtures.Counts::decisions, AllocationFixtures.Counts::instructions,
                AllocationFixtures.Counts::notices).containsExactly(1L, 1L, 1L);

        // a second run finds nothing more to do for them
        Allocations.Run again = allocations.preAllocateAll(zj, 2024);
        assertThat(again.decided()).extracting(AllocationDecision::emitter).doesNotContain(ready.uscc());
        assertThat(fx.counts(ready).decisions()).isEqualTo(1);
        assertThat(again.refused()).containsKeys(noData.name(), shut.name());
    }

    @Test
    void aRunListsEveryRefusedEmitterEvenWhenTwoShareAName() {
        // names are unique per district only: two plants of one name in 诸暨市 and 嵊州市
        CurrentUser zj = fx.province();
        String name = "诸暨分配批量测试同名热电有限公司-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Plant first = fx.powerPlantNamed("330681", name, coalII("1号机组"));
        Plant second = fx.powerPlantNamed("330683", name, coalII("1号机组"));
        assertThat(first.name()).isEqualTo(second.name());

        Allocations.Run run = allocations.preAllocateAll(zj, 2024);

        // both refused (no 2023 data), and both listed
        assertThat(run.refused().entrySet().stream().filter(r -> r.getKey().contains(name))).hasSize(2)
                .allSatisfy(r -> assertThat(r.getValue()).extracting(org.opencets.shared.FieldViolation::messageKey)
                        .containsExactly("allocation.refused.noPreviousYear"));
    }

    static BigDecimal figure(AllocationDecision d, String key) {
        return d.figures().stream().filter(f -> f.key().equals(key)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + key + " in " + d.figures().stream().map(Figure::key).toList()));
    }
}
