package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencets.allocation.AllocationFixtures.coalII;
import static org.opencets.allocation.AllocationFixtures.unit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.AllocationDecision.Account;
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
 * The special cases of seed 003 §一 (全部设施关停后仍存续, 涉法涉诉涉债或司法冻结, 不再存续) and how they change the
 * issuance; one in force per emitter and year; recording one after the final allocation makes a correction due.
 *
 * <p>Every plant here has one coal unit of category II (100 MW) and the same figures, worked once:
 * 2022 verified 200,000 t → pre-allocation 2023 = ⌊0.7 × 200,000⌋ = 140,000;
 * 2023: F = 100,000 MWh ÷ (100 MW × 1000 h) = 1.0000 → Ff = 1; A = ⌊100,000 × 0.8090⌋ = 80,900; cap floor
 * ⌊0.8 × 150,000⌋ = 120,000 → top-up 39,100; allocation due 120,000; obligation 150,000.
 *
 * <p>Data ownership: power plants registered here in 诸暨市; zj.officer records the cases and allocates.
 */
@IntegrationTest
@RecordApplicationEvents
class SpecialCasesTest {

    static final long PRE = 140_000;
    static final long DUE = 120_000;
    static final long OBLIGATION = 150_000;

    @Autowired
    Allocations allocations;
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

