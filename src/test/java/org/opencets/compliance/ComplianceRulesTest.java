package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Vintage;

class ComplianceRulesTest {

    static final Vintage V2023 = Vintage.ofYear(2023);
    static final Vintage V2024 = Vintage.ofYear(2024);
    static final UUID WIND = UUID.randomUUID();
    static final UUID ETS_PROJECT = UUID.randomUUID();
    static final UUID FIRST_PERIOD = UUID.randomUUID();

    static PendingOffset lot(UUID id, String number, boolean inEts, boolean firstPeriod, long remaining) {
        return new PendingOffset(id, "E0000000001", "91330000000000000X", "C0000000001", number, "项目 " + number, "风电", inEts, firstPeriod, remaining,
                remaining, 0, 0, 0, Instant.parse("2025-06-01T00:00:00Z"), null, null);
    }

    static SurrenderPosition position(Long obligation, long surrenderedCcer) {
        return new SurrenderPosition(2024, obligation, 0, surrenderedCcer, List.of(Vintage.FIRST_PERIOD, Vintage.ofYear(2021), Vintage.ofYear(2022), V2023,
                V2024), new BigDecimal("5"), false, Map.of(V2023, 300_000L, V2024, 900_000L), Map.of(), Map.of(V2024, 50_000L),
                List.of(lot(WIND, "CCER-WIND", false, false, 80_000), lot(ETS_PROJECT, "CCER-ETS", true, false, 10_000),
                        lot(FIRST_PERIOD, "CCER-P1", false, true, 5_000)));
    }

    static List<String> codes(List<FieldViolation> v) {
        return v.stream().map(FieldViolation::messageKey).toList();
    }

    static SurrenderAsk ask(long v2024, long wind) {
        return new SurrenderAsk(v2024 == 0 ? List.of() : List.of(new SurrenderAsk.AllowancePick(V2024, v2024, false)),
                wind == 0 ? List.of() : List.of(new SurrenderAsk.OffsetPick(WIND, wind)));
    }

    @Test
    void capIsFivePercentOfTheObligationRoundedDown_seed003_2() {
        // 1,234,567 t × 5 % = 61,728.35 → 61,728 t
        assertThat(ComplianceRules.offsetCap(1_234_567, new BigDecimal("5"))).isEqualTo(61_728);
        assertThat(ComplianceRules.ratioPercent(61_728, 1_234_567)).isEqualByComparingTo("5.00");
        assertThat(ComplianceRules.ratioPercent(50_000, 1_000_000)).isEqualByComparingTo("5.00");
    }

    @Test
    void offsetAboveTheCapIsRefusedAndTheCapCountsEarlierSurrenders_seed003_2() {
        // obligation 1,000,000 → cap 50,000; 50,000 allowed, 50,001 refused
        assertThat(ComplianceRules.check(position(1_000_000L, 0), ask(950_000 - 50_000, 50_000))).isEmpty();
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 0), ask(0, 50_001)))).containsExactly("compliance.offset.cap");
        // 20,000 already used by an earlier surrender of the year: only 30,000 more
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 20_000), ask(0, 30_001)))).containsExactly("compliance.offset.cap");
        assertThat(ComplianceRules.check(position(1_000_000L, 20_000), ask(0, 30_000))).isEmpty();
    }

    @Test
    void ccerFromAProjectInsideTheNationalEtsIsIneligible_seed000_annex3_1_2() {
        SurrenderAsk ask = new SurrenderAsk(List.of(), List.of(new SurrenderAsk.OffsetPick(ETS_PROJECT, 1_000)));
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 0), ask))).containsExactly("compliance.ccer.ineligible");
    }

    @Test
    void firstPeriodCcerOnlyForYearsThatAllowIt_seed003_2() {
        SurrenderAsk ask = new SurrenderAsk(List.of(), List.of(new SurrenderAsk.OffsetPick(FIRST_PERIOD, 1_000)));
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 0), ask))).containsExactly("compliance.ccer.first.period");
    }

    @Test
    void onlyTheYearsVintagesAndNoMoreThanHeld_seed003_4() {
        SurrenderPosition only2024 = new SurrenderPosition(2024, 1_000_000L, 0, 0, List.of(V2024), new BigDecimal("5"), false,
                Map.of(V2023, 300_000L, V2024, 900_000L), Map.of(), Map.of(), List.of());
        SurrenderAsk a2023 = new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(V2023, 1, false)), List.of());
        assertThat(codes(ComplianceRules.check(only2024, a2023))).containsExactly("compliance.vintage.not.allowed");
        // held 900,000 of 2024 (50,000 more sit in the trading holding and do not count)
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 0), ask(900_001, 0)))).containsExactly("compliance.holding.insufficient");
    }

    @Test
    void noObligationNoSurrender() {
        assertThat(codes(ComplianceRules.check(position(null, 0), ask(10, 0)))).containsExactly("compliance.no.obligation");
    }

    @Test
    void everyDeficiencyIsReportedAtOnce() {
        SurrenderAsk bad = new SurrenderAsk(List.of(new SurrenderAsk.AllowancePick(V2024, 2_000_000, false)),
                List.of(new SurrenderAsk.OffsetPick(ETS_PROJECT, 10_000), new SurrenderAsk.OffsetPick(WIND, 80_000)));
        assertThat(codes(ComplianceRules.check(position(1_000_000L, 0), bad))).contains("compliance.holding.insufficient", "compliance.ccer.ineligible",
                "compliance.offset.cap", "compliance.over.obligation");
    }

    @Test
    void proposalUsesEligibleCcerUpToTheCapThenOldestVintagesAndSaysWhatToBuy() {
        // obligation 1,500,000: CCER 75,000 (cap; the ETS and period-1 lots are skipped), then 2023 300,000, then 2024 900,000 → 225,000 to buy,
        // of which 50,000 sit in the trading holding
        SurrenderProposal p = SurrenderProposal.of(position(1_500_000L, 0));
        assertThat(p.ask().offsets()).containsExactly(new SurrenderAsk.OffsetPick(WIND, 75_000));
        assertThat(p.ask().allowances()).containsExactly(new SurrenderAsk.AllowancePick(V2023, 300_000, false),
                new SurrenderAsk.AllowancePick(V2024, 900_000, false));
        assertThat(p.toBuy()).isEqualTo(225_000);
        assertThat(p.inTradingHolding()).isEqualTo(50_000);
        // what it proposes passes the rules when it covers the obligation
        SurrenderProposal enough = SurrenderProposal.of(position(1_000_000L, 0));
        assertThat(enough.toBuy()).isZero();
        assertThat(ComplianceRules.check(position(1_000_000L, 0), enough.ask())).isEmpty();
    }
}
