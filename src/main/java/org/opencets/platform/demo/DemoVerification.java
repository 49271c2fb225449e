package org.opencets.platform.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.opencets.shared.Backdating;
import org.opencets.verification.Conclusion;
import org.opencets.verification.ConclusionInput;
import org.opencets.verification.Engagement;
import org.opencets.verification.Finding;
import org.opencets.verification.Firm;
import org.opencets.verification.FirmEvaluations;
import org.opencets.verification.VerificationFirms;
import org.opencets.verification.VerificationResults;
import org.opencets.verification.VerificationTask;
import org.opencets.verification.VerificationTasks;
import org.opencets.verification.VerificationWork;
import org.springframework.stereotype.Component;

/**
 * Last year's verification through the real workflow, at the dates it would have happened: the province files the two
 * firms' qualifications, the firms list their verifiers, one firm declares it consulted for the power plant (so the
 * draw excludes it); Ningbo draws a firm for the power plant, which verifies it (finding, correction, conclusion) by
 * Apr 30, the plant accepts, and Ningbo publishes the firm evaluation in July; Shaoxing assigns the cement plant by
 * hand and its conclusion is in the objection period today.
 */
@Component
class DemoVerification {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final VerificationFirms firms;
    private final VerificationTasks tasks;
    private final VerificationWork work;
    private final VerificationResults results;
    private final FirmEvaluations evaluations;
    private final Accounts accounts;

    DemoVerification(VerificationFirms firms, VerificationTasks tasks, VerificationWork work, VerificationResults results, FirmEvaluations evaluations,
            Accounts accounts) {
        this.firms = firms;
        this.tasks = tasks;
        this.work = work;
        this.results = results;
        this.evaluations = evaluations;
        this.accounts = accounts;
    }

    void load(LocalDate today) {
        int year = today.getYear() - 1;
        Firm yongqing = firm("91330212MA2HCE501P");
        Firm jiacheng = firm("91330602MA2JYGBC54");
        at(LocalDate.of(year, 12, 10), () -> {
            CurrentUser province = user("zj.officer");
            firms.updateProfile(province, yongqing.organisationId(), yongqing.version(), "浙江省温室气体排放核查技术服务机构名录（第一批）备案",
                    EnumSet.of(Sector.POWER, Sector.BUILDING_MATERIALS, Sector.CHEMICAL), true);
            firms.updateProfile(province, jiacheng.organisationId(), jiacheng.version(), "浙江省温室气体排放核查技术服务机构名录（第一批）备案；CNAS 认证",
                    EnumSet.allOf(Sector.class), true);
            CurrentUser v1 = user("verifier1");
            firms.addVerifier(v1, yongqing.organisationId(), "邓雅琴", "ZJHC-2022-0117", LocalDate.of(year + 3, 6, 30), EnumSet.of(Sector.POWER, Sector.BUILDING_MATERIALS));
            firms.addVerifier(v1, yongqing.organisationId(), "陈立伟", "ZJHC-2023-0342", LocalDate.of(year + 2, 12, 31), EnumSet.of(Sector.POWER));
            CurrentUser v2 = user("verifier2");
            firms.addVerifier(v2, jiacheng.organisationId(), "钟文杰", "ZJHC-2021-0058", LocalDate.of(year + 2, 3, 31), EnumSet.allOf(Sector.class));
            firms.recordEngagement(v2, jiacheng.organisationId(), Uscc.of(DemoMonitoring.PLANT), year, Engagement.Kind.CONSULTING,
                    "燃料管理与煤质化验制度咨询");
            return null;
        });
        powerPlant(year, yongqing);
        cementPlant(year, jiacheng);
    }

