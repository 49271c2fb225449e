package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.notary.ReceiptJson;
import org.opencets.notary.TransparencyLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4's browser workflow (seed 002 §二(二)): the plant submits a month with its evidence, the district returns it
 * with two reasons, the plant corrects it (a new version), district and city approve, and the receipt verifies — on
 * the deposit page and on the public receipt page. Owns 浙能北仑滨海 1号机组, 2024-08.
 */
@IntegrationTest
class MonthlyDepositBrowserTest {

    static final String MONTH = "2024-08";

    @LocalServerPort
    int port;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    TransparencyLog log;
    @Autowired
    JdbcClient jdbc;

    @Test
    void plantSubmitsDistrictReturnsPlantCorrectsBothBureausApproveAndTheReceiptVerifies() throws IOException {
        GeneratingUnit unit = directory.powerUnits().entrySet().stream().filter(e -> e.getKey().uscc().value().equals(Demo.BEILUN_POWER_USCC))
                .findFirst().orElseThrow().getValue().stream().filter(u -> u.unitCode().equals("1号机组")).findFirst().orElseThrow();
        String page = "/mrv/deposits/" + unit.id() + "/" + MONTH;
        try (Browser browser = Browser.open(port)) {
            browser.login("beilun.power", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-mrv"));
            browser.waitFor(By.id("deposit-grid"));
            browser.go(page);
            browser.clickAndWaitForNextPage(By.id("start-deposit"));
            browser.waitFor(By.id("values-form"));
            fill(browser, Map.of("FUEL_CONSUMPTION.BITUMINOUS", "130,000", "NCV.BITUMINOUS", "21.53", "CARBON_CONTENT.BITUMINOUS", "0.5612",
                    "FUEL_CONSUMPTION.FUEL_OIL", "0", "GENERATION", "336000", "POWER_SUPPLIED", "319200", "HEAT_SUPPLIED", "0",
                    "PURCHASED_ELECTRICITY", "0", "OPERATING_HOURS", "745", "LOAD_FACTOR", "80"));
            fill(browser, Map.of("AUX_POWER_RATE", "5"));
            browser.driver.findElement(By.id("sampleId")).sendKeys("BL-1-2024-08");
            browser.driver.findElement(By.id("samplePlace")).sendKeys("化验楼留样间 8 号柜");
            browser.clickAndWaitForNextPage(By.id("save-values"));
            browser.waitFor(By.id("done"));
            // the checks are shown before submitting: 745 h do not fit in August's 744, and no evidence yet
            assertThat(browser.driver.findElement(By.id("checks")).getText()).contains("超过 2024-08 的 744 小时", "缺少支撑材料");

            attach(browser, "FUEL_RECORD", "", "入炉煤月报.pdf", pdf("fuel"));
            attach(browser, "LAB_REPORT", "BITUMINOUS", "化验报告.pdf", pdf("lab"));
            attach(browser, "METER_READING", "", "电能表抄表.pdf", pdf("meter"));
            attach(browser, "PRODUCTION_REPORT", "", "生产月报.pdf", pdf("production"));
            attach(browser, "SAMPLING_RECORDING", "", "采样影像.jpg", jpeg());
            browser.clickAndWaitForNextPage(By.id("submit-deposit"));
            browser.waitFor(By.id("errors"));
            assertThat(browser.driver.findElement(By.id("errors")).getText()).contains("运行小时数 745 超过 2024-08 的 744 小时");
            assertThat(browser.driver.findElement(By.id("deposit-status")).getText()).isEqualTo("草稿");

            fill(browser, Map.of("OPERATING_HOURS", "700"));
            browser.clickAndWaitForNextPage(By.id("save-values"));
            browser.waitFor(By.id("done"));
            browser.clickAndWaitForNextPage(By.id("submit-deposit"));
            browser.waitFor(By.id("receipt"));
            assertThat(browser.driver.findElement(By.id("deposit-status")).getText()).isEqualTo("待区县审核");
            browser.logout();

            browser.login("beilun.district", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-mrv"));
            assertThat(browser.waitFor(By.id("deposit-queue")).getText()).contains("浙江浙能北仑滨海发电有限公司", MONTH);
            browser.go(page);
            browser.waitFor(By.id("reasons")).sendKeys("入炉煤化验报告缺少 CMA 章\n运行小时数与 SIS 月报不一致");
            browser.clickAndWaitForNextPage(By.id("return-deposit"));
            browser.waitFor(By.id("done"));
            assertThat(browser.driver.findElement(By.id("deposit-status")).getText()).isEqualTo("已退回");
            browser.logout();

            browser.login("beilun.power", Demo.PASSWORD);
            browser.go(page);
            assertThat(browser.waitFor(By.id("return-reasons")).getText()).contains("入炉煤化验报告缺少 CMA 章", "运行小时数与 SIS 月报不一致");
            browser.clickAndWaitForNextPage(By.id("start-deposit"));
            browser.waitFor(By.id("values-form"));
            assertThat(browser.driver.findElement(By.id("deposit-status")).getText()).isEqualTo("草稿");
            assertThat(browser.text()).contains("第 2 版");
            fill(browser, Map.of("OPERATING_HOURS", "702"));
            browser.clickAndWaitForNextPage(By.id("save-values"));
            browser.waitFor(By.id("done"));
            attach(browser, "LAB_REPORT", "BITUMINOUS", "化验报告-盖章.pdf", pdf("stamped"));
            browser.clickAndWaitForNextPage(By.id("submit-deposit"));
            browser.waitFor(By.id("receipt"));
            browser.logout();

            approve(browser, "beilun.district", page, "区县通过，待市局");
            approve(browser, "nb.city", page, "市局完成");

            browser.login("beilun.power", Demo.PASSWORD);
            browser.go(page);
            browser.waitFor(By.id("verify-deposit")).click();
            assertThat(browser.waitFor(By.id("integrity-verdict")).getText()).contains("完整性校验全部通过");
            assertThat(browser.text()).contains("v2", "v1", "已退回", "市局完成");
            browser.logout();
        }
        try (Browser browser = Browser.open(port)) {
            browser.go("/public/receipts");
            java.util.UUID approved = jdbc.sql("select id from mrv.deposit where unit_id = ? and month = ? and status = 'APPROVED'")
                    .params(unit.id(), java.time.LocalDate.parse(MONTH + "-01")).query(java.util.UUID.class).single();
            String receipt = ReceiptJson.write(log.receipts("MONTHLY_DEPOSIT", approved.toString()).getFirst());
            WebElement box = browser.waitFor(By.id("receipt"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", box, receipt);
            browser.clickAndWaitForNextPage(By.id("verify-receipt"));
            assertThat(browser.waitFor(By.id("receipt-verdict")).getText()).contains("回执有效");
        }
    }

    private static void fill(Browser browser, Map<String, String> values) {
        values.forEach((field, value) -> {
            WebElement input = browser.driver.findElement(By.name("v." + field));
            input.clear();
            input.sendKeys(value);
        });
    }

    private static void attach(Browser browser, String kind, String fuel, String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("evidence");
        Path file = Files.write(dir.resolve(name), content);
        new Select(browser.driver.findElement(By.id("evidence-kind"))).selectByValue(kind);
        new Select(browser.driver.findElement(By.id("evidence-fuel"))).selectByValue(fuel);
        browser.driver.findElement(By.id("evidence-file")).sendKeys(file.toString());
        browser.clickAndWaitForNextPage(By.id("attach"));
        assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("支撑材料已上传。");
        assertThat(browser.driver.findElement(By.id("evidence")).getText()).contains(name);
    }

    private static void approve(Browser browser, String username, String page, String statusAfter) {
        browser.login(username, Demo.PASSWORD);
        browser.go(page);
        browser.clickAndWaitForNextPage(By.id("approve-deposit"));
        browser.waitFor(By.id("done"));
        assertThat(browser.driver.findElement(By.id("deposit-status")).getText()).isEqualTo(statusAfter);
        browser.logout();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% browser test " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9};
    }
}
