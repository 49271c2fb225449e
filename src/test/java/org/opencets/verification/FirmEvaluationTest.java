package org.opencets.verification;

import org.opencets.shared.Backdating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencets.verification.VerificationFixtures.YEAR;
import static org.opencets.verification.VerificationFixtures.assertRefused;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.Sector;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's evaluation of the firms (seed 002 §二(八)) from the platform's own records, checked against the scoring
 * formula worked out by hand (weights 50/30/20, ratings A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else E): the preview, the
 * published edition, the interview of a firm rated D or below, and the public page.
 *
 * <p>Data ownership: firms registered here (only their rows are checked: the demo firms' rows depend on other tests),
 * cement plants registered here.
 */
@IntegrationTest
class FirmEvaluationTest {

    @Autowired
    FirmEvaluations evaluations;
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
    MockMvc mvc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    VerificationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new VerificationFixtures(context);
    }

    @Test
    void scoresFollowTheRecordsAndAPoorFirmIsNotifiedInterviewedAndShownPublicly() throws Exception {
        CurrentUser city = fx.city();
        LocalDate today = LocalDate.now(VerificationFixtures.CHINA);
        Firm good = fx.freshFirm("宁波评估良好核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        Firm poor = fx.freshFirm("宁波评估较差核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        CurrentUser goodOfficer = fx.officerOf(good);
        CurrentUser poorOfficer = fx.officerOf(poor);
        try {
            // good firm, task 1: review, site visit, concluded today, accepted
            Plant p1 = fx.cementPlant("宁波北仑评估一测试水泥有限公司");
            VerificationTask t1 = fx.assigned(p1, good.organisationId());
            VerificationTask r1 = work.reviewDocuments(goodOfficer, t1.id(), t1.version(), "核对了年度排放报告。");
            work.recordVisit(goodOfficer, t1.id(), today, "测试核查员", "中控室、熟料库", "");
            work.conclude(goodOfficer, t1.id(), r1.version(), VerificationFixtures.input(r1, VerificationFixtures.reported(r1), "数据真实、准确、完整。"));
            results.accept(p1.officer(), t1.id(), tasks.task(p1.officer(), t1.id()).version());
            // good firm, task 2: no site visit (a process defect), concluded by the deadline (recorded the day before it
            // when the deadline has passed)
            Plant p2 = fx.cementPlant("宁波北仑评估二测试水泥有限公司");
            VerificationTask t2 = fx.assigned(p2, good.organisationId());
            VerificationTask r2 = work.reviewDocuments(goodOfficer, t2.id(), t2.version(), "核对了年度排放报告。");
            java.util.function.Supplier<Conclusion> conclude2 = () -> work.conclude(goodOfficer, t2.id(), r2.version(),
                    VerificationFixtures.input(r2, VerificationFixtures.reported(r2), "数据真实、准确、完整。"));
            Conclusion onTime = today.isAfter(t2.due()) ? Backdating.at(VerificationFixtures.on(t2.due().minusDays(1)), conclude2) : conclude2.get();
            assertThat(onTime.onTime()).isTrue();
            // poor firm: no site visit, the emitter's objection upheld, the report revised
            Plant p3 = fx.cementPlant("宁波北仑评估三测试水泥有限公司");
            VerificationTask t3 = fx.assigned(p3, poor.organisationId());
            VerificationTask r3 = work.reviewDocuments(poorOfficer, t3.id(), t3.version(), "核对了年度排放报告。");
            Conclusion late = work.conclude(poorOfficer, t3.id(), r3.version(), VerificationFixtures.input(r3, VerificationFixtures.reported(r3), "数据真实。"));
            results.object(p3.officer(), t3.id(), tasks.task(p3.officer(), t3.id()).version(), "未开展现场核查，熟料产量未核实。");
            VerificationTask upheld = results.decide(city, t3.id(), tasks.task(city, t3.id()).version(), Objection.Decision.UPHELD, "异议成立。");
            work.conclude(poorOfficer, t3.id(), upheld.version(), VerificationFixtures.input(upheld, VerificationFixtures.less(upheld, "50"), "修改后结论。"));

            int nowOnTime = today.isAfter(t1.due()) ? 0 : 1;
            assertThat(late.onTime()).isEqualTo(nowOnTime == 1);

            // ---- the preview, by the formula
            FirmEvaluation preview = evaluations.preview(city, YEAR);
            assertThat(preview.published()).isFalse();
            FirmEvaluation.Row g = row(preview, good);
            assertThat(g.tasks()).isEqualTo(2);
            assertThat(g.onTime()).isEqualTo(1 + nowOnTime);
            assertThat(g.overturned()).isZero();
            assertThat(g.upheldObjections()).isZero();
            assertThat(g.processDefects()).isEqualTo(1);
            assertThat(g.quality()).isEqualByComparingTo("50.0");
            assertThat(g.compliance()).as("30 × (n − 1) / n").isEqualByComparingTo("15.0");
            BigDecimal goodTimeliness = new BigDecimal(20 * (1 + nowOnTime)).divide(new BigDecimal(2));
            assertThat(g.timeliness()).isEqualByComparingTo(goodTimeliness);
            BigDecimal goodScore = new BigDecimal("65.0").add(goodTimeliness);
            assertThat(g.score()).isEqualByComparingTo(goodScore);
            assertThat(g.rating()).isEqualTo(rating(goodScore));

            FirmEvaluation.Row p = row(preview, poor);
            assertThat(p.tasks()).isEqualTo(1);
            assertThat(p.upheldObjections()).isEqualTo(1);
            assertThat(p.processDefects()).isEqualTo(1);
            assertThat(p.quality()).as("50 × max(0, 1 − 1/1)").isEqualByComparingTo("0.0");
            assertThat(p.compliance()).isEqualByComparingTo("0.0");
            assertThat(p.timeliness()).isEqualByComparingTo(new BigDecimal(20 * nowOnTime));
            assertThat(p.score()).isEqualByComparingTo(new BigDecimal(20 * nowOnTime));
            assertThat(p.rating()).isEqualTo(Rating.E);
            // preview rows are ordered by score
            assertThat(preview.rows()).extracting(FirmEvaluation.Row::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            // ---- only the city publishes
            assertThatThrownBy(() -> evaluations.publish(fx.verifier1(), YEAR)).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> evaluations.publish(fx.user("beilun.district"), YEAR)).isInstanceOf(AccessDenied.class);

            // ---- publishing freezes an edition; the poor firm is notified and to be interviewed
            int editionBefore = evaluations.published(city, YEAR).map(FirmEvaluation::edition).orElse(0);
            FirmEvaluation published = evaluations.publish(city, YEAR);
            assertThat(published.published()).isTrue();
            assertThat(published.edition()).isEqualTo(editionBefore + 1);
            assertThat(published.publishedBy()).isEqualTo("nb.city");
            FirmEvaluation.Row pg = row(published, good);
            assertThat(pg.score()).isEqualByComparingTo(g.score());
            assertThat(pg.rating()).isEqualTo(g.rating());
            assertThat(pg.interview()).isNull();
            FirmEvaluation.Row pp = row(published, poor);
            assertThat(pp.rating()).isEqualTo(Rating.E);
            assertThat(pp.interview()).isNotNull();
            assertThat(pp.interview().held()).isFalse();
            assertThat(pp.interview().notice()).contains(poor.name(), "E 级", "约谈");

            // ---- the interview is recorded once
            evaluations.recordInterview(city, YEAR, poor.organisationId(), today, "王立新", "宁波市生态环境局：程江涛；机构：王立新", "机构负责人说明未开展现场核查的原因，承诺整改。");
            FirmEvaluation.Row interviewed = row(evaluations.published(city, YEAR).orElseThrow(), poor);
            assertThat(interviewed.interview().held()).isTrue();
            assertThat(interviewed.interview().heldOn()).isEqualTo(today);
            assertThat(interviewed.interview().firmHead()).isEqualTo("王立新");
            assertThat(interviewed.interview().recordedBy()).isEqualTo("nb.city");
            assertRefused(() -> evaluations.recordInterview(city, YEAR, poor.organisationId(), today, "王立新", "同上", "再次记录"), "firm",
                    "verification.interview.none");
            assertRefused(() -> evaluations.recordInterview(city, YEAR, good.organisationId(), today, "李某", "同上", "不需约谈"), "firm",
                    "verification.interview.none");
            assertRefused(() -> evaluations.recordInterview(city, YEAR, poor.organisationId(), today.plusDays(3), "王立新", "同上", "未来"), "heldOn",
                    "verification.interview.date");

            // ---- the public page, without signing in, shows the published scores
            String page = new String(mvc.perform(get("/public/verifiers").param("year", String.valueOf(YEAR))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            String goodRow = between(page, "data-firm=\"" + good.name() + "\"", "</tr>");
            assertThat(goodRow).contains(">2<", ">" + pg.score().toPlainString() + "<", ">" + pg.rating() + "<");
            String poorRow = between(page, "data-firm=\"" + poor.name() + "\"", "</tr>");
            assertThat(poorRow).contains(">1<", ">" + pp.score().toPlainString() + "<", ">E<");
            assertThat(page).contains("data-city=\"330200\"");
        } finally {
            fx.retire(good);
            fx.retire(poor);
        }
    }

    @Test
    void aFindingClosedWithoutTheEmittersAnswerIsAProcessDefect() {
        CurrentUser city = fx.city();
        LocalDate today = LocalDate.now(VerificationFixtures.CHINA);
        Firm firm = fx.freshFirm("宁波评估不符合项核查测试有限公司", EnumSet.of(Sector.BUILDING_MATERIALS));
        CurrentUser officer = fx.officerOf(firm);
        try {
            Plant plant = fx.cementPlant("宁波北仑评估不符合项测试水泥有限公司");
            VerificationTask t = fx.assigned(plant, firm.organisationId());
            VerificationTask r = work.reviewDocuments(officer, t.id(), t.version(), "核对了年度排放报告。");
            work.recordVisit(officer, t.id(), today, "测试核查员", "中控室", "");
            Finding early = work.raiseFinding(officer, t.id(), "化验报告缺少资质标识", "请补充检测机构资质证明。");
            // the emitter has 5 working days to answer: recording it as not corrected at once is refused
            assertRefused(() -> work.judgeFinding(officer, early.id(), early.version(), Finding.Status.UNRESOLVED, "企业未提供。"),
                    "verdict", "verification.finding.answerPeriod");
            work.respond(plant.officer(), early.id(), early.version(), "已补充。");
            Finding answered = work.judgeFinding(officer, early.id(), early.version() + 1, Finding.Status.CLOSED, "");
            assertThat(answered.status()).isEqualTo(Finding.Status.CLOSED);
            // a finding raised a month ago and never answered may be recorded as not corrected: a process defect
            Finding f = Backdating.at(java.time.Instant.now().minus(java.time.Duration.ofDays(30)),
                    () -> work.raiseFinding(officer, t.id(), "皮带秤未检定", "请提供检定证书。"));
            work.judgeFinding(officer, f.id(), f.version(), Finding.Status.UNRESOLVED, "企业未提供。");
            work.conclude(officer, t.id(), r.version(), VerificationFixtures.input(r, VerificationFixtures.reported(r), "保留意见。"));

            FirmEvaluation.Row row = row(evaluations.preview(city, YEAR), firm);
            assertThat(row.tasks()).isEqualTo(1);
            assertThat(row.processDefects()).as("a finding closed without the emitter's answer").isEqualTo(1);
            assertThat(row.compliance()).isEqualByComparingTo("0.0");
        } finally {
            fx.retire(firm);
        }
    }

    private static FirmEvaluation.Row row(FirmEvaluation e, Firm firm) {
        return e.rows().stream().filter(r -> r.firmId().equals(firm.organisationId())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + firm.name()));
    }

    /** The rating bounds of the year's data: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else E. */
    private static Rating rating(BigDecimal score) {
        double s = score.doubleValue();
        return s >= 90 ? Rating.A : s >= 80 ? Rating.B : s >= 70 ? Rating.C : s >= 60 ? Rating.D : Rating.E;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s on the page", from).isNotNegative();
        int end = text.indexOf(to, start);
        return text.substring(start, end);
    }
}