    private Plant plantWithData(String name) {
        Plant p = fx.powerPlant(name, coalII("1号机组"));
        fx.importYear(p, 2022, "200000.00", "200000.00");
        fx.importYear(p, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        return p;
    }

    @Test
    void facilitiesShutGetNoPreAllocationAndEverythingGoesToTheProvincialAccountAtTheFinal() {
        CurrentUser zj = fx.province();
        Plant p = plantWithData("诸暨特殊情形关停存续测试热电有限公司");
        SpecialCase c = specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.FACILITIES_SHUT, "两台机组 2023 年 3 月关停淘汰，企业仍存续");
        assertThat(c.inForce()).isTrue();
        assertThat(allocations.entity(zj, p.uscc(), 2023).specialCase()).get().extracting(SpecialCase::kind).isEqualTo(SpecialCaseKind.FACILITIES_SHUT);

        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2023), "allocation.refused.noPreAllocation.FACILITIES_SHUT");

        AllocationDecision d = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(d.specialCase()).isEqualTo(SpecialCaseKind.FACILITIES_SHUT);
        assertThat(d.specialNote()).isEqualTo("两台机组 2023 年 3 月关停淘汰，企业仍存续");
        assertThat(d.allocationDue()).isEqualTo(DUE);
        assertThat(d.obligation()).isEqualTo(OBLIGATION);
        assertThat(d.alreadyIssued()).isZero();
        assertThat(d.toIssue()).isEqualTo(DUE);
        assertThat(d.account()).isEqualTo(Account.PROVINCIAL);
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::account).containsExactly(tuple(Purpose.TRUE_UP, Direction.ISSUE, DUE, Account.PROVINCIAL));
    }

    @Test
    void legalRiskSendsPreAllocationAndFinalToTheProvincialAccount() {
        CurrentUser zj = fx.province();
        Plant p = plantWithData("诸暨特殊情形涉法涉债测试热电有限公司");
        specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.LEGAL_RISK, "银行账户被司法冻结（测试）");

        AllocationDecision pre = allocations.preAllocate(zj, p.uscc(), 2023);
        assertThat(pre.allocationDue()).isEqualTo(PRE);
        assertThat(pre.account()).isEqualTo(Account.PROVINCIAL);
        assertThat(pre.specialCase()).isEqualTo(SpecialCaseKind.LEGAL_RISK);

        // true-up 120,000 − 140,000 = −20,000: taken back from where the pre-allocation went
        AllocationDecision fin = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(fin.account()).isEqualTo(Account.PROVINCIAL);
        assertThat(fin.toIssue()).isEqualTo(DUE - PRE);
        assertThat(fin.obligation()).isEqualTo(OBLIGATION);
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::account).containsExactly(
                        tuple(Purpose.PRE_ALLOCATION, Direction.ISSUE, PRE, Account.PROVINCIAL),
                        tuple(Purpose.TRUE_UP, Direction.TAKE_BACK, PRE - DUE, Account.PROVINCIAL));
        assertThat(events.stream(AllocationFinalised.class).filter(f -> f.emitter().equals(p.uscc())))
                .extracting(AllocationFinalised::specialCase).containsExactly(SpecialCaseKind.LEGAL_RISK);
    }

    @Test
    void dissolvedGetsNothingAndAnEarlierPreAllocationIsTakenBack() {
        CurrentUser zj = fx.province();
        Plant p = plantWithData("诸暨特殊情形注销测试热电有限公司");
        AllocationDecision pre = allocations.preAllocate(zj, p.uscc(), 2023);
        assertThat(pre.account()).isEqualTo(Account.EMITTER);
        specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.DISSOLVED, "营业执照已注销（测试）");
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse(); // no final decision yet

        AllocationDecision fin = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(fin.allocationDue()).isZero();
        assertThat(fin.obligation()).isZero();
        assertThat(fin.alreadyIssued()).isEqualTo(PRE);
        assertThat(fin.toIssue()).isEqualTo(-PRE);
        assertThat(fin.account()).isEqualTo(Account.NONE);
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::account).containsExactly(
                        tuple(Purpose.PRE_ALLOCATION, Direction.ISSUE, PRE, Account.EMITTER),
                        tuple(Purpose.TRUE_UP, Direction.TAKE_BACK, PRE, Account.EMITTER));
        assertThat(allocations.entity(zj, p.uscc(), 2023).issued()).isZero();
        assertThat(events.stream(AllocationFinalised.class).filter(f -> f.emitter().equals(p.uscc())))
                .extracting(AllocationFinalised::allocationDue, AllocationFinalised::obligation, AllocationFinalised::specialCase)
                .containsExactly(tuple(0L, 0L, SpecialCaseKind.DISSOLVED));

        // the next year: dissolved already when the run comes, no pre-allocation
        specialCases.record(zj, p.uscc(), 2024, SpecialCaseKind.DISSOLVED, "营业执照已注销（测试）");
        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2024), "allocation.refused.noPreAllocation.DISSOLVED");
    }

    @Test
    void oneCaseAtATimeAWithdrawnOneMakesRoomForAnother() {
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨特殊情形唯一测试热电有限公司", coalII("1号机组"));
        SpecialCase first = specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.LEGAL_RISK, "涉债诉讼（测试）");

        fx.assertRefused(p, () -> specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.DISSOLVED, "营业执照已注销（测试）"),
                "allocation.special.twoCases");
        fx.assertRefused(p, () -> specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.LEGAL_RISK, "同一情形再次登记"), "allocation.special.twoCases");
        fx.assertRefused(p, () -> specialCases.record(zj, p.uscc(), 2024, SpecialCaseKind.DISSOLVED, "  "), "allocation.special.noteMissing");
        fx.assertRefused(p, () -> specialCases.record(zj, p.uscc(), 2024, null, "说明"), "allocation.special.kindMissing");
        fx.assertRefused(p, () -> specialCases.withdraw(zj, first.id(), " "), "allocation.special.withdrawalReason");

        SpecialCase withdrawn = specialCases.withdraw(zj, first.id(), "登记错误，企业已与债权人和解");
        assertThat(withdrawn.inForce()).isFalse();
        assertThat(withdrawn.withdrawnBy()).isEqualTo("zj.officer");
        fx.assertRefused(p, () -> specialCases.withdraw(zj, first.id(), "再次撤销"), "allocation.special.alreadyWithdrawn");

        SpecialCase second = specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.DISSOLVED, "营业执照已注销（测试）");
        assertThat(allocations.entity(zj, p.uscc(), 2023).specialCase()).get().extracting(SpecialCase::id).isEqualTo(second.id());
        // both stay on record, the withdrawn one last
        assertThat(specialCases.ofYear(zj, 2023).stream().filter(c -> c.emitter().equals(p.uscc()))).extracting(SpecialCase::id, SpecialCase::inForce)
                .containsExactly(tuple(second.id(), true), tuple(first.id(), false));
        assertThat(fx.counts(p).specialCases()).isEqualTo(2);
        assertThat(fx.counts(p).openCases()).isEqualTo(1);
    }

    @Test
    void aCaseRecordedAfterTheFinalAllocationMakesACorrectionDue() {
        CurrentUser zj = fx.province();
        Plant p = plantWithData("诸暨特殊情形更正测试热电有限公司");
        allocations.preAllocate(zj, p.uscc(), 2023);
        AllocationDecision fin = allocations.finalise(zj, p.uscc(), 2023); // −20,000 taken back: 120,000 issued in all
        assertThat(allocations.entity(zj, p.uscc(), 2023).issued()).isEqualTo(DUE);

        SpecialCase dissolved = specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.DISSOLVED, "营业执照已注销（测试）");
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isTrue();

        // revision 2: due 0, the 120,000 issued taken back as a correction
        AllocationDecision rev2 = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(rev2.revision()).isEqualTo(2);
        assertThat(rev2.reason()).isEqualTo("CORRECTION");
        assertThat(rev2.allocationDue()).isZero();
        assertThat(rev2.obligation()).isZero();
        assertThat(rev2.alreadyIssued()).isEqualTo(DUE);
        assertThat(rev2.toIssue()).isEqualTo(-DUE);
        assertThat(rev2.basisId()).isEqualTo(fin.basisId());
        IssuanceInstruction i = allocations.entity(zj, p.uscc(), 2023).instructions().getLast();
        assertThat(i).extracting(IssuanceInstruction::decisionId, IssuanceInstruction::purpose, IssuanceInstruction::direction, IssuanceInstruction::quantity,
                IssuanceInstruction::account).containsExactly(rev2.id(), Purpose.CORRECTION, Direction.TAKE_BACK, DUE, Account.EMITTER);
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse();
        fx.assertRefused(p, () -> allocations.finalise(zj, p.uscc(), 2023), "allocation.refused.alreadyFinal");

        // the case withdrawn: a correction is due again, revision 3 issues the 120,000 once more
        specialCases.withdraw(zj, dissolved.id(), "误登记（测试）");
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isTrue();
        AllocationDecision rev3 = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(rev3.revision()).isEqualTo(3);
        assertThat(rev3.allocationDue()).isEqualTo(DUE);
        assertThat(rev3.toIssue()).isEqualTo(DUE);
        assertThat(rev3.account()).isEqualTo(Account.EMITTER);
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity).containsExactly(tuple(Purpose.PRE_ALLOCATION, Direction.ISSUE, PRE), tuple(Purpose.TRUE_UP, Direction.TAKE_BACK,
                        PRE - DUE), tuple(Purpose.CORRECTION, Direction.TAKE_BACK, DUE), tuple(Purpose.CORRECTION, Direction.ISSUE, DUE));
        assertThat(allocations.entity(zj, p.uscc(), 2023).issued()).isEqualTo(DUE);
        assertThat(fx.counts(p).notices()).isEqualTo(4);
    }

    @Test
    void aDissolvedEmitterWithoutTheYearsVerifiedDataGetsItsPreAllocationTakenBack() {
        // seed 003 §一: 不再存续的重点排放单位 不发放配额，不参与全国碳市场履约 — nothing of the year's data is used for it
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨特殊情形注销无核查测试热电有限公司", coalII("1号机组"));
        fx.importYear(p, 2022, "200000.00", "200000.00");
        allocations.preAllocate(zj, p.uscc(), 2023);
        specialCases.record(zj, p.uscc(), 2023, SpecialCaseKind.DISSOLVED, "营业执照已于 2023 年 5 月注销，未开展 2023 年度核查（测试）");

        AllocationDecision fin = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(fin.allocationDue()).isZero();
        assertThat(fin.obligation()).isZero();
        assertThat(fin.toIssue()).isEqualTo(-PRE);
        assertThat(fin.basisId()).isNull();
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::purpose, IssuanceInstruction::direction,
                IssuanceInstruction::quantity, IssuanceInstruction::account).containsExactly(
                        tuple(Purpose.PRE_ALLOCATION, Direction.ISSUE, PRE, Account.EMITTER),
                        tuple(Purpose.TRUE_UP, Direction.TAKE_BACK, PRE, Account.EMITTER));
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse();
        fx.assertRefused(p, () -> allocations.finalise(zj, p.uscc(), 2023), "allocation.refused.alreadyFinal");
        // verified data arriving later changes nothing for it
        fx.importYear(p, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse();
    }
}
