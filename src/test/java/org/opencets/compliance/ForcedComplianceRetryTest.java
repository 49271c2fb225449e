package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Registry;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Vintage;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Review: "a retry after an interruption repeats nothing" — and must still finish the case. */
@IntegrationTest
class ForcedComplianceRetryTest {

    @Autowired ApplicationContext context;
    @Autowired ForcedCompliance forced;
    @Autowired Registry registry;

    @Test
    void aRetryAfterTheSurrenderCommittedButBeforeTheReleaseCompletesTheCase() {
        ComplianceFixtures fx = new ComplianceFixtures(context);
        ComplianceFixtures.Emitter e = fx.emitter();
        fx.obligation(e, 2024, 50_000, SpecialCaseKind.LEGAL_RISK);
        fx.issue(e, 2024, 90_000, true);
        ForcedCase c = forced.entrust(fx.user("zj.officer"), e.uscc().value(), 2024);
        CurrentUser operator = fx.user("registry.operator");
        // the first attempt committed the year's surrender, then was interrupted (crash, timeout) before the release
        registry.forcedSurrender(operator, "forced:" + c.id() + ":2024", e.uscc(), RegionCode.of(ComplianceFixtures.REGION), 2024,
                List.of(new Registry.SurrenderPart(Vintage.ofYear(2024), 50_000, false)));
        // the operator retries: the surrender replays, the release runs, the case is executed
        ForcedCase done = forced.execute(operator, c.id());
        assertThat(done.executed()).isTrue();
        assertThat(registry.surrendered(e.uscc(), 2024)).extracting(s -> s.allowances()).containsExactly(50_000L);
        assertThat(done.heldInProvincialAccount()).isEmpty();
    }
}
