package org.opencets.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.ccer.CcerFixtures.id;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.ccer.CcerFixtures.Holder;
import org.opencets.identity.AccessDenied;
import org.opencets.registry.CcerOffsetRequested;
import org.opencets.registry.PendingOffsets;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The national compliance offset (seed 001 第三步, 第四步, 第六步) end to end on the CCER side: issuance, binding, the
 * freeze that sends exactly one CcerOffsetRequested, the ETS registry's Used (cancel once per use) and Recalled (return
 * once per lot), every refusal changing nothing, and period-1 cancellations applied for 2021/2022 (seed 003 §二).
 */
@IntegrationTest
class ComplianceOffsetsTest {

    @Autowired
    ApplicationContext context;

    CcerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CcerFixtures(context);
    }

    @Test
    void anOffsetFreezesTheCcerAndSendsExactlyOneRequestWithTheProjectAndBothAccounts() {
        CcerProject wind = fx.project("风电", false);
        Holder h = fx.holder();
        fx.issue(h, wind, 1_000);
        String ets = h.etsAccount();
        fx.offsets.bind(h.officer(), h.id(), ets);

        String request = id();
        Recorded<CcerOffset> first = fx.offsets.requestOffset(h.officer(), request, h.id(), wind.projectNumber(), 300);
        Recorded<CcerOffset> again = fx.offsets.requestOffset(h.officer(), request, h.id(), wind.projectNumber(), 300);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(fx.balance(h, wind, CcerHoldingState.AVAILABLE)).isEqualTo(700);
        assertThat(fx.balance(h, wind, CcerHoldingState.FROZEN_FOR_OFFSET)).isEqualTo(300);
        List<CcerOffsetRequested> sent = fx.sent.forAccount(h.id());
        assertThat(sent).hasSize(1);
        CcerOffsetRequested r = sent.getFirst();
        assertThat(r.offsetId()).isEqualTo(first.value().id());
        assertThat(r.ccerAccount()).isEqualTo(h.id());
        assertThat(r.etsAccount()).isEqualTo(ets);
        assertThat(r.emitter()).isEqualTo(h.account().holder());
        assertThat(r.projectNumber()).isEqualTo(wind.projectNumber());
        assertThat(r.projectName()).isEqualTo(wind.name());
        assertThat(r.projectType()).isEqualTo("风电");
        assertThat(r.projectInNationalEts()).isFalse();
        assertThat(r.quantity()).isEqualTo(300);
        assertThat(r.firstPeriodCancelled()).isFalse();
        assertThat(first.value().status()).isEqualTo(CcerOffset.Status.FROZEN);
        assertThat(first.value().pending()).isEqualTo(300);
        // the ETS registry took the lot as pending offset (待抵销) in the emitter's account
        assertThat(context.getBean(PendingOffsets.class).lot(first.value().id())).hasValueSatisfying(p -> {
            assertThat(p.account()).isEqualTo(ets);
            assertThat(p.remaining()).isEqualTo(300);
            assertThat(p.projectNumber()).isEqualTo(wind.projectNumber());
        });

        // the same id for another request is refused and changes nothing
        assertThatThrownBy(() -> fx.offsets.requestOffset(h.officer(), request, h.id(), wind.projectNumber(), 301))
                .isInstanceOf(ValidationFailed.class).satisfies(e -> assertThat(codes(e)).containsExactly("ccer.request.reused"));
        assertThat(fx.balance(h, wind, CcerHoldingState.AVAILABLE)).isEqualTo(700);
        assertThat(fx.sent.forAccount(h.id())).hasSize(1);
    }

    @Test
    void aProjectInsideTheNationalEtsIsSentWithItsFlagForTheEtsSideToJudge() {
        CcerProject covered = fx.project("甲烷利用", true);
        Holder h = fx.funded(covered, 100);

        CcerOffset lot = fx.offsets.requestOffset(h.officer(), id(), h.id(), covered.projectNumber(), 100).value();

        assertThat(lot.projectInNationalEts()).isTrue();
        assertThat(fx.sent.forLot(lot.id())).singleElement().satisfies(r -> assertThat(r.projectInNationalEts()).isTrue());
    }

    @Test
    void aLotForAnEtsAccountThatIsNotTheEmittersComesStraightBackToItsGeneralHolding() {
        CcerProject wind = fx.project("海上风电", false);
        Holder h = fx.holder();
        fx.issue(h, wind, 200);
        fx.offsets.bind(h.officer(), h.id(), CcerFixtures.strangersEtsAccount());

        CcerOffset lot = fx.offsets.requestOffset(h.officer(), id(), h.id(), wind.projectNumber(), 200).value();

        // the ETS registry refused it on arrival and recalled it, synchronously after the freeze committed
        assertThat(fx.lot(lot.id())).satisfies(l -> {
            assertThat(l.returnedQuantity()).isEqualTo(200);
            assertThat(l.status()).isEqualTo(CcerOffset.Status.CLOSED);
        });
        assertThat(fx.balance(h, wind, CcerHoldingState.AVAILABLE)).isEqualTo(200);
        assertThat(fx.balance(h, wind, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();
    }

    @Test
    void seed001Step4_aUseCancelsTheFrozenCcerOnceEvenIfDeliveredTwice() {
        CcerProject solar = fx.project("光伏", false);
        Holder h = fx.funded(solar, 1_000);
        CcerOffset lot = fx.offsets.requestOffset(h.officer(), id(), h.id(), solar.projectNumber(), 400).value();
        UUID use = UUID.randomUUID();

        fx.used(lot.id(), use, 250);
        fx.used(lot.id(), use, 250); // redelivered

        assertThat(fx.balance(h, solar, CcerHoldingState.FROZEN_FOR_OFFSET)).isEqualTo(150);
        assertThat(fx.balance(h, solar, CcerHoldingState.CANCELLED)).isEqualTo(250);
        assertThat(fx.balance(h, solar, CcerHoldingState.AVAILABLE)).isEqualTo(600);
        CcerOffset after = fx.lot(lot.id());
        assertThat(after.cancelledQuantity()).isEqualTo(250);
        assertThat(after.status()).isEqualTo(CcerOffset.Status.FROZEN);

        // a second use of the rest closes the lot
        fx.used(lot.id(), UUID.randomUUID(), 150);
        assertThat(fx.lot(lot.id())).satisfies(l -> {
            assertThat(l.cancelledQuantity()).isEqualTo(400);
            assertThat(l.status()).isEqualTo(CcerOffset.Status.CLOSED);
        });
        assertThat(fx.balance(h, solar, CcerHoldingState.CANCELLED)).isEqualTo(400);
        assertThat(fx.balance(h, solar, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();
    }

    @Test
    void seed001Step6_aRecallReturnsThePendingRestOnce() {
        CcerProject hydro = fx.project("水电", false);
        Holder h = fx.funded(hydro, 500);
        CcerOffset lot = fx.offsets.requestOffset(h.officer(), id(), h.id(), hydro.projectNumber(), 500).value();
        fx.used(lot.id(), UUID.randomUUID(), 120);

        fx.recalled(lot.id(), 380);
        fx.recalled(lot.id(), 380); // redelivered

        assertThat(fx.balance(h, hydro, CcerHoldingState.AVAILABLE)).isEqualTo(380);
        assertThat(fx.balance(h, hydro, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();
        assertThat(fx.balance(h, hydro, CcerHoldingState.CANCELLED)).isEqualTo(120);
        assertThat(fx.lot(lot.id())).satisfies(l -> {
            assertThat(l.returnedQuantity()).isEqualTo(380);
            assertThat(l.cancelledQuantity()).isEqualTo(120);
            assertThat(l.status()).isEqualTo(CcerOffset.Status.CLOSED);
        });
        // a use arriving after the recall finds nothing pending and changes nothing
        fx.used(lot.id(), UUID.randomUUID(), 10);
        assertThat(fx.balance(h, hydro, CcerHoldingState.CANCELLED)).isEqualTo(120);
        assertThat(fx.balance(h, hydro, CcerHoldingState.AVAILABLE)).isEqualTo(380);
    }

    @Test
    void everyBadOffsetRequestIsRefusedWithItsReasonAndChangesNothing() {
        CcerProject held = fx.project("林业碳汇", false);
        CcerProject other = fx.project("风电", false);
        Holder h = fx.holder();
        fx.issue(h, held, 100);

        // no binding yet
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), held.projectNumber(), 10))).contains("ccer.binding.missing");
        fx.bind(h);
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), held.projectNumber(), 0))).containsExactly("ccer.quantity.positive");
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), held.projectNumber(), -5))).containsExactly("ccer.quantity.positive");
        assertThat(refusal(() -> CcerInput.quantity("12.5"))).containsExactly("ccer.quantity.whole");
        assertThat(refusal(() -> CcerInput.quantity("abc"))).containsExactly("ccer.quantity.number");
        assertThat(CcerInput.quantity("１,２００")).isEqualTo(1_200); // full-width digits as a Chinese input method types them
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), held.projectNumber(), 101)))
                .containsExactly("ccer.quantity.moreThanAvailable");
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), "CCER-NO-SUCH", 10))).containsExactly("ccer.project.unknown");
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), id(), h.id(), other.projectNumber(), 10))).containsExactly("ccer.project.notHeld");
        assertThat(refusal(() -> fx.offsets.requestOffset(h.officer(), " ", h.id(), held.projectNumber(), 10))).containsExactly("ccer.request.id");

        assertThat(fx.balance(h, held, CcerHoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.balance(h, held, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();
        assertThat(fx.registry.offsets(h.officer(), h.id())).isEmpty();
        assertThat(fx.sent.forAccount(h.id())).isEmpty();
        // the binding is to an ETS account number, and may not change while a lot is pending there
        assertThat(refusal(() -> fx.offsets.bind(h.officer(), h.id(), "E123"))).containsExactly("ccer.etsAccount.format");
        fx.offsets.requestOffset(h.officer(), id(), h.id(), held.projectNumber(), 10);
        assertThat(refusal(() -> fx.offsets.bind(h.officer(), h.id(), CcerFixtures.strangersEtsAccount()))).containsExactly("ccer.binding.pending");
    }

    @Test
    void anEmitterNeitherSeesNorActsOnAnotherEmittersAccountAndOnlyTheOperatorIssues() {
        CcerProject wind = fx.project("风电", false);
        Holder mine = fx.funded(wind, 100);
        Holder theirs = fx.funded(wind, 100);

        assertThatThrownBy(() -> fx.registry.account(mine.officer(), theirs.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> fx.offsets.requestOffset(mine.officer(), id(), theirs.id(), wind.projectNumber(), 10)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> fx.offsets.bind(mine.officer(), theirs.id(), CcerFixtures.strangersEtsAccount())).isInstanceOf(RecordNotFound.class);
        assertThat(fx.registry.accounts(mine.officer())).extracting(CcerAccount::id).containsExactly(mine.id());
        assertThatThrownBy(() -> fx.registry.issue(mine.officer(), id(), mine.id(), wind.projectNumber(), 1_000)).isInstanceOf(AccessDenied.class);
        // the bureau of the region reads, but may not act for the holder
        assertThat(fx.registry.account(fx.user("zj.officer"), theirs.id()).id()).isEqualTo(theirs.id());
        assertThatThrownBy(() -> fx.offsets.requestOffset(fx.user("zj.officer"), id(), theirs.id(), wind.projectNumber(), 10))
                .isInstanceOf(AccessDenied.class);
        assertThat(fx.balance(theirs, wind, CcerHoldingState.AVAILABLE)).isEqualTo(100);
    }

    @Test
    void seed003Section2_aPeriod1CancellationIsAppliedOnceAndAfterARecallMayBeAppliedAgain() {
        CcerProject methane = fx.project("甲烷利用", false);
        Holder h = fx.holder();
        FirstPeriodCancellation c = fx.registry.recordFirstPeriodCancellation(fx.operator(), id(), h.id(), methane.projectNumber(), 800,
                java.time.LocalDate.of(2021, 12, 20)).value();
        assertThat(fx.balance(h, methane, CcerHoldingState.CANCELLED)).isEqualTo(800);
        assertThat(refusal(() -> fx.offsets.applyFirstPeriodCancellation(h.officer(), id(), c.id()))).containsExactly("ccer.binding.missing");
        fx.bind(h);

        CcerOffset lot = fx.offsets.applyFirstPeriodCancellation(h.officer(), id(), c.id()).value();

        assertThat(fx.sent.forLot(lot.id())).singleElement().satisfies(r -> {
            assertThat(r.firstPeriodCancelled()).isTrue();
            assertThat(r.quantity()).isEqualTo(800);
            assertThat(r.projectNumber()).isEqualTo(methane.projectNumber());
        });
        assertThat(fx.balance(h, methane, CcerHoldingState.CANCELLED)).isEqualTo(800); // nothing frozen: they are cancelled already
        assertThat(fx.balance(h, methane, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();
        assertThat(refusal(() -> fx.offsets.applyFirstPeriodCancellation(h.officer(), id(), c.id()))).containsExactly("ccer.firstPeriod.applied");
        assertThat(fx.sent.forAccount(h.id())).hasSize(1);

        // partly used, the rest recalled: the unused rest may be applied again, and only it
        fx.used(lot.id(), UUID.randomUUID(), 300);
        fx.recalled(lot.id(), 500);
        List<FirstPeriodCancellation> after = fx.registry.firstPeriodCancellations(h.officer(), h.id());
        assertThat(after).filteredOn(FirstPeriodCancellation::applicable).singleElement().satisfies(rest -> {
            assertThat(rest.quantity()).isEqualTo(500);
            assertThat(rest.remainderOf()).isEqualTo(c.id());
        });
        assertThat(fx.lot(lot.id()).status()).isEqualTo(CcerOffset.Status.CLOSED);
        assertThat(fx.balance(h, methane, CcerHoldingState.AVAILABLE)).isZero();

        // period-1 cancellations are dated in period 1
        assertThat(refusal(() -> fx.registry.recordFirstPeriodCancellation(fx.operator(), id(), h.id(), methane.projectNumber(), 10,
                java.time.LocalDate.of(2022, 3, 1)))).containsExactly("ccer.cancelledOn.period");
    }

    @Test
    void anUnusedApplicationRecalledWholeMakesTheSameCancellationApplicableAgain() {
        CcerProject forest = fx.project("林业碳汇", false);
        Holder h = fx.holder();
        fx.bind(h);
        FirstPeriodCancellation c = fx.registry.recordFirstPeriodCancellation(fx.operator(), id(), h.id(), forest.projectNumber(), 200,
                java.time.LocalDate.of(2021, 11, 30)).value();
        CcerOffset lot = fx.offsets.applyFirstPeriodCancellation(h.officer(), id(), c.id()).value();

        fx.recalled(lot.id(), 200);

        assertThat(fx.registry.firstPeriodCancellations(h.officer(), h.id())).singleElement().satisfies(x -> assertThat(x.applicable()).isTrue());
        CcerOffset second = fx.offsets.applyFirstPeriodCancellation(h.officer(), id(), c.id()).value();
        assertThat(second.id()).isNotEqualTo(lot.id());
        assertThat(fx.sent.forAccount(h.id())).hasSize(2);
    }

    private static List<String> codes(Throwable e) {
        return ((ValidationFailed) e).violations().stream().map(FieldViolation::messageKey).toList();
    }

    private static List<String> refusal(Runnable action) {
        try {
            action.run();
        } catch (ValidationFailed e) {
            return codes(e);
        }
        throw new AssertionError("expected a refusal");
    }
}
