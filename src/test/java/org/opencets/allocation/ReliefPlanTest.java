package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.allocation.BorrowingFixtures.REGIONAL_DEADLINE;
import static org.opencets.allocation.BorrowingFixtures.YEAR;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.BorrowingFixtures.Plant;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.identity.AccessDenied;
import org.opencets.inbox.Obligations;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Relief plans (纾困方案, seed 003 §三) in 嵊州: the emitter applies with its duties, difficulty and requested measures and a
 * document; the province approves with a note; missing fields, a second open plan, a second decision and an application
 * after the (national, 2021) deadline are refused and change nothing.
 *
 * <p>Data ownership: fresh power plants in 330683 and the 330683 deadline rules of {@link BorrowingFixtures}; zj.officer.
 */
@IntegrationTest
class ReliefPlanTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ReliefPlans reliefPlans;
    @Autowired
    Obligations obligations;
    @Autowired
    EvidenceFiles files;

    BorrowingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BorrowingFixtures(context);
    }

    @Test
    void theEmitterAppliesWithADocumentAndTheProvinceApprovesOnce() throws Exception {
        Plant plant = fx.plant("嵊州纾困测试供热有限公司");
        ReliefPlan p = reliefPlans.apply(plant.officer(), YEAR, "承担嵊州城区居民集中供热任务", "燃煤价格上涨，无法足额清缴", "申请延期清缴",
                List.of(upload("供热任务证明.pdf")));
        assertThat(p.status()).isEqualTo(ReliefPlan.Status.SUBMITTED);
        assertThat(p.documents()).singleElement().satisfies(d -> {
            assertThat(d.fileName()).isEqualTo("供热任务证明.pdf");
            assertThat(d.sizeBytes()).isEqualTo(BorrowingFixtures.pdf("供热任务证明.pdf").length);
        });
        try (var in = files.open(p.documents().getFirst().sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(BorrowingFixtures.pdf("供热任务证明.pdf"));
        }
        assertThat(obligations.find(ReliefPlans.key(p.id())).orElseThrow().due()).isEqualTo(REGIONAL_DEADLINE);
        // a further document while it is undecided
        ReliefPlan more = reliefPlans.attach(plant.officer(), p.id(), "补充说明.pdf", new ByteArrayInputStream(BorrowingFixtures.pdf("补充说明.pdf")));
        assertThat(more.documents()).hasSize(2);

        // a second plan while this one is open: refused
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), YEAR, "任务", "困难", "措施", List.of()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.refused.alreadyApplied"));
        assertThat(fx.reliefRows(plant)).isOne();

        // the province decides, with a note; the emitter and the city cannot
        assertThatThrownBy(() -> reliefPlans.approve(plant.officer(), p.id(), more.version(), "自批")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reliefPlans.approve(fx.city(), p.id(), more.version(), "市局批")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reliefPlans.approve(fx.province(), p.id(), more.version(), ""))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.note.missing"));
        ReliefPlan approved = reliefPlans.approve(fx.province(), p.id(), more.version(), "同意报送生态环境部应对气候变化司统筹考虑");
        assertThat(approved.status()).isEqualTo(ReliefPlan.Status.APPROVED);
        assertThat(approved.decisionNote()).startsWith("同意报送");
        assertThat(approved.decidedBy()).isEqualTo("zj.officer");
        assertThat(obligations.find(ReliefPlans.key(p.id())).orElseThrow().closedAt()).isNotNull();

        // decided once; no more documents; an approved plan still blocks another
        assertThatThrownBy(() -> reliefPlans.reject(fx.province(), p.id(), approved.version(), "改为驳回"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.refused.alreadyDecided"));
        assertThatThrownBy(() -> reliefPlans.attach(plant.officer(), p.id(), "迟到.pdf", new ByteArrayInputStream(BorrowingFixtures.pdf("迟到"))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.refused.alreadyDecided"));
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), YEAR, "任务", "困难", "措施", List.of()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.refused.alreadyApplied"));
        assertThat(reliefPlans.get(fx.province(), p.id()).documents()).hasSize(2);
        assertThat(reliefPlans.ofYear(fx.province(), YEAR)).extracting(ReliefPlan::id).contains(p.id());
    }

    @Test
    void missingFieldsABadDocumentAndTheDeadlineAreRefusedAndNothingIsStored() {
        Plant plant = fx.plant("嵊州纾困测试拒绝供热有限公司");
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), YEAR, " ", null, "", List.of()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.duties.missing",
                        "allocation.relief.difficulty.missing", "allocation.relief.measures.missing"));
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), YEAR, "任务", "困", "x".repeat(2001), List.of()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("allocation.relief.text.tooLong"));
        // a file that is not what its name says: the whole application is refused
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), YEAR, "任务", "困难", "措施",
                List.of(new ReliefPlans.Upload("证明.pdf", new ByteArrayInputStream("not a pdf".getBytes())))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(keys(e)).containsExactly("evidence.type.mismatch"));
        // only the emitter's officers apply
        assertThatThrownBy(() -> reliefPlans.apply(fx.province(), YEAR, "任务", "困难", "措施", List.of())).isInstanceOf(AccessDenied.class);
        // 2021 in 嵊州 keeps the national deadline 2023-08-04
        assertThatThrownBy(() -> reliefPlans.apply(plant.officer(), 2021, "任务", "困难", "措施", List.of()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(keys(e)).containsExactly("allocation.relief.refused.deadlinePassed");
                    assertThat(e.violations().getFirst().arguments()).containsExactly("2023-08-04");
                });
        assertThat(fx.reliefRows(plant)).isZero();

        // a rejected plan may be followed by a new one
        ReliefPlan p = reliefPlans.apply(plant.officer(), YEAR, "任务", "困难", "措施", List.of());
        ReliefPlan rejected = reliefPlans.reject(fx.province(), p.id(), p.version(), "不属于重大民生保障任务");
        assertThat(rejected.status()).isEqualTo(ReliefPlan.Status.REJECTED);
        ReliefPlan again = reliefPlans.apply(plant.officer(), YEAR, "承担全市应急调峰任务", "困难", "措施", List.of());
        assertThat(reliefPlans.of(plant.officer(), plant.uscc(), YEAR)).extracting(ReliefPlan::id).containsExactly(again.id(), p.id());
    }

    private static ReliefPlans.Upload upload(String name) {
        return new ReliefPlans.Upload(name, new ByteArrayInputStream(BorrowingFixtures.pdf(name)));
    }

    private static List<String> keys(ValidationFailed e) {
        return e.violations().stream().map(FieldViolation::messageKey).toList();
    }
}
