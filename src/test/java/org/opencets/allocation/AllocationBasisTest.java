package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencets.allocation.AllocationFixtures.coalI;
import static org.opencets.allocation.AllocationFixtures.coalII;
import static org.opencets.allocation.AllocationFixtures.gas;
import static org.opencets.allocation.AllocationFixtures.pair;
import static org.opencets.allocation.AllocationFixtures.unit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.AllocationDecision.Account;
import org.opencets.allocation.AllocationFixtures.Plant;
import org.opencets.allocation.IssuanceInstruction.Direction;
import org.opencets.allocation.IssuanceInstruction.Purpose;
import org.opencets.directory.UnitCategory;
import org.opencets.identity.CurrentUser;
import org.opencets.mrv.ApprovedReport;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.Conclusion;
import org.opencets.verification.VerifiedEmissionsFinalised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verified data allocation builds on: imports (all or nothing, every problem named), a second import as a new
 * revision that makes a correction due, and verification's published result arriving as an event.
 *
 * <p>Data ownership: power plants (and one cement plant) registered here in 诸暨市; zj.officer imports and allocates.
 */
@IntegrationTest
class AllocationBasisTest {

    @Autowired
    Allocations allocations;
    @Autowired
    AllocationBasis basis;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    AllocationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AllocationFixtures(context);
    }

    @Test
    void aSecondImportIsANewRevisionAndTheFinalAllocationIsCorrected() {
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨核查数据更正测试热电有限公司", coalII("1号机组"));
        fx.importYear(p, 2022, "200000.00", "200000.00");
        // 2023 first: A = ⌊100,000 × 0.8090⌋ = 80,900 (F = 1.0000, Ff = 1); cap ⌊0.8 × 150,000⌋ = 120,000 → due 120,000
        VerifiedBasis first = fx.importYear(p, 2023, "150000.00", "150000.00", unit("1号机组", "100000", "0", "1000", "150000.00"));
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.source()).isEqualTo(VerifiedBasis.Source.IMPORT);
        assertThat(first.units()).extracting(VerifiedBasis.Unit::category, VerifiedBasis.Unit::ratedCapacityMw)
                .containsExactly(tuple(UnitCategory.II, new BigDecimal("100.00")));
        AllocationDecision pre = allocations.preAllocate(zj, p.uscc(), 2023); // 140,000
        AllocationDecision fin = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(fin.allocationDue()).isEqualTo(120_000);
        assertThat(fin.obligation()).isEqualTo(150_000);
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse();

        // corrected figures: 160,000.20 t; A still 80,900; cap ⌊0.8 × 160,000.20⌋ = ⌊128,000.16⌋ = 128,000 → due 128,000;
        // obligation ⌈160,000.20⌉ = 160,001; correction 128,000 − 120,000 = 8,000 issued
        VerifiedBasis second = fx.importYear(p, 2023, "160000.20", "160000.20", unit("1号机组", "100000", "0", "1000", "160000.20"));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(basis.revisions(zj, p.uscc(), 2023)).extracting(VerifiedBasis::revision).containsExactly(1, 2);
        assertThat(basis.latest(zj, p.uscc(), 2023)).get().extracting(VerifiedBasis::id).isEqualTo(second.id());
        EntityYear due = allocations.entity(zj, p.uscc(), 2023);
        assertThat(due.correctionDue()).isTrue();
        assertThat(due.basis()).get().extracting(VerifiedBasis::id).isEqualTo(second.id());

        AllocationDecision rev2 = allocations.finalise(zj, p.uscc(), 2023);
        assertThat(rev2.revision()).isEqualTo(2);
        assertThat(rev2.reason()).isEqualTo("CORRECTION");
        assertThat(rev2.basisId()).isEqualTo(second.id());
        assertThat(rev2.allocationDue()).isEqualTo(128_000);
        assertThat(rev2.obligation()).isEqualTo(160_001);
        assertThat(rev2.alreadyIssued()).isEqualTo(120_000);
        assertThat(rev2.toIssue()).isEqualTo(8_000);
        assertThat(allocations.entity(zj, p.uscc(), 2023).instructions()).extracting(IssuanceInstruction::decisionId, IssuanceInstruction::purpose,
                IssuanceInstruction::direction, IssuanceInstruction::quantity, IssuanceInstruction::account).containsExactly(
                        tuple(pre.id(), Purpose.PRE_ALLOCATION, Direction.ISSUE, 140_000L, Account.EMITTER),
                        tuple(fin.id(), Purpose.TRUE_UP, Direction.TAKE_BACK, 20_000L, Account.EMITTER),
                        tuple(rev2.id(), Purpose.CORRECTION, Direction.ISSUE, 8_000L, Account.EMITTER));
        assertThat(allocations.entity(zj, p.uscc(), 2023).correctionDue()).isFalse();
        fx.assertRefused(p, () -> allocations.finalise(zj, p.uscc(), 2023), "allocation.refused.alreadyFinal");
    }

    @Test
    void anImportWithAnyProblemRecordsNothingAndNamesEveryProblem() {
        CurrentUser zj = fx.province();
        Plant good = fx.powerPlant("诸暨导入测试正常热电有限公司", coalI("1号机组"), gas("2号机组"));
        Plant cement = fx.cementPlant("诸暨导入测试水泥有限公司");
        Uscc unknown = Uscc.of(org.opencets.support.Demo.freshUscc(AllocationFixtures.REGION));
        var ok = new AllocationBasis.EntityFigures(good.uscc(), new BigDecimal("300000.00"), new BigDecimal("300000.00"),
                List.of(unit("1号机组", "200000", "0", "1000", "200000.00"), unit("2号机组", "100000", "0", "1000", "100000.00")));
        List<AllocationBasis.EntityFigures> file = List.of(ok,
                new AllocationBasis.EntityFigures(cement.uscc(), new BigDecimal("1000.00"), new BigDecimal("1000.00"), List.of()),
                new AllocationBasis.EntityFigures(unknown, new BigDecimal("1000.00"), new BigDecimal("1000.00"), List.of()),
                ok);
        long before = fx.count("select count(*) from allocation.basis");
        assertThatThrownBy(() -> basis.importFigures(zj, 2023, "测试", file)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).contains(
                        tuple(cement.uscc().value(), "allocation.import.notPower"), tuple(unknown.value(), "allocation.import.unknownEmitter"),
                        tuple(good.uscc().value(), "allocation.import.duplicate")));
        assertThat(fx.count("select count(*) from allocation.basis")).isEqualTo(before);

        // a unit the directory does not know, a unit twice, negative figures, units not adding up, compliance above total
        fx.assertRefusedWith(good, () -> basis.importFigures(zj, 2023, "测试", List.of(new AllocationBasis.EntityFigures(good.uscc(),
                new BigDecimal("300000.00"), new BigDecimal("300000.00"), List.of(unit("3号机组", "1", "0", "1", "50000.00"),
                        unit("1号机组", "200000", "0", "1000", "200000.00"), unit("1号机组", "-1", "0", "1000", "0.00"))))),
                pair(good.uscc().value() + "/3号机组", "allocation.import.unknownUnit"), pair(good.uscc().value() + "/1号机组", "allocation.import.unitTwice"),
                pair(good.uscc().value() + "/1号机组", "allocation.import.unitFigures"), pair(good.uscc().value(), "allocation.import.unitSum"));
        fx.assertRefusedWith(good, () -> basis.importFigures(zj, 2023, "测试", List.of(new AllocationBasis.EntityFigures(good.uscc(),
                new BigDecimal("100.00"), new BigDecimal("200.00"), List.of()))), pair(good.uscc().value(), "allocation.import.entityFigures"));
        fx.assertRefusedWith(good, () -> basis.importFigures(zj, 2023, "测试", List.of()), pair("file", "allocation.import.empty"));
        // a bureau of another city does not import for Zhejiang's emitters — only the allocating bureau does
        assertThatThrownBy(() -> basis.importFigures(fx.user("nb.city"), 2023, "测试", List.of(ok)))
                .isInstanceOf(org.opencets.identity.AccessDenied.class);

        // all fine: recorded with the directory's categories and capacities
        VerifiedBasis b = basis.importFigures(zj, 2023, "测试", List.of(ok)).getFirst();
        assertThat(b.units()).extracting(VerifiedBasis.Unit::unit, VerifiedBasis.Unit::category, VerifiedBasis.Unit::ratedCapacityMw)
                .containsExactly(tuple("1号机组", UnitCategory.I, new BigDecimal("600.00")), tuple("2号机组", UnitCategory.IV, new BigDecimal("400.00")));
    }

    @Test
    void verificationsPublishedResultBecomesTheBasisOnceAndCannotBeReplacedByAnImport() throws Exception {
        CurrentUser zj = fx.province();
        Plant p = fx.powerPlant("诸暨核查结果事件测试热电有限公司", coalI("1号机组"), gas("2号机组"));
        UUID task = UUID.randomUUID();
        VerifiedEmissionsFinalised event = new VerifiedEmissionsFinalised(task, UUID.randomUUID(), p.uscc(), p.name(), p.emitter().region(), 2024, 1,
                new BigDecimal("300100.00"), new BigDecimal("300000.00"),
                List.of(new Conclusion.Line("1号机组", new BigDecimal("200050.00"), new BigDecimal("200000.00"), new BigDecimal("250000"),
                        new BigDecimal("1000")), new Conclusion.Line("2号机组", new BigDecimal("100050.00"), new BigDecimal("100000.00"),
                                new BigDecimal("300000"), null)),
                null, null, Instant.parse("2025-09-30T02:00:00Z"));
        publish(event);
        awaitHandled(task, 1);

        List<VerifiedBasis> revisions = basis.revisions(zj, p.uscc(), 2024);
        assertThat(revisions).hasSize(1);
        VerifiedBasis b = basis.latest(zj, p.uscc(), 2024).orElseThrow();
        assertThat(b.revision()).isEqualTo(1);
        assertThat(b.source()).isEqualTo(VerifiedBasis.Source.VERIFICATION);
        assertThat(b.reference()).contains(task.toString());
        assertThat(b.verifiedTotal()).isEqualByComparingTo("300100.00");
        assertThat(b.verifiedCompliance()).isEqualByComparingTo("300000.00");
        assertThat(b.recordedAt()).isEqualTo(Instant.parse("2025-09-30T02:00:00Z"));
        // the compliance figure of each unit; category and capacity from the directory; heat missing read as 0
        assertThat(b.units()).extracting(VerifiedBasis.Unit::unit, VerifiedBasis.Unit::category, VerifiedBasis.Unit::ratedCapacityMw,
                VerifiedBasis.Unit::emissions, VerifiedBasis.Unit::heatGj).containsExactly(
                        tuple("1号机组", UnitCategory.I, new BigDecimal("600.00"), new BigDecimal("200000.00"), new BigDecimal("1000.00")),
                        tuple("2号机组", UnitCategory.IV, new BigDecimal("400.00"), new BigDecimal("100000.00"), new BigDecimal("0.00")));

        // delivered again: nothing new
        publish(event);
        awaitHandled(task, 2);
        assertThat(basis.revisions(zj, p.uscc(), 2024)).hasSize(1);

        // a non-power emitter's result (the entity line only) is not allocation's
        Plant cement = fx.cementPlant("诸暨核查结果事件测试水泥有限公司");
        UUID cementTask = UUID.randomUUID();
        publish(new VerifiedEmissionsFinalised(cementTask, UUID.randomUUID(), cement.uscc(), cement.name(), cement.emitter().region(), 2024, 1,
                new BigDecimal("50000.00"), new BigDecimal("50000.00"), List.of(new Conclusion.Line(ApprovedReport.ENTITY, new BigDecimal("50000.00"),
                        new BigDecimal("50000.00"), null, null)), null, null, Instant.now()));
        awaitHandled(cementTask, 1);
        assertThat(fx.counts(cement).bases()).isZero();

        // the platform's result stands: an import for that emitter and year is refused
        fx.assertRefused(p, () -> fx.importYear(p, 2024, "1.00", "1.00"), "allocation.import.verifiedInPlatform");
        assertThatThrownBy(() -> fx.importYear(p, 2024, "1.00", "1.00")).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(p.uscc().value()));
        // another year is still open to imports
        assertThat(fx.importYear(p, 2023, "1.00", "1.00").revision()).isEqualTo(1);
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> publisher.publishEvent(event));
    }

    /** Waits (up to 10 s) until allocation's listener completed {@code times} publications of the task's event. */
    private void awaitHandled(UUID task, int times) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            long done = jdbc.sql("""
                    select count(*) from event_publication where listener_id like '%AllocationBasis%' and serialized_event like ?
                    and completion_date is not null""").param("%" + task + "%").query(Long.class).single();
            if (done >= times) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("allocation's listener did not handle the event of task " + task + " " + times + " time(s) within 10 s");
    }
}
