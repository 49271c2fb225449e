package org.opencets.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.ccer.CcerFixtures.id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.ccer.CcerFixtures.Holder;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.shared.Backdating;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Review: a lot partly reserved by a surrender under review when the period's recall runs. */
@IntegrationTest
class RecallDuringReviewTest {

    @Autowired ApplicationContext context;
    @Autowired Registry registry;
    @Autowired PendingOffsets pending;

    @Test
    void aRecallWhileAReservationIsUnderReviewMustNotUnfreezeTheReservedCcer() {
        CcerFixtures fx = new CcerFixtures(context);
        CcerProject wind = fx.project("风电", false);
        Holder h = fx.funded(wind, 1_000);
        Instant june = Instant.parse("2025-06-01T02:00:00Z");
        UUID lot = Backdating.at(june, () -> fx.offsets.requestOffset(h.officer(), id(), h.id(), wind.projectNumber(), 1_000).value().id());
        // the emitter's surrender request reserves 300 of the lot (province has not decided yet)
        UUID op = Backdating.at(june, () -> registry.surrender(h.officer(), "review:" + UUID.randomUUID(), h.etsAccount(), 2024, List.of(),
                List.of(new Registry.OffsetPart(lot, 300))).operation().id());
        // 15 working days after the period: the recall returns the 700 not reserved
        pending.recall(fx.user("registry.operator"), 2024);
        PendingOffset ets = pending.lot(lot).orElseThrow();
        assertThat(ets.recalled()).isEqualTo(700);
        assertThat(ets.reserved()).isEqualTo(300);
        // the province approves the (late) request: the ETS registry counts 300 CCER as offset
        registry.approve(fx.user("zj.officer"), op);
        assertThat(pending.lot(lot).orElseThrow().used()).isEqualTo(300);
        // ... so the CCER registry must show 300 cancelled and only 700 back in the general holding
        assertThat(fx.balance(h, wind, CcerHoldingState.CANCELLED)).isEqualTo(300);
        assertThat(fx.balance(h, wind, CcerHoldingState.AVAILABLE)).isEqualTo(700);
    }
}
