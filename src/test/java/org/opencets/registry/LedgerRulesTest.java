package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.registry.RegistryFixtures.V2023;
import static org.opencets.registry.RegistryFixtures.V2024;
import static org.opencets.registry.RegistryFixtures.id;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.identity.AccessDenied;
import org.opencets.registry.RegistryFixtures.Holder;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's rules through the registry service on the real database: idempotent requests, refusals that move
 * nothing, maker-checker, two-phase operations, all-or-nothing legs, reversal, account statuses and the invariant
 * check. Every holder here is fresh (RegistryFixtures), so no other test's data is touched.
 */
@IntegrationTest
class LedgerRulesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    RegistryFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RegistryFixtures(context);
    }

    @Test
    void aTransferMovesOnceAndARetryReturnsTheFirstOutcome() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        String id = id();
        Submitted first = fx.registry.transfer(a.officer(), id, a.number(), b.number(), V2024, 300, "sale");
        Submitted retry = fx.registry.transfer(a.officer(), id, a.number(), b.number(), V2024, 300, "sale");

        assertThat(first.replayed()).isFalse();
        assertThat(first.operation().status()).isEqualTo(Operation.Status.POSTED);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.operation().id()).isEqualTo(first.operation().id());
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(700);
        assertThat(fx.balance(b.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(300);
    }

    @Test
    void theSameIdWithOtherContentIsRefusedAndMovesNothing() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        String id = id();
        fx.registry.transfer(a.officer(), id, a.number(), b.number(), V2024, 300, null);

        assertThat(codes(() -> fx.registry.transfer(a.officer(), id, a.number(), b.number(), V2024, 301, null)))
                .containsExactly("registry.idempotency.mismatch");
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(700);
    }

    @Test
    void refusalsAreSpecificAndMoveNothing() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");

        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 0, null))).containsExactly("registry.quantity.positive");
        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, -5, null))).containsExactly("registry.quantity.positive");
        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 20_000_000_000L, null)))
                .containsExactly("registry.quantity.absurd");
        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), "E9999999999", V2024, 10, null))).containsExactly("registry.account.unknown");
        assertThat(violations(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 1_001, null)))
                .singleElement().satisfies(v -> {
                    assertThat(v.messageKey()).isEqualTo("registry.insufficient");
                    assertThat(v.arguments()).containsExactly(a.number(), 1_000L, "2024", "AVAILABLE", 1_001L);
                });
        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), Vintage.ofYear(2090), 1, null)))
                .containsExactly("registry.vintage.not.issued");
        assertThat(codes(() -> RegistryInput.quantity("1.5"))).containsExactly("registry.quantity.whole");
        assertThat(codes(() -> RegistryInput.quantity("abc"))).containsExactly("registry.quantity.number");
        assertThat(codes(() -> RegistryInput.vintage("2018"))).containsExactly("vintage.range");
        assertThat(codes(() -> RegistryInput.quantity("1e3"))).containsExactly("registry.quantity.number");
        assertThat(codes(() -> RegistryInput.quantity("1,0,0"))).containsExactly("registry.quantity.number");
        assertThat(RegistryInput.quantity("2,000")).isEqualTo(2_000);
        assertThat(RegistryInput.quantity("１２")).isEqualTo(12); // full-width, as a Chinese input method types it
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_000);
        assertThat(fx.registry.operations(a.officer(), a.number())).hasSize(1); // the test issuance only
    }

    @Test
    void anotherEmittersAccountIsNeitherSeenNorDebited() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        assertThatThrownBy(() -> fx.registry.transfer(b.officer(), id(), a.number(), b.number(), V2024, 10, null))
                .isInstanceOf(org.opencets.shared.RecordNotFound.class);
        assertThatThrownBy(() -> fx.registry.freeze(a.officer(), id(), a.number(), V2024, 10, "x")).isInstanceOf(AccessDenied.class);
    }

    @Test
    void aFreezeIsReservedThenPostedByASecondOperatorExactlyOnce() {
        Holder a = fx.funded("330206", V2024, 1_000);
        var maker = fx.user("registry.operator");
        var checker = fx.user("registry.checker");
        Submitted freeze = fx.registry.freeze(maker, id(), a.number(), V2024, 400, "(2026)浙0206执保1号");

        assertThat(freeze.operation().status()).isEqualTo(Operation.Status.PENDING_APPROVAL);
        assertThat(fx.balance(a.account(), V2024, HoldingState.RESERVED)).isEqualTo(400);
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(600);
        assertThat(codes(() -> fx.registry.approve(maker, freeze.operation().id()))).containsExactly("registry.maker.checker");
        assertThatThrownBy(() -> fx.registry.approve(fx.user("zj.officer"), freeze.operation().id())).isInstanceOf(AccessDenied.class);
        assertThat(fx.registry.awaitingDecision(checker)).extracting(Operation::id).contains(freeze.operation().id());
        assertThat(fx.registry.awaitingDecision(maker)).extracting(Operation::id).doesNotContain(freeze.operation().id());

        Operation approved = fx.registry.approve(checker, freeze.operation().id());

        assertThat(approved.status()).isEqualTo(Operation.Status.APPROVED);
        assertThat(approved.decision().decider()).contains("谭雪梅");
        assertThat(fx.balance(a.account(), V2024, HoldingState.FROZEN)).isEqualTo(400);
        assertThat(fx.balance(a.account(), V2024, HoldingState.RESERVED)).isZero();
        assertThat(codes(() -> fx.registry.approve(checker, freeze.operation().id()))).containsExactly("registry.operation.decided");
        assertThat(codes(() -> fx.registry.reject(checker, freeze.operation().id(), "late"))).containsExactly("registry.operation.decided");
        assertThat(fx.store.entriesOf(freeze.operation().id())).extracting(LedgerEntry::phase)
                .containsExactly(LedgerEntry.Phase.PENDING, LedgerEntry.Phase.POST_PENDING);
    }

    @Test
    void aRejectedPledgeIsVoidedBackToAvailable() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Submitted pledge = fx.registry.pledge(fx.user("registry.operator"), id(), a.number(), V2024, 700, "中国工商银行宁波分行", "测试质字第1号");

        Operation rejected = fx.registry.reject(fx.user("registry.checker"), pledge.operation().id(), "质押合同未盖章");

        assertThat(rejected.status()).isEqualTo(Operation.Status.REJECTED);
        assertThat(rejected.decision().reason()).isEqualTo("质押合同未盖章");
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_000);
        assertThat(fx.balance(a.account(), V2024, HoldingState.PLEDGED)).isZero();
        assertThat(codes(() -> fx.registry.reject(fx.user("registry.checker"), pledge.operation().id(), null)))
                .containsExactly("registry.operation.decided");
    }

    @Test
    void frozenAllowancesCannotBePledged() { // seed 004 §三(四)8: pledge what the emitter freely holds
        Holder a = fx.funded("330206", V2024, 1_000);
        var maker = fx.user("registry.operator");
        fx.registry.approve(fx.user("registry.checker"), fx.registry.freeze(maker, id(), a.number(), V2024, 800, "(2026)浙0206执保2号").operation().id());

        assertThat(codes(() -> fx.registry.pledge(maker, id(), a.number(), V2024, 500, "中国工商银行宁波分行", "测试质字第2号")))
                .containsExactly("registry.pledge.frozen");
        assertThat(codes(() -> fx.registry.pledge(maker, id(), a.number(), V2024, 100, "", "")))
                .containsExactly("registry.pledgee.required", "registry.contract.required");
        assertThat(fx.balance(a.account(), V2024, HoldingState.PLEDGED)).isZero();
    }

    @Test
    void aSurrenderCommitsAllLegsOrNone() { // seed 003 §四: 2019–2020, 2021 and 2022 allowances for 2021 and 2022
        Holder a = fx.newHolder("330206");
        fx.issue(a.account(), Vintage.ofYear(2021), 500);
        fx.issue(a.account(), Vintage.ofYear(2022), 100);
        List<Registry.SurrenderPart> tooMuch = List.of(new Registry.SurrenderPart(Vintage.ofYear(2021), 500, false),
                new Registry.SurrenderPart(Vintage.ofYear(2022), 101, false));

        assertThat(codes(() -> fx.registry.surrender(a.officer(), id(), a.number(), 2022, tooMuch))).containsExactly("registry.insufficient");
        assertThat(fx.balance(a.account(), Vintage.ofYear(2021), HoldingState.AVAILABLE)).isEqualTo(500);
        assertThat(fx.balance(a.account(), Vintage.ofYear(2021), HoldingState.RESERVED)).isZero();
        assertThat(codes(() -> fx.registry.surrender(a.officer(), id(), a.number(), 2022, List.of(new Registry.SurrenderPart(V2023, 1, false)))))
                .containsExactly("registry.surrender.vintage");
        assertThat(codes(() -> fx.registry.surrender(a.officer(), id(), a.number(), 0, tooMuch))).containsExactly("registry.surrender.year");

        Submitted ok = fx.registry.surrender(a.officer(), id(), a.number(), 2022, List.of(new Registry.SurrenderPart(Vintage.ofYear(2021), 500, false),
                new Registry.SurrenderPart(Vintage.ofYear(2022), 100, false)));
        assertThat(fx.balance(a.account(), Vintage.ofYear(2021), HoldingState.RESERVED)).isEqualTo(500);
        assertThatThrownBy(() -> fx.registry.approve(fx.user("registry.checker"), ok.operation().id())).isInstanceOf(AccessDenied.class);
        fx.registry.approve(fx.user("zj.officer"), ok.operation().id());

        assertThat(fx.registry.holdings(a.officer(), a.number())).allMatch(h -> h.balance() == 0);
        assertThat(fx.store.entriesOf(ok.operation().id())).hasSize(4);
    }

    @Test
    void aReversalMovesEveryTransferBackOnceAndKeepsTheOriginal() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        Submitted mistaken = fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 250, null);
        var maker = fx.user("registry.operator");

        Submitted reversal = fx.registry.reverse(maker, id(), mistaken.operation().id(), "误划转，经双方确认冲正");
        assertThat(codes(() -> fx.registry.reverse(maker, id(), mistaken.operation().id(), "again"))).containsExactly("registry.reversal.twice");
        fx.registry.approve(fx.user("registry.checker"), reversal.operation().id());

        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_000);
        assertThat(fx.balance(b.account(), V2024, HoldingState.AVAILABLE)).isZero();
        LedgerEntry original = fx.store.entriesOf(mistaken.operation().id()).getFirst();
        assertThat(fx.store.entriesOf(reversal.operation().id())).filteredOn(e -> e.phase() == LedgerEntry.Phase.POST_PENDING)
                .singleElement().satisfies(e -> assertThat(e.reversesId()).isEqualTo(original.id()));
        assertThat(fx.registry.operation(maker, mistaken.operation().id()).status()).isEqualTo(Operation.Status.POSTED);
    }

    @Test
    void reversingAnApprovedOperationPutsTheAllowancesBackWhereTheyWereBeforeTheReservation() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        var maker = fx.user("registry.operator");
        var checker = fx.user("registry.checker");
        Submitted transfer = fx.registry.transfer(maker, id(), a.number(), b.number(), V2024, 400, "划转");
        fx.registry.approve(checker, transfer.operation().id());
        Submitted freeze = fx.registry.freeze(maker, id(), a.number(), V2024, 300, "(2026)浙0206执保3号");
        fx.registry.approve(checker, freeze.operation().id());

        fx.registry.approve(checker, fx.registry.reverse(maker, id(), transfer.operation().id(), "误划转").operation().id());
        fx.registry.approve(checker, fx.registry.reverse(maker, id(), freeze.operation().id(), "冻结对象错误").operation().id());

        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_000);
        assertThat(fx.balance(a.account(), V2024, HoldingState.RESERVED)).isZero();
        assertThat(fx.balance(a.account(), V2024, HoldingState.FROZEN)).isZero();
        assertThat(fx.balance(b.account(), V2024, HoldingState.AVAILABLE)).isZero();
        assertThat(fx.checker.run("test").passed()).isTrue();
    }

    @Test
    void aCourtFreezeAppliesWhateverTheStatusButAnApprovalRechecksTheAccountsAsTheyAreNow() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.newHolder("330211");
        var maker = fx.user("registry.operator");
        var checker = fx.user("registry.checker");
        fx.registry.approve(checker, fx.registry.changeStatus(maker, id(), a.number(), AccountStatus.RESTRICTED, "涉嫌违规交易").operation().id());
        fx.registry.approve(checker, fx.registry.freeze(maker, id(), a.number(), V2024, 100, "(2026)浙0206执保4号").operation().id());
        assertThat(fx.balance(a.account(), V2024, HoldingState.FROZEN)).isEqualTo(100);

        assertThat(codes(() -> fx.registry.transfer(maker, id(), a.number(), b.number(), V2024, 1, null))).containsExactly("registry.account.status.send");

        Holder c = fx.funded("330206", V2024, 1_000);
        Submitted transfer = fx.registry.transfer(maker, id(), c.number(), b.number(), V2024, 40, "划转");
        fx.registry.approve(checker, fx.registry.changeStatus(maker, id(), b.number(), AccountStatus.CLOSED, "企业注销").operation().id());

        assertThat(codes(() -> fx.registry.approve(checker, transfer.operation().id()))).contains("registry.account.closed");
        assertThat(fx.balance(b.account(), V2024, HoldingState.AVAILABLE)).isZero();
        fx.registry.reject(checker, transfer.operation().id(), "收款账户已注销");
        assertThat(fx.balance(c.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_000);
    }

    @Test
    void aFrozenAccountReceivesButSendsNothingAndAClosedOneMustBeEmpty() {
        Holder a = fx.funded("330206", V2024, 1_000);
        Holder b = fx.funded("330211", V2024, 10);
        var maker = fx.user("registry.operator");
        var checker = fx.user("registry.checker");
        fx.registry.approve(checker, fx.registry.changeStatus(maker, id(), a.number(), AccountStatus.FROZEN, "法院冻结账户").operation().id());

        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 1, null))).containsExactly("registry.account.status.send");
        fx.registry.transfer(b.officer(), id(), b.number(), a.number(), V2024, 10, null);
        assertThat(fx.balance(a.account(), V2024, HoldingState.AVAILABLE)).isEqualTo(1_010);
        assertThat(codes(() -> fx.registry.changeStatus(maker, id(), a.number(), AccountStatus.CLOSED, "注销"))).containsExactly("registry.close.not.empty");
        assertThat(codes(() -> fx.registry.changeStatus(maker, id(), b.number(), AccountStatus.OPEN, "x"))).containsExactly("registry.status.same");
        fx.registry.approve(checker, fx.registry.changeStatus(maker, id(), b.number(), AccountStatus.CLOSED, "企业注销").operation().id());
        assertThat(codes(() -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 1, null)))
                .contains("registry.account.status.send", "registry.account.closed");
    }

    @Test
    void cancellationLeavesTheMarketForGoodAndTheTotalsStillAddUp() {
        Holder a = fx.funded("330206", V2024, 1_000);
        fx.registry.cancel(a.officer(), id(), a.number(), V2024, 120, "自愿注销，用于碳中和活动");

        InvariantCheck check = fx.checker.run("test");

        assertThat(check.passed()).as(check.violations().toString()).isTrue();
        var totals = check.totals().get("CEA 2024");
        assertThat(totals.get("issued") - totals.get("cancelled") - totals.get("surrendered")).isEqualTo(totals.get("held"));
        assertThat(totals.get("cancelled")).isGreaterThanOrEqualTo(120);
    }

    @Test
    void theInvariantCheckCatchesABalanceThatDisagreesWithItsTransfers() {
        Holder a = fx.funded("330206", V2024, 1_000);
        jdbc.sql("update registry.holding set balance = balance + 7 where account_id = ? and state = 'AVAILABLE'").param(a.account().id()).update();
        try {
            InvariantCheck check = fx.checker.run("test");
            assertThat(check.passed()).isFalse();
            assertThat(check.violations()).anyMatch(v -> v.contains(a.number()) && v.contains("recorded 1007") && v.contains("sum to 1000"));
            assertThat(fx.checker.recent(fx.user("registry.operator"), 1).getFirst().id()).isEqualTo(check.id());
        } finally {
            jdbc.sql("update registry.holding set balance = balance - 7 where account_id = ? and state = 'AVAILABLE'").param(a.account().id()).update();
        }
        assertThat(fx.checker.run("test").passed()).isTrue();
    }

    @Test
    void theLedgerIsAppendOnly() {
        Holder a = fx.funded("330206", V2024, 1_000);
        assertThatThrownBy(() -> jdbc.sql("update registry.transfer set quantity = 1 where operation_id in (select id from registry.operation where account_id = ?)")
                .param(a.account().id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from registry.operation where account_id = ?").param(a.account().id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update registry.holding set balance = -1 where account_id = ?").param(a.account().id()).update())
                .hasMessageContaining("holding_balance_check");
    }

    private static List<String> codes(Runnable r) {
        return violations(r).stream().map(FieldViolation::messageKey).toList();
    }

    private static List<FieldViolation> violations(Runnable r) {
        try {
            r.run();
        } catch (ValidationFailed e) {
            return e.violations();
        } catch (org.opencets.shared.InvalidValueException e) {
            return List.of(FieldViolation.of(null, e));
        }
        throw new AssertionError("expected a refusal");
    }
}
