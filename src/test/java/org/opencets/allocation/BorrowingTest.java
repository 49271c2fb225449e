package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.allocation.BorrowingFixtures.DUE;
import static org.opencets.allocation.BorrowingFixtures.FIFTEEN_PERCENT;
import static org.opencets.allocation.BorrowingFixtures.FIVE_PERCENT;
import static org.opencets.allocation.BorrowingFixtures.GAP;
import static org.opencets.allocation.BorrowingFixtures.LIMIT;
import static org.opencets.allocation.BorrowingFixtures.REGIONAL_DEADLINE;
import static org.opencets.allocation.BorrowingFixtures.YEAR;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.BorrowingFixtures.Plant;
import org.opencets.identity.AccessDenied;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.identity.Organisations;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * Borrowing (预支, seed 003 §三) for 2022 in 嵊州 (year data of its own, see {@link BorrowingFixtures}): an emitter with a
 * 15 % gap borrows up to half of it, the province approves once, the registry gets one instruction of vintage 2023 for
 * the borrower's own surrender, and the 2023 final allocation deducts it; every refusal changes nothing.
 *
 * <p>Data ownership: fresh power plants in 330683, the 330683 rows of calendar.policy_value (2021, 2022) and
 * calendar.deadline_rule (2022); the demo login zj.officer.
 */
