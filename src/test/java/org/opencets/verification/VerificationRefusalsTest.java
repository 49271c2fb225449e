package org.opencets.verification;

import org.opencets.shared.Backdating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.verification.VerificationFixtures.YEAR;
import static org.opencets.verification.VerificationFixtures.assertRefused;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Sector;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.opencets.verification.VerificationFixtures.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What verification refuses, each refusal leaving the task as it was (status, version, history, rows): a conflicted or
 * unqualified firm, an incomplete or premature conclusion, a late objection, another firm's or another emitter's hands on
 * a task, and anyone but the city organising.
 *
 * <p>Data ownership: cement plants registered here (fresh USCCs in 北仑区) with an approved 2025 report, one firm of the
 * test's own; the demo firms verify or are refused.
 */
@IntegrationTest
class VerificationRefusalsTest {

    @Autowired
    VerificationTasks tasks;
    @Autowired
    VerificationWork work;
    @Autowired
    VerificationResults results;
    @Autowired
    VerificationFirms firms;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    VerificationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new VerificationFixtures(context);
    }

    @Test
    void aFirmThatConsultedForTheEmitterThatYearIsNotAssigned() {
        CurrentUser city = fx.city();
        Firm jiacheng = fx.jiacheng();
        Plant plant = fx.cementPlant("宁波北仑核查冲突测试水泥有限公司");
        VerificationTask t = fx.task(plant);
        Engagement e = firms.recordEngagement(city, jiacheng.organisationId(), plant.uscc(), YEAR, Engagement.Kind.CONSULTING, "能源管理体系咨询");
        assertThat(e.province()).isEqualTo("33");
        assertThat(firms.engagements(city, jiacheng.organisationId())).extracting(Engagement::id).contains(e.id());
        Snapshot before = fx.snapshot(t.id());

        assertThatThrownBy(() -> tasks.assign(city, t.id(), t.version(), jiacheng.organisationId())).isInstanceOfSatisfying(ValidationFailed.class,
                ex -> {
                    assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                            .containsExactly(org.assertj.core.api.Assertions.tuple("firm", "verification.conflict.CONSULTED_EMITTER"));
                    assertThat(ex.violations().getFirst().arguments()).startsWith(jiacheng.name(), "CONSULTING");
                });
        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        assertThat(tasks.task(city, t.id()).firmId()).isNull();
        // the candidates list shows why
        assertThat(tasks.candidates(city, t.id()).get(jiacheng)).extracting(Conflict::code).containsExactly(Conflict.Code.CONSULTED_EMITTER);
        // the other demo firm may verify it
        assertThat(tasks.assign(city, t.id(), t.version(), fx.yongqing().organisationId()).status()).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void aFirmNotQualifiedForTheSectorIsNotAssigned() {
        CurrentUser city = fx.city();
        Firm powerOnly = fx.freshFirm("宁波火电核查测试有限公司", EnumSet.of(Sector.POWER));
        try {
            Plant plant = fx.cementPlant("宁波北仑核查资质测试水泥有限公司");
            VerificationTask t = fx.task(plant);
            Snapshot before = fx.snapshot(t.id());
            assertRefused(() -> tasks.assign(city, t.id(), t.version(), powerOnly.organisationId()), "firm", "verification.conflict.SECTOR_NOT_QUALIFIED");
            assertThat(fx.snapshot(t.id())).isEqualTo(before);
            assertThat(tasks.candidates(city, t.id()).get(powerOnly)).extracting(Conflict::code).containsExactly(Conflict.Code.SECTOR_NOT_QUALIFIED);
        } finally {
            fx.retire(powerOnly);
        }
    }

    @Test
    void aConclusionNeedsTheReviewSettledFindingsAndAFigureForEveryUnit() {
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑核查结论测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());

        // before the document review
        Snapshot fresh = fx.snapshot(t.id());
        assertRefused(() -> work.conclude(verifier, t.id(), t.version(), VerificationFixtures.input(t, VerificationFixtures.reported(t), "结论")),
                "review", "verification.conclusion.noReview");
        assertThat(fx.snapshot(t.id())).isEqualTo(fresh);

        // with a finding open, and still while the emitter's correction waits for the verifier
        VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告。");
        // once the firm has started, the city cannot give the task to another firm
        Snapshot started = fx.snapshot(t.id());
        assertRefused(() -> tasks.assign(fx.city(), t.id(), reviewed.version(), fx.jiacheng().organisationId()), "firm", "verification.task.workStarted");
        assertThat(fx.snapshot(t.id())).isEqualTo(started);
        Finding f = work.raiseFinding(verifier, t.id(), "熟料产量与出库记录不一致", "请说明 6 月熟料产量差异。");
        Snapshot open = fx.snapshot(t.id());
        assertRefused(() -> work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed),
                "结论")), "findings", "verification.conclusion.pendingFindings");
        assertThat(fx.snapshot(t.id())).isEqualTo(open);
        Finding answered = work.respond(plant.officer(), f.id(), f.version(), "6 月有 120 吨熟料外购，已在报告中说明。");
        Snapshot corrected = fx.snapshot(t.id());
        assertRefused(() -> work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed),
                "结论")), "findings", "verification.conclusion.pendingFindings");
        assertThat(fx.snapshot(t.id())).isEqualTo(corrected);
        work.judgeFinding(verifier, f.id(), answered.version(), Finding.Status.CLOSED, "说明合理。");

        // without the unit's figure
        Snapshot settled = fx.snapshot(t.id());
        assertRefused(() -> work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed, List.of(), "结论")),
                "ENTITY.emissions", "verification.conclusion.missingFigure");
        assertRefused(() -> work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed,
                List.of(new Conclusion.Line("ENTITY", reviewed.reportedTotal(), null, null, null)), "结论")), "ENTITY.emissions",
                "verification.conclusion.missingFigure");
        assertThat(fx.snapshot(t.id())).isEqualTo(settled);
        assertThat(tasks.task(verifier, t.id()).status()).isEqualTo(TaskStatus.ASSIGNED);

        // complete: accepted
        Conclusion c = work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed),
                "排放报告数据真实、准确、完整。"));
        assertThat(c.number()).isEqualTo(1);
    }

    @Test
    void anObjectionAfterTheWindowIsRefused() {
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑逾期异议测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
        VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告。");
        // concluded four weeks ago: the 7-working-day window closed about two weeks ago
        Backdating.at(VerificationFixtures.daysAgo(28), () -> work.conclude(verifier, t.id(), reviewed.version(),
                VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed), "排放报告数据真实、准确、完整。")));
        VerificationTask concluded = tasks.task(plant.officer(), t.id());
        assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        assertThat(concluded.objectionUntil()).isBefore(LocalDate.now(VerificationFixtures.CHINA));

        Snapshot before = fx.snapshot(t.id());
        assertRefused(() -> results.object(plant.officer(), t.id(), concluded.version(), "核查排放量偏高。"), "grounds", "verification.objection.late");
        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        assertThat(tasks.view(plant.officer(), t.id()).objections()).isEmpty();
    }

    @Test
    void aFirmWorksOnlyItsOwnTasksAndAnEmitterSeesOnlyItsOwn() {
        CurrentUser verifier = fx.verifier1();
        CurrentUser otherFirm = fx.verifier2();
        CurrentUser city = fx.city();
        Plant plant = fx.cementPlant("宁波北仑核查权限测试水泥有限公司");
        Plant neighbour = fx.cementPlant("宁波北仑核查权限邻厂测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
        Finding f = work.raiseFinding(verifier, t.id(), "燃煤计量器具未检定", "请提供皮带秤检定证书。");
        Snapshot before = fx.snapshot(t.id());

        // another firm: the task does not exist for it
        assertThatThrownBy(() -> tasks.task(otherFirm, t.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> tasks.view(otherFirm, t.id())).isInstanceOf(RecordNotFound.class);
        assertThat(tasks.tasks(otherFirm, YEAR)).extracting(VerificationTask::id).doesNotContain(t.id());
        assertThatThrownBy(() -> work.reviewDocuments(otherFirm, t.id(), t.version(), "越权评审")).isInstanceOfAny(RecordNotFound.class, AccessDenied.class);
        assertThatThrownBy(() -> work.raiseFinding(otherFirm, t.id(), "越权", "越权")).isInstanceOfAny(RecordNotFound.class, AccessDenied.class);
        assertThatThrownBy(() -> work.judgeFinding(otherFirm, f.id(), f.version(), Finding.Status.UNRESOLVED, "越权"))
                .isInstanceOfAny(RecordNotFound.class, AccessDenied.class);
        assertThatThrownBy(() -> work.conclude(otherFirm, t.id(), t.version(), VerificationFixtures.input(t, VerificationFixtures.reported(t), "越权")))
                .isInstanceOfAny(RecordNotFound.class, AccessDenied.class);
        // the emitter and the city see the task but do not do the firm's work
        assertThatThrownBy(() -> work.reviewDocuments(plant.officer(), t.id(), t.version(), "企业自评")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> work.raiseFinding(city, t.id(), "市局", "市局")).isInstanceOf(AccessDenied.class);
        // the firm does not answer its own finding
        assertThatThrownBy(() -> work.respond(verifier, f.id(), f.version(), "代答")).isInstanceOf(AccessDenied.class);

        // another emitter: neither the task nor its finding exists for it
        assertThatThrownBy(() -> tasks.task(neighbour.officer(), t.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> tasks.view(neighbour.officer(), t.id())).isInstanceOf(RecordNotFound.class);
        assertThat(tasks.tasks(neighbour.officer(), YEAR)).extracting(VerificationTask::id).doesNotContain(t.id());
        assertThatThrownBy(() -> work.respond(neighbour.officer(), f.id(), f.version(), "代答")).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> results.object(neighbour.officer(), t.id(), t.version(), "异议")).isInstanceOf(RecordNotFound.class);
        // national operators (registry, exchange, bank) get final figures through events, not the working file
        for (String operator : new String[] {"registry.operator", "exchange", "bank"}) {
            assertThatThrownBy(() -> tasks.view(fx.user(operator), t.id())).as(operator).isInstanceOf(RecordNotFound.class);
        }

        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        assertThat(tasks.view(plant.officer(), t.id()).findings()).singleElement().extracting(Finding::status).isEqualTo(Finding.Status.OPEN);
    }

    @Test
    void onlyTheCityCreatesAssignsAndDraws() {
        Plant plant = fx.cementPlant("宁波北仑核查组织权限测试水泥有限公司");
        VerificationTask t = fx.task(plant);
        Snapshot before = fx.snapshot(t.id());
        long tasksBefore = jdbc.sql("select count(*) from verification.task").query(Long.class).single();
        for (String username : List.of("beilun.district", "zj.officer", "verifier1", "ministry.viewer")) {
            CurrentUser user = fx.user(username);
            assertThatThrownBy(() -> tasks.createTasks(user, YEAR)).as(username).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> tasks.draw(user, YEAR, "seed")).as(username).isInstanceOf(AccessDenied.class);
        }
        assertThatThrownBy(() -> tasks.createTasks(plant.officer(), YEAR)).isInstanceOf(AccessDenied.class);
        // the district sees the task of its district but does not assign it
        CurrentUser district = fx.user("beilun.district");
        assertThat(tasks.task(district, t.id()).id()).isEqualTo(t.id());
        assertThatThrownBy(() -> tasks.assign(district, t.id(), t.version(), fx.yongqing().organisationId())).isInstanceOf(AccessDenied.class);
        // Shaoxing's city bureau does not see a Ningbo task
        assertThatThrownBy(() -> tasks.assign(fx.user("sx.city"), t.id(), t.version(), fx.yongqing().organisationId()))
                .isInstanceOf(RecordNotFound.class);
        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from verification.task").query(Long.class).single()).isEqualTo(tasksBefore);
    }
}
