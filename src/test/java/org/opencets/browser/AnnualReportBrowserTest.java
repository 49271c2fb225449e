package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The non-power annual report workflow in the browser (seed 002 §二(三)): the cement plant starts its 2023 report,
 * is told a natural-gas stream in tonnes is wrong (and nothing is saved), enters coal and clinker streams and its
 * outputs, checks the total against a hand-worked figure and the "how computed" panel, explains and submits; the
 * Shaoxing city returns it with two reasons, the plant corrects it as version 2, the city approves and the PDF opens.
 * Owns 浙江诸暨浣东南方水泥有限公司's 2023 report (the demo loader only writes last year's report).
 */
@IntegrationTest
class AnnualReportBrowserTest {

    static final String CEMENT_USCC = "913306815149610529";
    static final int YEAR = 2023;
    static final String PAGE = "/mrv/reports/" + CEMENT_USCC + "/" + YEAR;

    /*
     * Hand-worked figures (data year 2023, rules from V12__annual_reports.sql / V6__policy_year.sql):
     *   coal (烟煤): AD 1000 t, NCV 20 GJ/t (reported), CC 0.03085 tC/GJ (2023 default, DEFAULT_COAL_CARBON_CONTENT),
     *   OF 99 % (2023 COAL_OXIDATION_RATE) → 1000 × 20 = 20000 GJ; × 0.03085 = 617 tC; × 0.99 = 610.83 tC;
     *   × 44/12 = 26876.52 / 12 = 2239.71 tCO2 exactly (half-up to 2 places: 2239.71).
     *   process (熟料): 10000 t × 0.5380 tCO2/t = 5380.00 tCO2.
     *   purchased electricity: none. Total = 2239.71 + 5380.00 = 7619.71 tCO2.
     */
    static final BigDecimal COAL = new BigDecimal("1000").multiply(new BigDecimal("20")).multiply(new BigDecimal("0.03085"))
            .multiply(new BigDecimal("0.99")).multiply(new BigDecimal("44")).divide(new BigDecimal("12"), 2, RoundingMode.HALF_UP);
    static final BigDecimal PROCESS = new BigDecimal("10000").multiply(new BigDecimal("0.5380")).setScale(2, RoundingMode.HALF_UP);
    static final BigDecimal TOTAL = COAL.add(PROCESS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void cementPlantReportsCityReturnsPlantCorrectsCityApprovesAndThePdfOpens() throws Exception {
        assertThat(COAL).isEqualByComparingTo("2239.71");
        assertThat(TOTAL).isEqualByComparingTo("7619.71");
        assertThat(jdbc.sql("select count(*) from mrv.annual_report where emitter_uscc = ? and data_year = ?")
                .params(CEMENT_USCC, YEAR).query(Integer.class).single()).as("nobody else owns the 2023 cement report").isZero();

        try (Browser browser = Browser.open(port)) {
            // 1. the plant starts its report
            browser.login("zhuji.cement", Demo.PASSWORD);
            open(browser);
            assertThat(browser.waitFor(By.id("start-report")).getText()).isEqualTo("开始编制报告");
            clickAndReload(browser, By.id("start-report"));
            browser.waitFor(By.id("streams-form"));
            assertThat(browser.driver.findElement(By.id("done")).getText()).isEqualTo("已开始编制报告。");
            assertThat(status(browser)).isEqualTo("v1 草稿");

            // 2a. natural gas counted in tonnes: refused with the unit named, nothing saved
            row(browser, 0, "FUEL_COMBUSTION", "窑头点火天然气", "NATURAL_GAS", "50", "t", "", "", "", "");
            clickAndReload(browser, By.id("save-streams"));
            String errors = browser.waitFor(By.id("errors")).getText();
            assertThat(errors).contains("窑头点火天然气", "10⁴Nm³", "t");
            assertThat(jdbc.sql("select count(*) from mrv.report_stream s join mrv.annual_report r on r.id = s.report_id"
                    + " where r.emitter_uscc = ? and r.data_year = ?").params(CEMENT_USCC, YEAR).query(Integer.class).single())
                    .as("nothing saved").isZero();
            assertThat(browser.driver.findElements(By.cssSelector("#streams td.fig a"))).as("no stream figures").isEmpty();

            // 2b. the corrected streams and outputs
            row(browser, 0, "FUEL_COMBUSTION", "窑头窑尾燃煤", "BITUMINOUS", "1000", "t", "20", "", "", "");
            row(browser, 1, "PROCESS", "熟料生产（碳酸盐分解）", "", "10000", "t", "", "", "", "0.5380");
            input(browser, "p.CLINKER", "10000");
            input(browser, "p.CEMENT", "12000");
            clickAndReload(browser, By.id("save-streams"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已保存。");
            assertThat(browser.driver.findElements(By.id("errors"))).isEmpty();

            // 3. the total is the hand-worked figure; "how computed" of the coal stream shows its formula
            assertThat(browser.driver.findElement(By.id("total-emissions")).getText()).isEqualTo(TOTAL.toPlainString() + " tCO2");
            assertThat(browser.driver.findElement(By.id("compliance-emissions")).getText()).isEqualTo(TOTAL.toPlainString() + " tCO2");
            WebElement coalFigure = browser.driver.findElements(By.cssSelector("td.fig a")).getFirst();
            assertThat(coalFigure.getText()).isEqualTo(COAL.toPlainString() + "*");
            coalFigure.click();
            String how = browser.waitFor(By.id("how-panel")).getText();
            assertThat(how).contains("E = AD × NCV × CC × OF × 44/12", COAL.toPlainString() + " tCO2", "0.03085", "0.99",
                    "CC 未填报，采用当年缺省值");

            // 4. explanation and submission
            input(browser, "explanation", "燃煤单位热值含碳量未实测，采用 2023 年缺省值；熟料排放因子按生料 CaO、MgO 含量计算。");
            clickAndReload(browser, By.id("save-explanation"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已保存。");
            assertThat(browser.driver.findElements(By.id("submit-blocked"))).as("nothing blocks submission").isEmpty();
            clickAndReload(browser, By.id("submit-report"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("报告已提交，等待审核。");
            assertThat(status(browser)).isEqualTo("v1 已提交，待审核");
            assertThat(browser.driver.findElement(By.id("receipt")).getText()).startsWith("已存证：SHA-256");
            browser.logout();

            // 5. the city returns it with two reasons
            browser.login("sx.city", Demo.PASSWORD);
            open(browser);
            assertThat(status(browser)).isEqualTo("v1 已提交，待审核");
            assertThat(browser.driver.findElement(By.id("streams")).getText()).as("the reviewer sees the source streams")
                    .contains("窑头窑尾燃煤", "熟料生产（碳酸盐分解）");
            assertThat(browser.driver.findElement(By.id("total-emissions")).getText()).isEqualTo(TOTAL.toPlainString() + " tCO2");
            browser.waitFor(By.id("reasons")).sendKeys("熟料产量与生产月报不一致\n说明中缺少燃煤化验情况");
            clickAndReload(browser, By.id("return-report"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已退回，排放单位将收到全部退回原因。");
            assertThat(status(browser)).isEqualTo("v1 已退回");
            browser.logout();

            // 6. the plant sees the reasons, corrects as version 2 and submits again
            browser.login("zhuji.cement", Demo.PASSWORD);
            open(browser);
            assertThat(browser.waitFor(By.id("return-reasons")).getText()).contains("熟料产量与生产月报不一致", "说明中缺少燃煤化验情况");
            assertThat(status(browser)).isEqualTo("v1 已退回");
            assertThat(browser.driver.findElement(By.id("start-report")).getText()).isEqualTo("开始更正（新版本）");
            clickAndReload(browser, By.id("start-report"));
            browser.waitFor(By.id("streams-form"));
            assertThat(status(browser)).isEqualTo("v2 草稿");
            assertThat(browser.driver.findElement(By.id("return-reasons")).getText()).contains("熟料产量与生产月报不一致");
            assertThat(browser.driver.findElement(By.name("s0.name")).getAttribute("value")).as("streams copied").isEqualTo("窑头窑尾燃煤");
            assertThat(new BigDecimal(browser.driver.findElement(By.name("p.CLINKER")).getAttribute("value"))).isEqualByComparingTo("10000");
            input(browser, "p.CLINKER", "10050");
            clickAndReload(browser, By.id("save-streams"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已保存。");
            assertThat(new BigDecimal(browser.driver.findElement(By.name("p.CLINKER")).getAttribute("value"))).isEqualByComparingTo("10050");
            assertThat(browser.driver.findElement(By.id("total-emissions")).getText()).isEqualTo(TOTAL.toPlainString() + " tCO2");
            input(browser, "explanation", "熟料产量按生产月报更正为 10050 t；燃煤低位发热量为入厂煤逐批化验加权平均值，单位热值含碳量未实测，采用缺省值。");
            clickAndReload(browser, By.id("save-explanation"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已保存。");
            clickAndReload(browser, By.id("submit-report"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("报告已提交，等待审核。");
            assertThat(status(browser)).isEqualTo("v2 已提交，待审核");
            browser.logout();

            // 7. the city approves; the PDF opens
            browser.login("sx.city", Demo.PASSWORD);
            open(browser);
            assertThat(status(browser)).isEqualTo("v2 已提交，待审核");
            clickAndReload(browser, By.id("approve-report"));
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已审核通过。");
            assertThat(status(browser)).isEqualTo("v2 市局审核完成");
            assertThat(browser.driver.findElement(By.id("total-emissions")).getText()).isEqualTo(TOTAL.toPlainString() + " tCO2");
            assertThat(browser.driver.findElement(By.id("explanation-text")).getText()).startsWith("熟料产量按生产月报更正为 10050 t");
            assertThat(browser.text()).as("no missing message keys").doesNotContain("??");

            String href = browser.driver.findElement(By.id("pdf-link")).getAttribute("href");
            assertThat(href).endsWith(PAGE + "/report.pdf");
            String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<byte[]> pdf = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).header("Accept-Language", "zh-CN").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            browser.logout();
        }
        assertThat(jdbc.sql("select status || ':' || report_version from mrv.annual_report where emitter_uscc = ? and data_year = ?"
                + " order by report_version").params(CEMENT_USCC, YEAR).query(String.class).list()).containsExactly("RETURNED:1", "APPROVED:2");
    }

    private static String status(Browser browser) {
        return browser.waitFor(By.id("report-status")).getText();
    }

    /** Clicks a button that posts a form and waits until the next page has replaced this one. */
    private static void clickAndReload(Browser browser, By button) {
        browser.clickAndWaitForNextPage(button);
        browser.noErrorPage(YEAR + " 年度温室气体排放报告");
    }

    /** Opens the report page and checks it rendered. */
    private static void open(Browser browser) {
        browser.go(PAGE);
        browser.noErrorPage(YEAR + " 年度温室气体排放报告");
    }

    private static void row(Browser browser, int i, String kind, String name, String fuel, String activity, String unit, String ncv, String cc,
            String of, String ef) {
        String p = "s" + i + ".";
        new Select(browser.driver.findElement(By.name(p + "kind"))).selectByValue(kind);
        new Select(browser.driver.findElement(By.name(p + "fuel"))).selectByValue(fuel);
        Map.of("name", name, "activity", activity, "unit", unit, "ncv", ncv, "cc", cc, "of", of, "ef", ef)
                .forEach((field, value) -> input(browser, p + field, value));
    }

    private static void input(Browser browser, String name, String value) {
        WebElement input = browser.driver.findElement(By.name(name));
        input.clear();
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }
}
