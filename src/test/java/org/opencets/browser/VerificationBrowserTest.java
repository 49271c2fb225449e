package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.opencets.accounting.StreamKind;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.mrv.AnnualReport;
import org.opencets.mrv.AnnualReports;
import org.opencets.mrv.ApprovedReport;
import org.opencets.mrv.StreamEntry;
import org.opencets.shared.Sector;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.Engagement;
import org.opencets.verification.Firm;
import org.opencets.verification.VerificationFirms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verification workflow in the browser (issue: "assignment → findings → correction → conclusion → objection →
 * decision"): Ningbo creates the year's tasks and assigns a firm to a fresh cement plant, after the conflicted firm is
 * refused; the firm reviews, visits, raises a finding and may not conclude while it is open; the plant answers; the firm
 * closes it and concludes 1000 t below the report; the plant objects; the city coordinates and upholds the objection;
 * the firm revises back to the reported figures and the result is final and published once.
 * Owns a key emitter of its own (fresh USCC in 北仑区 330206) and its 2025 report; the demo already verified its own.
 */
@IntegrationTest
class VerificationBrowserTest {

    static final int YEAR = 2025;
    static final String REGION = "330206";
    static final String YONGQING = "浙江甬清环境科技有限公司";
    static final String JIACHENG = "中环嘉诚认证中心（浙江）有限公司";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    AnnualReports reports;
    @Autowired
    VerificationFirms firms;

    KeyEmitter plant;
    String plantLogin;
    ApprovedReport approved;

    /** A fresh cement plant with an approved 2025 report; 中环嘉诚 consulted for it; both demo firms qualified for cement. */
    void setUp() {
        CurrentUser city = user("nb.city");
        String uscc = Demo.freshUscc(REGION);
        plant = directory.register(city, new EmitterForm(uscc, "宁波北仑核查浏览器测试水泥有限公司-" + uscc.substring(8, 14), REGION, "3011", "NORMAL",
                "浙江省宁波市北仑区测试路 9 号", "测试法人", "测试联系人", "0574-86000000", "verification.test@example.com"));
        plantLogin = "verify.browser." + uscc.toLowerCase();
        people.createUnchecked(organisations.findByUscc(plant.uscc()).orElseThrow().id(), plantLogin, "核查测试经办人", plantLogin + "@example.com",
                Set.of(Role.OFFICER), Demo.PASSWORD);
        CurrentUser officer = user(plantLogin);

        AnnualReport r = reports.draft(officer, plant.uscc(), YEAR);
        r = reports.saveStreams(officer, r.id(), r.version(), List.of(
                new StreamEntry(StreamKind.FUEL_COMBUSTION, "窑头窑尾燃煤（烟煤）", "BITUMINOUS", new BigDecimal("20000"), "t", new BigDecimal("22.416"), null,
                        null, null, "入厂煤化验，单位热值含碳量采用缺省值"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("300000"), "t", null, null, null, new BigDecimal("0.5280"),
                        "由生料 CaO、MgO 含量计算的熟料排放因子"),
                new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("25000"), "MWh", null, null, null, null, "电网结算单")),
                Map.of("CLINKER", new BigDecimal("300000"), "CEMENT", new BigDecimal("385000")));
        r = reports.saveExplanation(officer, r.id(), r.version(), "熟料排放因子按生料 CaO、MgO 含量计算；燃煤单位热值含碳量采用缺省值。");
        r = reports.submit(officer, r.id(), r.version());
        r = reports.approve(city, r.id(), r.version());
        approved = reports.approvedReport(city, r.id());

        Firm yongqing = firm(YONGQING);
        Firm jiacheng = firm(JIACHENG);
        qualifyForCement(yongqing, "verifier1", "ZJHC-VB-0001");
        qualifyForCement(jiacheng, "verifier2", "ZJHC-VB-0002");
        firms.recordEngagement(user("verifier2"), jiacheng.organisationId(), plant.uscc(), YEAR, Engagement.Kind.CONSULTING, "碳排放管理制度咨询");
    }

    @Test
    void cityAssignsFirmVerifiesPlantObjectsCityUpholdsFirmRevises() throws Exception {
        setUp();
        String uscc = plant.uscc().value();
        BigDecimal reportedTotal = approved.totalEmissions();
        BigDecimal reportedCompliance = approved.complianceEmissions();
        assertThat(reportedCompliance).isGreaterThan(new BigDecimal("10000"));
        BigDecimal verifiedTotal = reportedTotal.subtract(new BigDecimal("1000"));
        BigDecimal verifiedCompliance = reportedCompliance.subtract(new BigDecimal("1000"));
        String taskPath;

        try (Browser browser = Browser.open(port)) {
            // 1. the city creates the year's tasks; the conflicted firm is refused; 甬清 is assigned
            browser.login("nb.city", Demo.PASSWORD);
            browser.go("/verification?year=" + YEAR);
            browser.noErrorPage("排放报告核查");
            assertThat(browser.waitFor(By.id("create-tasks")).getText()).isEqualTo(YEAR + " 年度：生成核查任务");
            clickAndReload(browser, By.id("create-tasks"), "排放报告核查");
            assertThat(browser.waitFor(By.id("done")).getText()).matches("已生成 [1-9]\\d* 个核查任务。");
            WebElement row = browser.waitFor(By.cssSelector("#tasks tr[data-emitter='" + uscc + "']"));
            assertThat(row.getText()).contains(plant.name(), "待分配", reportedCompliance.toPlainString());
            row.findElement(By.tagName("a")).click();
            browser.waitFor(By.id("task-status"));
            browser.noErrorPage(TITLE);
            taskPath = URI.create(browser.driver.getCurrentUrl()).getPath();
            assertThat(taskPath).matches("/verification/tasks/[0-9a-f-]{36}");
            assertThat(status(browser)).isEqualTo("待分配");
            assertThat(browser.driver.findElement(By.cssSelector("#candidates tr[data-firm='" + JIACHENG + "']")).getText())
                    .contains("曾为该企业编制报告或提供咨询");
            assertThat(browser.driver.findElement(By.cssSelector("#candidates tr[data-firm='" + YONGQING + "']")).getText()).contains("可分配");

            chooseFirm(browser, JIACHENG);
            clickAndReload(browser, By.id("assign"), TITLE);
            assertThat(browser.waitFor(By.id("errors")).getText()).contains(JIACHENG, "存在利益冲突");
            assertThat(status(browser)).isEqualTo("待分配");

            chooseFirm(browser, YONGQING);
            clickAndReload(browser, By.id("assign"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已分配核查机构。");
            assertThat(browser.driver.findElements(By.id("errors"))).isEmpty();
            assertThat(status(browser)).isEqualTo("核查中");
            assertThat(browser.text()).contains("核查机构：" + YONGQING);
            browser.logout();

            // 2. the firm: document review (with the deposit check), site visit, a finding; no conclusion while it is open
            browser.login("verifier1", Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(status(browser)).isEqualTo("核查中");
            browser.waitFor(By.id("load-deposits")).click();
            browser.waitFor(By.cssSelector("#deposits table.deposit-checks"));
            assertThat(browser.driver.findElements(By.cssSelector("#deposits td.integrity"))).as("a cement plant has no monthly deposits")
                    .allSatisfy(td -> assertThat(td.getText()).isEqualTo("未被篡改"));
            browser.waitFor(By.id("review-note")).sendKeys("核对了年度排放报告、熟料产量月报、燃煤入厂化验报告及电网结算单。");
            clickAndReload(browser, By.id("save-review"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已保存文件评审意见。");
            assertThat(browser.driver.findElement(By.id("review-text")).getText()).startsWith("核对了年度排放报告");

            String visitDay = LocalDate.now(CHINA).toString();
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('visit-date').value = arguments[0];", visitDay);
            browser.driver.findElement(By.id("visit-verifiers")).sendKeys("邓雅琴");
            browser.driver.findElement(By.id("visit-places")).sendKeys("中控室、化验室、熟料库");
            clickAndReload(browser, By.id("record-visit"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已记录现场核查。");
            assertThat(browser.driver.findElement(By.id("visits")).getText()).contains(visitDay, "邓雅琴", "中控室、化验室、熟料库");

            browser.driver.findElement(By.id("finding-subject")).sendKeys("熟料产量缺少出库记录佐证");
            browser.driver.findElement(By.id("finding-description")).sendKeys("请补充 " + YEAR + " 年熟料出库记录及库存盘点表。");
            clickAndReload(browser, By.id("raise-finding"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("不符合项已发送企业。");
            assertThat(findingStatus(browser)).isEqualTo("待企业整改");

            browser.driver.findElement(By.id("opinion")).sendKeys("排放报告数据真实、准确、完整。");
            clickAndReload(browser, By.id("conclude"), TITLE);
            assertThat(browser.waitFor(By.id("errors")).getText()).contains("还有 1 项不符合项未关闭");
            assertThat(status(browser)).isEqualTo("核查中");
            assertThat(browser.driver.findElements(By.id("pdf-link"))).isEmpty();
            browser.logout();

            // 3. the plant sees the finding and answers it
            browser.login(plantLogin, Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(status(browser)).isEqualTo("核查中");
            assertThat(browser.driver.findElement(By.cssSelector("#findings tr[data-finding='1']")).getText()).contains("熟料产量缺少出库记录佐证");
            assertThat(findingStatus(browser)).isEqualTo("待企业整改");
            assertThat(browser.driver.findElements(By.id("conclusion-form"))).as("the plant does not conclude").isEmpty();
            browser.driver.findElement(By.cssSelector("#findings tr[data-finding='1'] textarea.response")).sendKeys("已补充全年熟料出库记录及季度库存盘点表。");
            clickAndReload(browser, By.cssSelector("#findings tr[data-finding='1'] button.respond"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("整改说明已提交。");
            assertThat(findingStatus(browser)).isEqualTo("企业已整改，待确认");
            browser.logout();

            // 4. the firm accepts the correction and concludes 1000 t below the report; the PDF opens
            browser.login("verifier1", Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(findingStatus(browser)).isEqualTo("企业已整改，待确认");
            new Select(browser.driver.findElement(By.cssSelector("#findings tr[data-finding='1'] select.verdict"))).selectByValue("CLOSED");
            browser.driver.findElement(By.cssSelector("#findings tr[data-finding='1'] input.judge-note")).sendKeys("出库记录与产量一致。");
            clickAndReload(browser, By.cssSelector("#findings tr[data-finding='1'] button.judge"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已确认整改。");
            assertThat(findingStatus(browser)).isEqualTo("已整改关闭");

            assertThat(browser.driver.findElement(By.name("u0.e")).getAttribute("value")).as("prefilled with the report")
                    .isEqualTo(reportedTotal.toPlainString());
            input(browser, "u0.e", verifiedTotal.toPlainString());
            input(browser, "u0.c", verifiedCompliance.toPlainString());
            input(browser, "opinion", "经文件评审和现场核查，外购电力扣减重复计量部分后，核查排放量较报告减少 1000 t。");
            clickAndReload(browser, By.id("conclude"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("核查结论已出具。");
            assertThat(status(browser)).isEqualTo("已出具结论（异议期）");
            assertThat(browser.driver.findElement(By.id("verified-total")).getText()).isEqualTo(verifiedTotal.toPlainString());
            assertThat(browser.driver.findElement(By.id("verified-compliance")).getText()).isEqualTo(verifiedCompliance.toPlainString());
            assertThat(browser.driver.findElement(By.id("objection-window")).getText()).startsWith("企业可在");
            browser.assertPdf(By.id("pdf-link"), taskPath + "/report.pdf");
            browser.logout();

            // 5. the plant objects
            browser.login(plantLogin, Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(status(browser)).isEqualTo("已出具结论（异议期）");
            assertThat(browser.driver.findElement(By.id("verified-compliance")).getText()).isEqualTo(verifiedCompliance.toPlainString());
            assertThat(browser.driver.findElement(By.id("accept-result")).getText()).isEqualTo("确认核查结果");
            browser.driver.findElement(By.id("objection-grounds")).sendKeys("外购电力不存在重复计量，电网结算单与电表读数一致，请按报告排放量确定。");
            clickAndReload(browser, By.id("file-objection"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("异议已提交，等待市局决定。");
            assertThat(status(browser)).isEqualTo("异议处理中");
            assertThat(browser.driver.findElement(By.cssSelector(".objection .objection-grounds")).getText()).startsWith("外购电力不存在重复计量");
            assertThat(browser.driver.findElements(By.id("accept-result"))).isEmpty();
            browser.logout();

            // 6. the city coordinates and upholds the objection
            browser.login("nb.city", Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(status(browser)).isEqualTo("异议处理中");
            browser.waitFor(By.id("coordination-note")).sendKeys("组织企业与核查机构核对电网结算单和关口表读数，确认无重复计量。");
            clickAndReload(browser, By.id("add-coordination"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已记录协调情况。");
            assertThat(browser.driver.findElement(By.cssSelector(".objection")).getText()).contains("组织企业与核查机构核对电网结算单");
            browser.waitFor(By.id("decision-upheld")).click();
            browser.driver.findElement(By.id("decision-text")).sendKeys("经核对，外购电力数据无重复计量，核查机构应按报告排放量修改核查报告。");
            clickAndReload(browser, By.id("decide"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已作出决定。");
            assertThat(status(browser)).isEqualTo("待修改核查报告");
            assertThat(browser.driver.findElement(By.cssSelector(".objection-decision")).getText()).contains("异议成立", "核查机构应按报告排放量修改");
            assertThat(browser.driver.findElements(By.id("decide"))).as("decided once").isEmpty();
            browser.logout();

            // 7. the firm revises to the reported figures: final, published
            browser.login("verifier1", Demo.PASSWORD);
            open(browser, taskPath);
            assertThat(status(browser)).isEqualTo("待修改核查报告");
            assertThat(browser.text()).contains("异议成立：请修改核查报告。");
            assertThat(browser.driver.findElement(By.name("u0.c")).getAttribute("value")).as("prefilled with the conclusion")
                    .isEqualTo(verifiedCompliance.toPlainString());
            input(browser, "u0.e", reportedTotal.toPlainString());
            input(browser, "u0.c", reportedCompliance.toPlainString());
            input(browser, "opinion", "根据市局异议决定，外购电力无重复计量，核查排放量按报告数据确定。");
            clickAndReload(browser, By.id("conclude"), TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("核查结论已出具。");
            assertThat(status(browser)).isEqualTo("核查结果已确定");
            assertThat(browser.driver.findElement(By.id("verified-total")).getText()).isEqualTo(reportedTotal.toPlainString());
            assertThat(browser.driver.findElement(By.id("verified-compliance")).getText()).isEqualTo(reportedCompliance.toPlainString());
            assertThat(browser.driver.findElement(By.id("conclusions")).getText()).contains("首次核查", "异议成立后修改");
            assertThat(browser.driver.findElements(By.id("conclusion-form"))).as("the firm's work is done").isEmpty();
            assertThat(browser.driver.findElement(By.id("history")).getText()).contains("生成任务", "分配核查机构", "文件评审", "现场核查", "发出不符合项",
                    "企业提交整改", "确认整改", "出具核查结论", "企业提出异议", "市局协调", "异议成立", "要求修改核查报告", "修改核查报告", "核查排放量确定并发布");
            browser.assertPdf(By.id("pdf-link"), taskPath + "/report.pdf");
            browser.logout();

            // the city's list shows the final result
            browser.login("nb.city", Demo.PASSWORD);
            browser.go("/verification?year=" + YEAR);
            browser.noErrorPage("排放报告核查");
            assertThat(browser.waitFor(By.cssSelector("#tasks tr[data-emitter='" + uscc + "']")).getText()).contains(YONGQING, "核查结果已确定");
            browser.logout();
        }

        String taskId = taskPath.substring(taskPath.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select count(*) from verification.published_result where task_id = ?::uuid").param(taskId).query(Integer.class).single())
                .as("published once").isEqualTo(1);
    }

    static final String TITLE = YEAR + " 年度排放报告核查";

    private static void chooseFirm(Browser browser, String name) {
        browser.driver.findElement(By.cssSelector("#assign-form tr[data-firm='" + name + "'] input[name=firm]")).click();
    }

    private static String status(Browser browser) {
        return browser.waitFor(By.id("task-status")).getText();
    }

    private static String findingStatus(Browser browser) {
        return browser.waitFor(By.cssSelector("#findings tr[data-finding='1'] .finding-status")).getText();
    }

    /** Clicks a button that posts a form and waits until the next page has replaced this one. */
    private static void clickAndReload(Browser browser, By button, String title) {
        browser.clickAndWaitForNextPage(button);
        browser.noErrorPage(title);
    }

    private static void open(Browser browser, String path) {
        browser.go(path);
        browser.noErrorPage(TITLE);
    }

    private static void input(Browser browser, String name, String value) {
        WebElement input = browser.driver.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }


    private Firm firm(String name) {
        return firms.firms().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no firm " + name));
    }

    /** The demo filed both firms' qualifications; files them here only if it did not (so the test stands on its own). */
    private void qualifyForCement(Firm firm, String member, String credential) {
        if (!firm.active() || !firm.sectors().contains(Sector.BUILDING_MATERIALS)) {
            Set<Sector> sectors = EnumSet.of(Sector.BUILDING_MATERIALS);
            sectors.addAll(firm.sectors());
            firms.updateProfile(user("zj.officer"), firm.organisationId(), firm.version(), firm.qualification() == null || firm.qualification().isBlank()
                    ? "浙江省温室气体排放核查技术服务机构名录备案" : firm.qualification(), sectors, true);
        }
        LocalDate today = LocalDate.now(CHINA);
        if (firms.verifiers(firm.organisationId()).stream().noneMatch(v -> v.qualifiedFor(Sector.BUILDING_MATERIALS, today))) {
            firms.addVerifier(user(member), firm.organisationId(), "测试核查员", credential, today.plusYears(2), EnumSet.of(Sector.BUILDING_MATERIALS));
        }
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }
}
