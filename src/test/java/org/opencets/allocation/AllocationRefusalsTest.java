package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.allocation.AllocationFixtures.coalI;
import static org.opencets.allocation.AllocationFixtures.coalII;
import static org.opencets.allocation.AllocationFixtures.gas;
import static org.opencets.allocation.AllocationFixtures.pair;
import static org.opencets.allocation.AllocationFixtures.unit;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.AllocationFixtures.Plant;
import org.opencets.allocationmethod.MethodProblem;
import org.opencets.directory.UnitCategory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * Every refusal of pre-allocation and final allocation names its reason (a message key with a Chinese text) and stores
 * nothing: no decision, instruction, notice or receipt. Users who may not allocate are refused (AccessDenied), users
 * who may not see the emitter do not find it (RecordNotFound).
 *
 * <p>Data ownership: power plants registered here in 诸暨市 (and one in 鄞州区 for Ningbo's city bureau).
 */
@IntegrationTest
class AllocationRefusalsTest {

    @Autowired
    Allocations allocations;
    @Autowired
    AllocationBasis basis;
    @Autowired
    SpecialCases specialCases;
    @Autowired
    MessageSource messages;
    @Autowired
    ApplicationContext context;

    AllocationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AllocationFixtures(context);
    }

    @Test
    void withoutTheDataOrTwiceTheStepsAreRefusedAndNothingIsStored() {
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨分配拒绝测试热电有限公司", coalII("1号机组"));

        // no verified data for 2023: final refused; no 2022 data: pre-allocation refused
        fx.assertRefused(p, () -> allocations.finalise(zj, p.uscc(), 2023), "allocation.refused.notVerified");
        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2023), "allocation.refused.noPreviousYear");
        assertThatThrownBy(() -> allocations.finalise(zj, p.uscc(), 2023)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(text(e.violations().getFirst())).isEqualTo(p.name() + " 2023 年度核查结果尚未最终确定，不能核定配额"));
        assertThatThrownBy(() -> allocations.preAllocate(zj, p.uscc(), 2023)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(text(e.violations().getFirst())).isEqualTo(p.name() + " 没有 2022 年度经核查排放量，无法预分配"));

        // 2023 data alone still does not pre-allocate 2023 (the basis is the year before)
        fx.importYear(p, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2023), "allocation.refused.noPreviousYear");
        fx.importYear(p, 2022, "200000.00", "200000.00");

        // pre-allocated once: a second time refused
        allocations.preAllocate(zj, p.uscc(), 2023);
        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2023), "allocation.refused.alreadyDecided");

        // finalised once: again with nothing changed refused; a pre-allocation after the final too
        allocations.finalise(zj, p.uscc(), 2023);
        fx.assertRefused(p, () -> allocations.finalise(zj, p.uscc(), 2023), "allocation.refused.alreadyFinal");
        fx.assertRefused(p, () -> allocations.preAllocate(zj, p.uscc(), 2023), "allocation.refused.alreadyDecided");
        assertThat(fx.counts(p).decisions()).isEqualTo(2);
        assertThat(fx.counts(p).instructions()).isEqualTo(2);
        assertThat(fx.counts(p).notices()).isEqualTo(2);
    }

    @Test
    void aUnitWithoutCategoryAndAYearWithoutBenchmarksAreRefusedByTheMethod() {
        CurrentUser zj = fx.province();
        // the directory always gives a category, so this basis is written past the import
        Plant p = fx.powerPlant("诸暨分配无类别测试燃机有限公司", gas("1号机组"));
        fx.storeBasis(p, 2023, "1000.00", new VerifiedBasis.Unit("1号机组", null, null, new BigDecimal("1000"), BigDecimal.ZERO, null,
                new BigDecimal("1000.00")));
        assertThat(allocations.entity(zj, p.uscc(), 2023).problems()).extracting(MethodProblem::code).containsExactly(MethodProblem.CATEGORY_MISSING);
        fx.assertRefusedWith(p, () -> allocations.finalise(zj, p.uscc(), 2023), pair("1号机组", "allocation.problem.categoryMissing"));
        assertThatThrownBy(() -> allocations.finalise(zj, p.uscc(), 2023)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(text(e.violations().getFirst())).isEqualTo("机组 1号机组 没有机组类别，不能核定配额"));

        // 2025 has no benchmarks, heat benchmarks or load correction: every problem named, per unit
        Plant q = fx.powerPlant("诸暨分配无基准测试热电有限公司", coalI("1号机组"), gas("2号机组"));
        fx.importYear(q, 2025, "300000.00", "300000.00", unit("1号机组", "200000", "0", "1000", "200000.00"),
                unit("2号机组", "100000", "0", "1000", "100000.00"));
        fx.assertRefusedWith(q, () -> allocations.finalise(zj, q.uscc(), 2025), pair("1号机组", "allocation.problem.benchmarkMissing"),
                pair("1号机组", "allocation.problem.heatBenchmarkMissing"), pair("1号机组", "allocation.problem.loadCorrectionMissing"),
                pair("2号机组", "allocation.problem.benchmarkMissing"), pair("2号机组", "allocation.problem.heatBenchmarkMissing"));
        assertThatThrownBy(() -> allocations.finalise(zj, q.uscc(), 2025)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations().stream().map(this::text)).contains("2025 年度未设定第 I 类机组的供电基准值", "2025 年度未设定第 IV 类机组的供电基准值"));
        assertThat(allocations.entity(zj, q.uscc(), 2025).problems()).isNotEmpty();
        assertThat(allocations.entity(zj, q.uscc(), 2025).basis().orElseThrow().units()).extracting(VerifiedBasis.Unit::category)
                .containsExactly(UnitCategory.I, UnitCategory.IV);
    }

    @Test
    void onlyTheProvincesOfficersAllocateAndOthersDoNotFindEmittersOutsideTheirView() {
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨分配权限测试热电有限公司", coalII("1号机组"));
        Plant other = fx.powerPlant("诸暨分配权限测试另一热电有限公司", coalII("1号机组"));
        fx.importYear(p, 2022, "200000.00", "200000.00");
        fx.importYear(p, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        Plant ningbo = fx.powerPlantIn("330212", "鄞州分配权限测试热电有限公司", coalII("1号机组"));
        fx.importYear(ningbo, 2022, "200000.00", "200000.00");

        // the city of the emitter (Shaoxing), the province's viewer and the emitter itself may not allocate
        for (CurrentUser u : List.of(fx.user("sx.city"), fx.user("zj.viewer"), p.officer())) {
            fx.assertThrows(p, () -> allocations.preAllocate(u, p.uscc(), 2023), AccessDenied.class);
            fx.assertThrows(p, () -> allocations.finalise(u, p.uscc(), 2023), AccessDenied.class);
            fx.assertThrows(p, () -> specialCases.record(u, p.uscc(), 2023, SpecialCaseKind.LEGAL_RISK, "测试"), AccessDenied.class);
            fx.assertThrows(p, () -> basis.importFigures(u, 2023, "测试", List.of(new AllocationBasis.EntityFigures(p.uscc(), BigDecimal.ONE,
                    BigDecimal.ONE, List.of()))), AccessDenied.class);
            fx.assertThrows(p, () -> allocations.preAllocateAll(u, 2023), AccessDenied.class);
            fx.assertThrows(p, () -> allocations.finaliseAll(u, 2023), AccessDenied.class);
        }
        // Ningbo's city bureau: refused for its own district's plant, and does not find a Shaoxing one
        fx.assertThrows(ningbo, () -> allocations.preAllocate(fx.user("nb.city"), ningbo.uscc(), 2023), AccessDenied.class);
        fx.assertThrows(p, () -> allocations.preAllocate(fx.user("nb.city"), p.uscc(), 2023), RecordNotFound.class);
        fx.assertThrows(p, () -> allocations.entity(fx.user("nb.city"), p.uscc(), 2023), RecordNotFound.class);
        // an emitter does not find another emitter; a verification firm finds none
        fx.assertThrows(other, () -> allocations.finalise(p.officer(), other.uscc(), 2023), RecordNotFound.class);
        fx.assertThrows(other, () -> allocations.entity(p.officer(), other.uscc(), 2023), RecordNotFound.class);
        fx.assertThrows(p, () -> allocations.entity(fx.user("verifier1"), p.uscc(), 2023), RecordNotFound.class);
        assertThat(allocations.year(fx.user("verifier1"), 2023)).isEmpty();
        assertThat(allocations.year(fx.user("nb.city"), 2023)).extracting(EntityYear::emitter).contains(ningbo.uscc()).doesNotContain(p.uscc());

        // the province decides, and the decision is read by the emitter but not by another one
        AllocationDecision d = allocations.preAllocate(zj, p.uscc(), 2023);
        assertThat(allocations.decision(p.officer(), d.id()).id()).isEqualTo(d.id());
        assertThatThrownBy(() -> allocations.decision(other.officer(), d.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> allocations.decision(fx.user("nb.city"), d.id())).isInstanceOf(RecordNotFound.class);
        assertThat(allocations.decision(fx.user("sx.city"), d.id()).id()).isEqualTo(d.id());
    }

    private String text(FieldViolation v) {
        return messages.getMessage(v.messageKey(), v.arguments().toArray(), java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