    private void powerPlant(int year, Firm firm) {
        CurrentUser city = user("nb.city");
        CurrentUser verifier = user("verifier1");
        CurrentUser plant = user("beilun.power");
        VerificationTask task = at(LocalDate.of(year + 1, 3, 2), () -> {
            tasks.createTasks(city, year);
            tasks.draw(city, year, year + 1 + "-03-02-宁波");
            return tasks.tasks(city, year).stream().filter(t -> t.emitter().value().equals(DemoMonitoring.PLANT)).findFirst().orElseThrow();
        });
        Finding finding = at(LocalDate.of(year + 1, 3, 18), () -> {
            VerificationTask t = tasks.task(verifier, task.id());
            work.reviewDocuments(verifier, t.id(), t.version(), """
                    核对了年度排放报告（第 %d 版）与 4 台机组 48 份月度存证：燃煤消耗量与入炉煤计量月报、低位发热量与元素碳含量与化验报告逐月一致；\
                    存证回执均通过透明日志校验，未发现存证后被改动的数据。""".formatted(t.reportVersion()));
            work.recordVisit(verifier, t.id(), LocalDate.of(year + 1, 3, 17), "邓雅琴、陈立伟", "燃料化验室、入炉煤采样间、煤样存放间、集控室",
                    "抽查 7 月、11 月缩分煤样留存及采制化视频记录，完整。");
            return work.raiseFinding(verifier, t.id(), "3号机组 7 月化验报告缺少检测机构资质标识",
                    "3号机组 " + year + " 年 7 月入炉煤元素碳含量化验报告未加盖 CNAS 标识，请补充检测机构资质证明。");
        });
        at(LocalDate.of(year + 1, 3, 21), () -> work.respond(plant, finding.id(), finding.version(),
                "已补充浙江省电力试验研究院燃料检测中心 CNAS 认可证书（L1234）及加盖标识的化验报告扫描件。"));
        at(LocalDate.of(year + 1, 3, 24), () -> {
            Finding answered = tasks.view(verifier, task.id()).findings().getFirst();
            work.judgeFinding(verifier, answered.id(), answered.version(), Finding.Status.CLOSED, "资质证明齐全。");
            VerificationTask t = tasks.task(verifier, task.id());
            return work.conclude(verifier, t.id(), t.version(), new ConclusionInput(lines(t), t.products(),
                    "经文件评审和现场核查，排放报告数据真实、准确、完整，核查排放量与报告一致。"));
        });
        at(LocalDate.of(year + 1, 3, 26), () -> {
            VerificationTask t = tasks.task(plant, task.id());
            return results.accept(plant, t.id(), t.version());
        });
        at(LocalDate.of(year + 1, 7, 20), () -> evaluations.publish(city, year));
    }

    private void cementPlant(int year, Firm firm) {
        CurrentUser city = user("sx.city");
        CurrentUser verifier = user("verifier2");
        VerificationTask task = at(LocalDate.of(year + 1, 9, 25), () -> {
            tasks.createTasks(city, year);
            VerificationTask t = tasks.tasks(city, year).stream().filter(x -> x.emitter().value().equals(DemoReports.CEMENT)).findFirst().orElseThrow();
            return tasks.assign(city, t.id(), t.version(), firm.organisationId());
        });
        at(LocalDate.of(year + 1, 11, 16), () -> {
            VerificationTask t = tasks.task(verifier, task.id());
            t = work.reviewDocuments(verifier, t.id(), t.version(), "核对了年度排放报告、熟料产量月报、燃煤入厂化验报告及电网结算单。");
            work.recordVisit(verifier, t.id(), LocalDate.of(year + 1, 11, 12), "钟文杰", "中控室、化验室、熟料库", "熟料产量与出库记录一致。");
            return work.conclude(verifier, t.id(), t.version(), new ConclusionInput(lines(t), t.products(), "排放报告数据真实、准确、完整。"));
        });
    }

    private static List<Conclusion.Line> lines(VerificationTask t) {
        return t.lines().stream().map(l -> new Conclusion.Line(l.unit(), l.emissions(), l.compliance(), l.generationMwh(), l.heatGj())).toList();
    }

    private Firm firm(String uscc) {
        return firms.firms().stream().filter(f -> f.uscc().value().equals(uscc)).findFirst().orElseThrow();
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    private static <T> T at(LocalDate day, Supplier<T> steps) {
        Instant when = day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant();
        return Backdating.at(when, steps);
    }
}
