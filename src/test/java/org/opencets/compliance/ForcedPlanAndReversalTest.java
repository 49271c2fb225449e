package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Registry;
import org.opencets.shared.Backdating;
import org.opencets.shared.Vintage;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class ForcedPlanAndReversalTest {

    @Autowired ApplicationContext context;
    @Autowired ForcedCompliance forced;
    @Autowired Compliance compliance;
    @Autowired Registry registry;

    /** Both years of the 2023/2024 plan are forced cases: one entrustment covers both, a second is refused (seed 003 §一). */
    @Test
    void oneCaseServesBothForcedYearsOfThePlan() {
        ComplianceFixtures fx = new ComplianceFixtures(context);
        ComplianceFixtures.Emitter e = fx.emitter();
        fx.obligation(e, 2023, 100_000, SpecialCaseKind.LEGAL_RISK);
        fx.obligation(e, 2024, 50_000, SpecialCaseKind.LEGAL_RISK);
        fx.issue(e, 2023, 80_000, true);
        fx.issue(e, 2024, 90_000, true);
        CurrentUser province = fx.user("zj.officer");
        ForcedCase c2024 = forced.entrust(province, e.uscc().value(), 2024);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.opencets.shared.ValidationFailed.class,
                () -> forced.entrust(province, e.uscc().value(), 2023)).violations()).extracting(v -> v.messageKey())
                .containsExactly("compliance.forced.plan.entrusted");
        CurrentUser operator = fx.user("registry.operator");
        ForcedCase done = forced.execute(operator, c2024.id());
        assertThat(done.executed()).isTrue();
        assertThat(registry.surrendered(e.uscc(), 2023)).extracting(s -> s.allowances()).containsExactly(100_000L);
        assertThat(registry.surrendered(e.uscc(), 2024)).extracting(s -> s.allowances()).containsExactly(50_000L);
    }

    /** An approved surrender reversed by the registry (maker-checker) gives the allowances back: the year is no longer complied. */
    @Test
    void aReversedSurrenderNoLongerCounts() {
        ComplianceFixtures fx = new ComplianceFixtures(context);
        ComplianceFixtures.Emitter e = fx.emitter();
        fx.obligation(e, 2024, 10_000, null);
        fx.issue(e, 2024, 10_000, false);
        UUID id = UUID.randomUUID();
        SurrenderRequest r = Backdating.at(java.time.Instant.parse("2025-11-10T02:00:00Z"), () -> compliance.submit(e.officer(), id, 2024,
                new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(Vintage.ofYear(2024), 10_000, false)), List.of()),
                new SurrenderRequest.Contact("张三", "0574-86888888", "z@example.com")));
        SurrenderRequest approved = compliance.approve(fx.user("zj.officer"), id, r.version());
        UUID op = approved.current().operationId();
        UUID reversal = registry.reverse(fx.user("registry.operator"), "review-rev:" + UUID.randomUUID(), op, "录入错误").operation().id();
        registry.approve(fx.user("registry.checker"), reversal);
        YearStanding s = compliance.emitterYear(e.officer(), e.uscc().value(), 2024).standing();
        assertThat(s.allowances()).isZero();
        assertThat(s.status().complied()).isFalse();
    }
}
