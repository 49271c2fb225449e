package org.opencets.verification;

import org.opencets.shared.Backdating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencets.verification.VerificationFixtures.YEAR;
import static org.opencets.verification.VerificationFixtures.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 6 end to end: the city creates the year's tasks and assigns a firm, the firm reviews the documents, visits the
 * site and raises a finding that the emitter corrects, concludes; the emitter objects, the city coordinates and upholds
 * the objection, the firm revises and the figures are final — published once as {@link VerifiedEmissionsFinalised}.
 * Then re-verification (figures changed: a second publication; confirmed: none) and the closing of an unused objection
 * window.
 *
 * <p>Data ownership: cement plants registered here (fresh USCCs in 北仑区) with an approved 2025 report; the demo firm
 * 浙江甬清环境科技有限公司 (verifier1) verifies them.
 */
@IntegrationTest
@RecordApplicationEvents
class VerificationWorkflowTest {

    @Autowired
    VerificationTasks tasks;
    @Autowired
    VerificationWork work;
    @Autowired
    VerificationResults results;
    @Autowired
    VerifiedEmissions verified;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.context.ApplicationContext context;

    VerificationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new VerificationFixtures(context);
    }

    List<VerifiedEmissionsFinalised> published(UUID taskId) {
        return events.stream(VerifiedEmissionsFinalised.class).filter(e -> e.taskId().equals(taskId)).toList();
    }

    @Test
    void tasksAreCreatedOnceAssignedWorkedConcludedObjectedUpheldRevisedAndPublishedOnce() {
        CurrentUser city = fx.city();
        CurrentUser verifier = fx.verifier1();
        Firm yongqing = fx.yongqing();
        Plant plant = fx.cementPlant("宁波北仑核查流程测试水泥有限公司");

        // ---- the city creates the year's tasks: one for the approved report; a second run creates none
        int before = tasks.tasks(city, YEAR).size();
        int created = tasks.createTasks(city, YEAR);
        assertThat(created).isPositive();
        assertThat(tasks.tasks(city, YEAR)).hasSize(before + created);
        assertThat(tasks.createTasks(city, YEAR)).isZero();
        VerificationTask t = fx.taskOf(plant);
        assertThat(t.status()).isEqualTo(TaskStatus.UNASSIGNED);
        assertThat(t.sector().name()).isEqualTo("BUILDING_MATERIALS");
        assertThat(t.lines()).extracting(VerificationTask.ReportedLine::unit).containsExactly("ENTITY");
        assertThat(t.reportedTotal()).isPositive();
        assertThat(t.products()).containsKeys("CLINKER", "CEMENT");
        // the firm does not see an unassigned task
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.task(verifier, t.id())).isInstanceOf(org.opencets.shared.RecordNotFound.class);

        // ---- manual assignment: the candidates list the firm as eligible
        assertThat(tasks.candidates(city, t.id())).hasEntrySatisfying(yongqing, conflicts -> assertThat(conflicts).isEmpty());
        VerificationTask assigned = tasks.assign(city, t.id(), t.version(), yongqing.organisationId());
        assertThat(assigned.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(assigned.firmId()).isEqualTo(yongqing.organisationId());
        assertThat(assigned.assignedHow()).isEqualTo(VerificationTask.Assignment.MANUAL);
        assertThat(tasks.tasks(verifier, YEAR)).extracting(VerificationTask::id).contains(t.id());
        assertThat(tasks.tasks(plant.officer(), YEAR)).extracting(VerificationTask::id).containsExactly(t.id());

        // ---- the firm's work: document review, site visit, a finding the emitter corrects and the verifier closes
        VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), assigned.version(), "核对了年度排放报告、熟料产量月报、燃煤化验报告及电网结算单。");
        assertThat(reviewed.documentReviewDone()).isTrue();
        SiteVisit visit = work.recordVisit(verifier, t.id(), LocalDate.now(VerificationFixtures.CHINA).minusDays(1), "邓雅琴", "中控室、化验室、熟料库",
                "熟料产量与出库记录一致。");
        assertThat(visit.taskId()).isEqualTo(t.id());
        Finding finding = work.raiseFinding(verifier, t.id(), "燃煤化验报告缺少检测机构资质标识", "请补充 CNAS 认可证书及加盖标识的化验报告。");
        assertThat(finding.status()).isEqualTo(Finding.Status.OPEN);
        assertThat(finding.number()).isEqualTo(1);
        // the emitter sees the finding on its own task
        assertThat(tasks.view(plant.officer(), t.id()).findings()).extracting(Finding::id).containsExactly(finding.id());
        Finding answered = work.respond(plant.officer(), finding.id(), finding.version(), "已补充检测机构 CNAS 认可证书（L1234）及加盖标识的化验报告。");
        assertThat(answered.status()).isEqualTo(Finding.Status.CORRECTED);
        assertThat(answered.respondedBy()).isEqualTo(plant.officer().username());
        Finding closed = work.judgeFinding(verifier, finding.id(), answered.version(), Finding.Status.CLOSED, "资质证明齐全。");
        assertThat(closed.status()).isEqualTo(Finding.Status.CLOSED);
        assertThat(tasks.view(verifier, t.id()).pendingFindings()).isZero();

        // ---- the conclusion: the reported figures, the objection window open
        VerificationTask ready = tasks.task(verifier, t.id());
        List<Conclusion.Line> first = VerificationFixtures.reported(ready);
        Conclusion c1 = work.conclude(verifier, t.id(), ready.version(), VerificationFixtures.input(ready, first, "排放报告数据真实、准确、完整。"));
        assertThat(c1.number()).isEqualTo(1);
        assertThat(c1.reason()).isEqualTo(Conclusion.Reason.FIRST);
        assertThat(c1.verifiedTotal()).isEqualByComparingTo(ready.reportedTotal());
        assertThat(c1.contentSha256()).hasSize(64);
        VerificationTask concluded = tasks.task(plant.officer(), t.id());
        assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        assertThat(concluded.objectionUntil()).isAfter(LocalDate.now(VerificationFixtures.CHINA));
        assertThat(published(t.id())).as("nothing final while the objection window is open").isEmpty();
        assertThat(verified.current(plant.uscc(), YEAR)).isEmpty();

        // ---- the emitter objects; the city coordinates and upholds the objection
        Objection objection = results.object(plant.officer(), t.id(), concluded.version(), "熟料产量应以出库量核减 200 吨对应排放。");
        assertThat(objection.open()).isTrue();
        assertThat(objection.decideBy()).isAfter(LocalDate.now(VerificationFixtures.CHINA));
        assertThat(tasks.task(city, t.id()).status()).isEqualTo(TaskStatus.OBJECTED);
        results.coordinate(city, t.id(), "组织企业与核查机构当面核对熟料出库记录，双方同意按出库量核减。");
        VerificationTask objected = tasks.task(city, t.id());
        VerificationTask upheld = results.decide(city, t.id(), objected.version(), Objection.Decision.UPHELD, "异议成立，请核查机构按出库量修改核查报告。");
        assertThat(upheld.status()).isEqualTo(TaskStatus.REVISION_REQUIRED);
        assertThat(published(t.id())).as("an upheld objection publishes nothing yet").isEmpty();
        Objection decided = tasks.view(city, t.id()).objections().getFirst();
        assertThat(decided.decision()).isEqualTo(Objection.Decision.UPHELD);
        assertThat(decided.notes()).hasSize(1);

        // ---- the firm revises: conclusion #2, final at once, published once with the revised figures
        List<Conclusion.Line> revised = VerificationFixtures.less(upheld, "100");
        Conclusion c2 = work.conclude(verifier, t.id(), upheld.version(), VerificationFixtures.input(upheld, revised, "根据异议处理决定，核减熟料排放 100 吨。"));
        assertThat(c2.number()).isEqualTo(2);
        assertThat(c2.reason()).isEqualTo(Conclusion.Reason.OBJECTION_UPHELD);
        assertThat(c2.verifiedTotal()).isEqualByComparingTo(c1.verifiedTotal().subtract(new BigDecimal("100")));
        assertThat(tasks.task(city, t.id()).status()).isEqualTo(TaskStatus.FINAL);

        List<VerifiedEmissionsFinalised> finalised = published(t.id());
        assertThat(finalised).hasSize(1);
        VerifiedEmissionsFinalised event = finalised.getFirst();
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.conclusionId()).isEqualTo(c2.id());
        assertThat(event.emitter()).isEqualTo(plant.uscc());
        assertThat(event.year()).isEqualTo(YEAR);
        assertThat(event.verifiedTotal()).isEqualByComparingTo(VerificationFixtures.sum(revised, Conclusion.Line::emissions));
        assertThat(event.verifiedCompliance()).isEqualByComparingTo(VerificationFixtures.sum(revised, Conclusion.Line::compliance));
        assertThat(event.previousCompliance()).isNull();
        assertThat(event.units()).extracting(Conclusion.Line::unit, Conclusion.Line::emissions)
                .containsExactly(tuple("ENTITY", revised.getFirst().emissions()));
        assertThat(fx.count("published_result", t.id())).isEqualTo(1);

        VerifiedEmissionsFinalised current = verified.current(plant.uscc(), YEAR).orElseThrow();
        assertThat(current.revision()).isEqualTo(1);
        assertThat(current.conclusionId()).isEqualTo(c2.id());
        assertThat(current.verifiedCompliance()).isEqualByComparingTo(event.verifiedCompliance());

        // ---- the history names every step and who took it
        TaskView view = tasks.view(city, t.id());
        assertThat(view.conclusions()).extracting(Conclusion::number).containsExactly(1, 2);
        assertThat(view.history()).extracting(TaskEvent::action, TaskEvent::actor).containsSubsequence(
                tuple("CREATED", "nb.city"),
                tuple("ASSIGNED", "nb.city"),
                tuple("DOCUMENT_REVIEW", "verifier1"),
                tuple("SITE_VISIT", "verifier1"),
                tuple("FINDING_RAISED", "verifier1"),
                tuple("FINDING_ANSWERED", plant.officer().username()),
                tuple("FINDING_CLOSED", "verifier1"),
                tuple("CONCLUDED", "verifier1"),
                tuple("OBJECTED", plant.officer().username()),
                tuple("COORDINATED", "nb.city"),
                tuple("OBJECTION_UPHELD", "nb.city"),
                tuple("REVISION_REQUIRED", "nb.city"),
                tuple("REVISED", "verifier1"),
                tuple("PUBLISHED", "verifier1"));
        assertThat(view.history()).filteredOn(e -> e.action().startsWith("PUBLISHED")).hasSize(1);
        assertThat(view.history()).filteredOn(e -> e.action().equals("ASSIGNED")).extracting(TaskEvent::detail).containsExactly(yongqing.name());

        // ---- a final result takes no more work, objection or acceptance
        VerificationTask fin = tasks.task(city, t.id());
        assertRefused(() -> work.conclude(verifier, t.id(), fin.version(), VerificationFixtures.input(fin, revised, "再次修改")), "status",
                "verification.task.notWorking");
        assertRefused(() -> results.accept(plant.officer(), t.id(), fin.version()), "status", "verification.objection.notConcluded");
        assertThat(published(t.id())).hasSize(1);
    }

    @Test
    void reverificationThatChangesTheFiguresRequiresTheirRevisionAndPublishesACorrectionOnce() {
        CurrentUser city = fx.city();
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑复查测试水泥有限公司");
        VerificationTask assigned = fx.assigned(plant, fx.yongqing().organisationId());
        VerificationTask t = work.reviewDocuments(verifier, assigned.id(), assigned.version(), "核对了年度排放报告及熟料产量月报。");
        work.recordVisit(verifier, t.id(), LocalDate.now(VerificationFixtures.CHINA), "邓雅琴", "中控室、熟料库", "");
        List<Conclusion.Line> first = VerificationFixtures.reported(t);
        Conclusion c1 = work.conclude(verifier, t.id(), t.version(), VerificationFixtures.input(t, first, "排放报告数据真实、准确、完整。"));
        VerificationTask concluded = tasks.task(plant.officer(), t.id());
        VerificationTask accepted = results.accept(plant.officer(), t.id(), concluded.version());
        assertThat(accepted.status()).isEqualTo(TaskStatus.FINAL);
        assertThat(published(t.id())).singleElement().satisfies(e -> {
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.conclusionId()).isEqualTo(c1.id());
        });

        // ---- the city re-verifies and finds other figures: the firm must revise to them
        Reverification opened = results.reverify(city, t.id(), accepted.version());
        assertThat(opened.selectedHow()).isEqualTo(Reverification.Selection.SPECIFIC);
        assertThat(opened.conclusionId()).isEqualTo(c1.id());
        VerificationTask reverifying = tasks.task(city, t.id());
        assertThat(reverifying.status()).isEqualTo(TaskStatus.REVERIFYING);
        List<Conclusion.Line> reverified = VerificationFixtures.less(reverifying, "250");
        VerificationTask changed = results.finishReverification(city, t.id(), reverifying.version(), VerificationFixtures.figures(reverified),
                "复查发现外购电力排放计算有误，核减 250 吨。");
        assertThat(changed.status()).isEqualTo(TaskStatus.REVISION_REQUIRED);
        assertThat(tasks.view(verifier, t.id()).requiredByReverification()).isNotNull();
        assertThat(published(t.id())).hasSize(1);

        // a revision with other figures is refused and changes nothing
        VerificationFixtures.Snapshot before = fx.snapshot(t.id());
        List<Conclusion.Line> other = VerificationFixtures.less(changed, "10");
        assertRefused(() -> work.conclude(verifier, t.id(), changed.version(), VerificationFixtures.input(changed, other, "按企业意见修改。")),
                "ENTITY.emissions", "verification.conclusion.notReverified");
        assertThat(fx.snapshot(t.id())).isEqualTo(before);

        // with the re-verified figures: final, and a second publication carrying the figures it replaces
        Conclusion c2 = work.conclude(verifier, t.id(), changed.version(), VerificationFixtures.input(changed, reverified, "根据复查意见修改核查报告。"));
        assertThat(c2.number()).isEqualTo(2);
        assertThat(c2.reason()).isEqualTo(Conclusion.Reason.REVERIFICATION);
        assertThat(tasks.task(city, t.id()).status()).isEqualTo(TaskStatus.FINAL);
        List<VerifiedEmissionsFinalised> all = published(t.id());
        assertThat(all).extracting(VerifiedEmissionsFinalised::revision).containsExactly(1, 2);
        VerifiedEmissionsFinalised correction = all.get(1);
        assertThat(correction.conclusionId()).isEqualTo(c2.id());
        assertThat(correction.verifiedCompliance()).isEqualByComparingTo(VerificationFixtures.sum(reverified, Conclusion.Line::compliance));
        assertThat(correction.previousCompliance()).isEqualByComparingTo(c1.verifiedCompliance());
        assertThat(correction.previousTotal()).isEqualByComparingTo(c1.verifiedTotal());
        assertThat(verified.current(plant.uscc(), YEAR)).get().satisfies(v -> {
            assertThat(v.revision()).isEqualTo(2);
            assertThat(v.verifiedCompliance()).isEqualByComparingTo(correction.verifiedCompliance());
        });
        assertThat(tasks.view(city, t.id()).history()).extracting(TaskEvent::action)
                .containsSubsequence("ACCEPTED", "PUBLISHED", "REVERIFICATION_OPENED", "REVERIFIED_CHANGED", "REVISION_REQUIRED", "REVISED",
                        "PUBLISHED_CORRECTION");

        // ---- a re-verification that confirms the figures: final again, nothing published
        VerificationTask fin = tasks.task(city, t.id());
        results.reverify(city, t.id(), fin.version());
        VerificationTask again = tasks.task(city, t.id());
        VerificationTask confirmed = results.finishReverification(city, t.id(), again.version(), VerificationFixtures.figures(reverified), "复查确认。");
        assertThat(confirmed.status()).isEqualTo(TaskStatus.FINAL);
        assertThat(published(t.id())).hasSize(2);
        assertThat(fx.count("published_result", t.id())).isEqualTo(2);
        assertThat(verified.current(plant.uscc(), YEAR)).get().extracting(VerifiedEmissionsFinalised::revision).isEqualTo(2);
        assertThat(tasks.view(city, t.id()).reverifications()).extracting(Reverification::changed).containsExactly(true, false);
    }

    @Test
    void aRejectedObjectionMakesTheFirstConclusionFinal() {
        CurrentUser city = fx.city();
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑异议驳回测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
        VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告。");
        work.recordVisit(verifier, t.id(), LocalDate.now(VerificationFixtures.CHINA), "邓雅琴", "中控室", "");
        Conclusion c = work.conclude(verifier, t.id(), reviewed.version(), VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed),
                "排放报告数据真实、准确、完整。"));
        results.object(plant.officer(), t.id(), tasks.task(plant.officer(), t.id()).version(), "外购电力排放因子应采用省级因子。");
        // a decision needs a choice and reasons
        VerificationTask objected = tasks.task(city, t.id());
        VerificationFixtures.Snapshot before = fx.snapshot(t.id());
        assertRefused(() -> results.decide(city, t.id(), objected.version(), null, "理由"), "decision", "verification.objection.decision");
        assertRefused(() -> results.decide(city, t.id(), objected.version(), Objection.Decision.REJECTED, " "), "decisionText",
                "verification.objection.decisionText");
        // neither the firm nor the emitter decides
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.decide(verifier, t.id(), objected.version(), Objection.Decision.UPHELD, "自行决定"))
                .isInstanceOf(org.opencets.identity.AccessDenied.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.decide(plant.officer(), t.id(), objected.version(), Objection.Decision.UPHELD,
                "自行决定")).isInstanceOf(org.opencets.identity.AccessDenied.class);
        assertThat(fx.snapshot(t.id())).isEqualTo(before);

        VerificationTask rejected = results.decide(city, t.id(), objected.version(), Objection.Decision.REJECTED, "全国统一采用电网排放因子，异议不成立。");
        assertThat(rejected.status()).isEqualTo(TaskStatus.FINAL);
        assertThat(published(t.id())).singleElement().satisfies(e -> {
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.conclusionId()).isEqualTo(c.id());
            assertThat(e.verifiedCompliance()).isEqualByComparingTo(c.verifiedCompliance());
        });
        assertThat(tasks.view(city, t.id()).history()).extracting(TaskEvent::action).containsSubsequence("OBJECTED", "OBJECTION_REJECTED", "PUBLISHED");
    }

    @Test
    void theCurrentResultOfACorrectionCarriesTheFiguresItReplaces() {
        CurrentUser city = fx.city();
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑复查更正查询测试水泥有限公司");
        VerificationTask assigned = fx.assigned(plant, fx.yongqing().organisationId());
        VerificationTask t = work.reviewDocuments(verifier, assigned.id(), assigned.version(), "核对了年度排放报告。");
        work.recordVisit(verifier, t.id(), LocalDate.now(VerificationFixtures.CHINA), "邓雅琴", "中控室", "");
        Conclusion c1 = work.conclude(verifier, t.id(), t.version(), VerificationFixtures.input(t, VerificationFixtures.reported(t), "数据真实。"));
        VerificationTask accepted = results.accept(plant.officer(), t.id(), tasks.task(plant.officer(), t.id()).version());
        results.reverify(city, t.id(), accepted.version());
        VerificationTask reverifying = tasks.task(city, t.id());
        List<Conclusion.Line> reverified = VerificationFixtures.less(reverifying, "30");
        VerificationTask changed = results.finishReverification(city, t.id(), reverifying.version(), VerificationFixtures.figures(reverified), "核减 30 吨。");
        work.conclude(verifier, t.id(), changed.version(), VerificationFixtures.input(changed, reverified, "按复查意见修改。"));
        VerifiedEmissionsFinalised event = published(t.id()).getLast();
        assertThat(event.previousCompliance()).isEqualByComparingTo(c1.verifiedCompliance());

        VerifiedEmissionsFinalised current = verified.current(plant.uscc(), YEAR).orElseThrow();
        assertThat(current.revision()).isEqualTo(2);
        assertThat(current.previousTotal()).isEqualByComparingTo(c1.verifiedTotal());
        assertThat(current.previousCompliance()).isEqualByComparingTo(c1.verifiedCompliance());
    }

    /**
     * 2026 official calendar: 中秋 25–27 Sep, 国庆 1–7 Oct off, Saturday 10 Oct worked. A conclusion of Monday 28 Sep
     * may be objected to until 13 Oct (29, 30 Sep, 8, 9, 10, 12, 13 Oct); an objection filed on 13 Oct is decided by 27 Oct.
     */
    @Test
    void theObjectionWindowAndTheDecisionCountWorkingDaysOfTheOfficialCalendar() {
        CurrentUser verifier = fx.verifier1();
        LocalDate concludedOn = LocalDate.of(2026, 9, 28);
        Plant inTime = fx.cementPlant("宁波北仑异议期限测试水泥有限公司");
        Plant tooLate = fx.cementPlant("宁波北仑异议期限逾期测试水泥有限公司");
        for (Plant plant : List.of(inTime, tooLate)) {
            VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
            VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告。");
            Backdating.at(VerificationFixtures.on(concludedOn), () -> work.conclude(verifier, t.id(), reviewed.version(),
                    VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed), "排放报告数据真实、准确、完整。")));
            assertThat(tasks.task(plant.officer(), t.id()).objectionUntil()).isEqualTo(LocalDate.of(2026, 10, 13));
        }
        // the last day of the window: accepted, and the city decides within 10 working days
        VerificationTask a = fx.taskOf(inTime);
        Objection o = Backdating.at(VerificationFixtures.on(LocalDate.of(2026, 10, 13)), () -> results.object(inTime.officer(), a.id(), a.version(),
                "熟料产量应按出库量计。"));
        assertThat(o.decideBy()).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(tasks.task(inTime.officer(), a.id()).status()).isEqualTo(TaskStatus.OBJECTED);
        // the day after: late
        VerificationTask b = fx.taskOf(tooLate);
        assertRefused(() -> Backdating.at(VerificationFixtures.on(LocalDate.of(2026, 10, 14)), () -> results.object(tooLate.officer(), b.id(), b.version(),
                "熟料产量应按出库量计。")), "grounds", "verification.objection.late");
        // the daily job closes the window the day after it ends, not on its last day
        assertThat(tasks.task(tooLate.officer(), b.id()).status()).isEqualTo(TaskStatus.CONCLUDED);
        results.finaliseExpired(LocalDate.of(2026, 10, 13));
        assertThat(tasks.task(tooLate.officer(), b.id()).status()).isEqualTo(TaskStatus.CONCLUDED);
        results.finaliseExpired(LocalDate.of(2026, 10, 14));
        assertThat(tasks.task(tooLate.officer(), b.id()).status()).isEqualTo(TaskStatus.FINAL);
        assertThat(published(b.id())).hasSize(1);
        // an objected task is not finalised by the job
        assertThat(tasks.task(inTime.officer(), a.id()).status()).isEqualTo(TaskStatus.OBJECTED);
        assertThat(published(a.id())).isEmpty();
    }

    @Test
    void aConclusionWhoseObjectionWindowClosedBecomesFinalOnceByTheDailyJob() {
        CurrentUser verifier = fx.verifier1();
        Plant plant = fx.cementPlant("宁波北仑异议期满测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
        VerificationTask reviewed = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告。");
        work.recordVisit(verifier, t.id(), LocalDate.now(VerificationFixtures.CHINA), "邓雅琴", "中控室", "");
        // concluded five weeks ago: the 7-working-day window has long closed
        Conclusion c = Backdating.at(VerificationFixtures.daysAgo(35), () -> work.conclude(verifier, t.id(), reviewed.version(),
                VerificationFixtures.input(reviewed, VerificationFixtures.reported(reviewed), "排放报告数据真实、准确、完整。")));
        VerificationTask concluded = tasks.task(verifier, t.id());
        assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        assertThat(concluded.objectionUntil()).isBefore(LocalDate.now(VerificationFixtures.CHINA));

        LocalDate today = LocalDate.now(VerificationFixtures.CHINA);
        assertThat(results.finaliseExpired(today)).isPositive();
        assertThat(tasks.task(verifier, t.id()).status()).isEqualTo(TaskStatus.FINAL);
        assertThat(published(t.id())).singleElement().satisfies(e -> {
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.conclusionId()).isEqualTo(c.id());
        });
        assertThat(tasks.view(verifier, t.id()).history()).extracting(TaskEvent::action, TaskEvent::actor).contains(tuple("WINDOW_CLOSED", "system"),
                tuple("PUBLISHED", "system"));

        // again: nothing more
        assertThat(results.finaliseExpired(today)).isZero();
        assertThat(published(t.id())).hasSize(1);
        assertThat(fx.count("published_result", t.id())).isEqualTo(1);
        assertThat(verified.current(plant.uscc(), YEAR)).get().extracting(VerifiedEmissionsFinalised::conclusionId).isEqualTo(c.id());
    }
}