@IntegrationTest
class BorrowingTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Borrowings borrowings;
    @Autowired
    Allocations allocations;
    @Autowired
    SpecialCases specialCases;
    @Autowired
    Obligations obligations;
    @Autowired
    Organisations organisations;
    @Autowired
    MessageSource messages;

    BorrowingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BorrowingFixtures(context);
    }

    @Test
    void anEmitterWithAFifteenPercentGapBorrowsHalfOfItOnceAndTheNextYearsTrueUpDeductsIt() {
        Plant plant = fx.plant("嵊州预支测试热电有限公司");
        AllocationDecision final2022 = fx.finalised(plant, YEAR, FIFTEEN_PERCENT);
        assertThat(final2022.allocationDue()).isEqualTo(DUE);
        assertThat(final2022.obligation()).isEqualTo(Long.parseLong(FIFTEEN_PERCENT));

        // ---- where it stands: gap, rate, limit, the regional deadline
        Borrowings.Standing s = borrowings.standing(plant.officer(), plant.uscc(), YEAR);
        assertThat(s.mayRequest()).isTrue();
        assertThat(s.limit().gap()).isEqualTo(GAP);
        assertThat(s.limit().gapRate()).isEqualByComparingTo("0.15");
        assertThat(s.limit().maximum()).isEqualTo(LIMIT);
        assertThat(s.deadline().due()).isEqualTo(REGIONAL_DEADLINE);

        // ---- above the limit: refused with the limit, nothing stored
        assertThatThrownBy(() -> borrowings.request(plant.officer(), YEAR, LIMIT + 1, "资金周转困难"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(keys(e)).containsExactly("allocation.borrowing.quantity.aboveLimit");
                    assertThat(e.violations().getFirst().arguments()).containsExactly(LIMIT);
                    assertThat(FormErrors.of(e.violations(), messages, Locale.SIMPLIFIED_CHINESE).get("quantity")).contains("7310");
                });
        assertThat(fx.borrowingRows(plant)).isZero();
        // nor zero, nor without a reason
        assertThatThrownBy(() -> borrowings.request(plant.officer(), YEAR, 0, " "))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e))
                        .containsExactly("allocation.borrowing.quantity.notPositive", "allocation.borrowing.reason.missing"));
        // only the emitter's own officers apply
        assertThatThrownBy(() -> borrowings.request(fx.province(), YEAR, 1000, "越权")).isInstanceOf(AccessDenied.class);
        assertThat(fx.borrowingRows(plant)).isZero();

        // ---- a request within the limit: stored, in the province's inbox until decided
        Borrowing b = borrowings.request(plant.officer(), YEAR, 7000, "2022年度燃料成本上涨，配额缺口较大");
        assertThat(b.status()).isEqualTo(Borrowing.Status.REQUESTED);
        assertThat(b.maximum()).isEqualTo(LIMIT);
        assertThat(b.gap()).isEqualTo(GAP);
        Obligation inbox = obligations.find(Borrowings.key(b.id())).orElseThrow();
        assertThat(inbox.responsibleOrganisation()).isEqualTo(organisations.bureauOf(RegionCode.of("330000")).orElseThrow().id());
        assertThat(inbox.due()).isEqualTo(REGIONAL_DEADLINE);
        assertThat(inbox.closedAt()).isNull();
        // a second one while it is open: refused
        assertThatThrownBy(() -> borrowings.request(plant.officer(), YEAR, 100, "再申请"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.alreadyRequested"));
        assertThat(fx.borrowingRows(plant)).isOne();

        // ---- the decision: only the allocating bureau; not above the request
        assertThatThrownBy(() -> borrowings.approve(fx.city(), b.id(), b.version(), 7000, "")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> borrowings.approve(plant.officer(), b.id(), b.version(), 7000, "")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> borrowings.approve(fx.province(), b.id(), b.version(), 7001, ""))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.approve.aboveRequested"));
        Borrowing approved = borrowings.approve(fx.province(), b.id(), b.version(), 7000, "同意预支");
        assertThat(approved.status()).isEqualTo(Borrowing.Status.APPROVED);
        assertThat(approved.approved()).isEqualTo(7000L);
        assertThat(obligations.find(Borrowings.key(b.id())).orElseThrow().closedAt()).isNotNull();

        // exactly one instruction: vintage 2023, to the emitter, for its own surrender only
        IssuanceInstruction i = borrowings.instruction(fx.province(), b.id()).orElseThrow();
        assertThat(i.purpose()).isEqualTo(IssuanceInstruction.Purpose.BORROWING);
        assertThat(i.direction()).isEqualTo(IssuanceInstruction.Direction.ISSUE);
        assertThat(i.vintage()).isEqualTo("2023");
        assertThat(i.quantity()).isEqualTo(7000);
        assertThat(i.account()).isEqualTo(AllocationDecision.Account.EMITTER);
        assertThat(i.ownSurrenderOnly()).isTrue();
        assertThat(i.borrowingId()).isEqualTo(b.id());
        assertThat(i.decisionId()).isNull();

        // ---- approving again (with either version) or rejecting now: refused, still one instruction
        for (int version : new int[] {b.version(), approved.version()}) {
            assertThatThrownBy(() -> borrowings.approve(fx.province(), b.id(), version, 7000, "再次批准"))
                    .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.alreadyDecided"));
        }
        assertThatThrownBy(() -> borrowings.reject(fx.province(), b.id(), approved.version(), "改为驳回"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.alreadyDecided"));
        assertThat(fx.instructionsOf(b.id())).isOne();
        assertThat(borrowings.get(fx.province(), b.id()).approved()).isEqualTo(7000L);
        // an approved request also blocks another one
        assertThatThrownBy(() -> borrowings.request(plant.officer(), YEAR, 100, "再申请"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.alreadyRequested"));

        // ---- 2023: pre-allocation from the 2022 data, then the final allocation deducts the borrowed 7,000 t
        AllocationDecision pre = allocations.preAllocate(fx.province(), plant.uscc(), 2023);
        assertThat(pre.toIssue()).isEqualTo(68_229); // ⌊70 % × 97,471⌋
        assertThat(allocations.entity(fx.province(), plant.uscc(), 2023).borrowed()).isEqualTo(7000);
        AllocationDecision final2023 = fx.finalised(plant, 2023, "90000");
        assertThat(final2023.borrowed()).isEqualTo(7000);
        assertThat(final2023.alreadyIssued()).isEqualTo(pre.toIssue());
        assertThat(final2023.allocationDue()).isEqualTo(DUE);
        assertThat(final2023.toIssue()).isEqualTo(final2023.allocationDue() - pre.toIssue() - 7000).isEqualTo(7621);
        // the borrowing instruction is part of the 2023 picture, not of what the 2023 decisions issued
        EntityYear y2023 = allocations.entity(fx.province(), plant.uscc(), 2023);
        assertThat(y2023.instructions()).anyMatch(x -> b.id().equals(x.borrowingId()));
        assertThat(y2023.issued()).isEqualTo(pre.toIssue() + final2023.toIssue());
    }

    @Test
    void aFivePercentGapIsBelowTheThresholdAndARejectedRequestMayBeFollowedByAnother() {
        Plant small = fx.plant("嵊州预支测试小缺口热电有限公司");
        fx.finalised(small, YEAR, FIVE_PERCENT);
        Borrowings.Standing s = borrowings.standing(small.officer(), small.uscc(), YEAR);
        assertThat(s.limit().gapRate()).isEqualByComparingTo("0.05");
        assertThat(s.limit().maximum()).isZero();
        assertThat(keys(s.obstacles())).containsExactly("allocation.borrowing.refused.gapTooSmall");
        assertThatThrownBy(() -> borrowings.request(small.officer(), YEAR, 100, "缺口不足也申请"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(keys(e)).containsExactly("allocation.borrowing.refused.gapTooSmall");
                    assertThat(e.violations().getFirst().arguments()).containsExactly("5", "10");
                });
        assertThat(fx.borrowingRows(small)).isZero();

        Plant plant = fx.plant("嵊州预支测试驳回热电有限公司");
        fx.finalised(plant, YEAR, FIFTEEN_PERCENT);
        Borrowing b = borrowings.request(plant.officer(), YEAR, LIMIT, "申请全部上限");
        assertThatThrownBy(() -> borrowings.reject(fx.province(), b.id(), b.version(), " "))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.note.missing"));
        Borrowing rejected = borrowings.reject(fx.province(), b.id(), b.version(), "申报材料不全");
        assertThat(rejected.status()).isEqualTo(Borrowing.Status.REJECTED);
        assertThat(rejected.approved()).isNull();
        assertThat(fx.instructionsOf(b.id())).isZero();
        assertThat(obligations.find(Borrowings.key(b.id())).orElseThrow().closedAt()).isNotNull();
        assertThatThrownBy(() -> borrowings.approve(fx.province(), b.id(), rejected.version(), 100, ""))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.alreadyDecided"));
        // after a rejection the emitter may apply again; a stale version is a conflict, not a second decision
        Borrowing again = borrowings.request(plant.officer(), YEAR, 5000, "补齐材料后重新申请");
        assertThatThrownBy(() -> borrowings.approve(fx.province(), again.id(), again.version() + 1, 5000, ""))
                .isInstanceOf(org.opencets.shared.ConcurrentModification.class);
        assertThat(borrowings.approve(fx.province(), again.id(), again.version(), 4000, "").approved()).isEqualTo(4000L);
        assertThat(borrowings.of(plant.officer(), plant.uscc(), YEAR)).extracting(Borrowing::status)
                .containsExactlyInAnyOrder(Borrowing.Status.REJECTED, Borrowing.Status.APPROVED);
        // the bureau's list of the year has both; another emitter sees none of them
        assertThat(borrowings.ofYear(fx.province(), YEAR)).extracting(Borrowing::id).contains(b.id(), again.id());
        assertThat(borrowings.ofYear(small.officer(), YEAR)).extracting(Borrowing::id).doesNotContain(b.id(), again.id());
    }

    @Test
    void noBorrowingWithoutAFinalAllocationForASpecialCaseInAYearWithoutBorrowingOrAfterTheDeadline() {
        // no final allocation yet
        Plant fresh = fx.plant("嵊州预支测试未核定热电有限公司");
        fx.verified(fresh, YEAR, FIFTEEN_PERCENT);
        assertThatThrownBy(() -> borrowings.request(fresh.officer(), YEAR, 1000, "尚未核定"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.notFinal"));

        // a special case of seed 003 §一 may not borrow, whatever its gap
        Plant risky = fx.plant("嵊州预支测试涉债热电有限公司");
        fx.finalised(risky, YEAR, FIFTEEN_PERCENT);
        specialCases.record(fx.province(), risky.uscc(), YEAR, SpecialCaseKind.LEGAL_RISK, "涉司法冻结，存在履约风险");
        assertThatThrownBy(() -> borrowings.request(risky.officer(), YEAR, 1000, "涉债企业申请"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.specialCase"));

        // 2023 sets no borrowing parameters
        assertThatThrownBy(() -> borrowings.request(risky.officer(), 2023, 1000, "2023年度"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.noBorrowingYear"));

        // once the 2023 allocation is final nothing would deduct a 2022 borrowing: refused
        Plant decided = fx.plant("嵊州预支测试次年已核定热电有限公司");
        fx.finalised(decided, YEAR, FIFTEEN_PERCENT);
        fx.finalised(decided, 2023, "90000");
        assertThatThrownBy(() -> borrowings.request(decided.officer(), YEAR, 1000, "次年已核定"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.borrowing.refused.nextYearFinal"));
        assertThat(fx.borrowingRows(decided)).isZero();

        // 2021 in 嵊州 keeps the national deadline, 2023-08-04: long past
        Plant late = fx.plant("嵊州预支测试逾期热电有限公司");
        fx.finalised(late, 2021, FIFTEEN_PERCENT);
        Borrowings.Standing s = borrowings.standing(late.officer(), late.uscc(), 2021);
        assertThat(s.limit().maximum()).isEqualTo(LIMIT);
        assertThat(s.deadline().due()).isEqualTo(java.time.LocalDate.of(2023, 8, 4));
        assertThatThrownBy(() -> borrowings.request(late.officer(), 2021, 1000, "逾期申请"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(keys(e)).containsExactly("allocation.borrowing.refused.deadlinePassed");
                    assertThat(e.violations().getFirst().arguments()).containsExactly("2023-08-04");
                });
        assertThat(fx.borrowingRows(fresh) + fx.borrowingRows(risky) + fx.borrowingRows(late)).isZero();
    }

    private static List<String> keys(ValidationFailed e) {
        return keys(e.violations());
    }

    private static List<String> keys(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::messageKey).toList();
    }
}
