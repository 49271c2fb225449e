package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencets.compliance.CompliancePageFixtures;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The whole surrender path with CCER offsets in the browser, in Chinese (seed 001 第三步–第五步; seed 003 §二 5 % cap,
 * §五 履约证明):
 * <ol>
 * <li>the CCER registry (ccer.registry) registers a project, opens a CCER account for a fresh power plant (obligation
 * 100,000 t for 2024, 96,000 t of 2024 allowances) and issues it 8,000 t; the plant reads its ETS account number on its
 * compliance page, binds its CCER account to it and makes a 全国履约抵销 of the 8,000 t (seed 001 第三步);</li>
 * <li>the plant opens 履约清缴 from the navigation and sees the 8,000 t pending (待抵销); types 6,000 t of CCER and sees, as it types, that this is above the 5 % cap
 * (5,000 t); corrects it to 4,000 t, fills the rest from the proposal, submits with allowances and CCER and downloads
 * the pre-filled application form;</li>
 * <li>the province (zj.officer) reviews it and rejects it listing two deficiencies at once;</li>
 * <li>the plant sees both, amends (the form is pre-filled with what it asked) and resubmits;</li>
 * <li>zj.officer approves; the plant's status is 逾期履约 (the 2024 deadline, 2025-12-31, is past on the test clock) and
 * its certificate downloads; in its CCER account the 4,000 t used are cancelled (注销, seed 001 第四步) and 4,000 t stay frozen.</li>
 * </ol>
 * Data ownership: the plant, its login, obligation and allowances are made here ({@link CompliancePageFixtures}); its
 * CCER project, account, issuance and offset are made through the CCER registry's pages.
 */
@IntegrationTest
class ComplianceBrowserTest {

    static final int YEAR = 2024;
    static final String TITLE = "2024 年度配额清缴";
    static final String CCER_TITLE = "自愿减排注册登记系统";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void emitterRequestsWithAllowancesAndCcerProvinceRejectsWithTwoDeficienciesEmitterAmendsProvinceApprovesCertificate() throws Exception {
        CompliancePageFixtures fx = new CompliancePageFixtures(context);
        CompliancePageFixtures.Emitter plant = fx.emitter("330206", "履约浏览器测试电厂", YEAR, 100_000, Map.of("2024", 96_000L));
        String project = "CCER-14-V01-2024-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

        try (Browser browser = Browser.open(port)) {
            // ---- CCER (seed 001 第一步–第三步): the CCER registry registers the project, opens the plant's account and
            // issues 8,000 t to it; the plant binds that account to its ETS registry account and makes a "national
            // compliance offset" (全国履约抵销) of the 8,000 t, which the ETS registry shows as pending (待抵销).
            browser.login("ccer.registry", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-ccer"));
            browser.noErrorPage(CCER_TITLE);
            fill(browser, "#project-projectNumber", project);
            fill(browser, "#project-name", "浙江某海上风电项目");
            fill(browser, "#project-type", "海上风电");
            fill(browser, "#project-methodology", "CCER-14-001-V01 并网海上风力发电");
            new Select(browser.driver.findElement(By.id("project-inNationalEts"))).selectByValue("no");
            browser.clickAndWaitForNextPage(By.id("submit-project"));
            browser.noErrorPage(CCER_TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("项目 " + project + " 已登记");
            assertThat(browser.driver.findElement(By.cssSelector("#projects tr[data-project='" + project + "']")).getText())
                    .contains("浙江某海上风电项目", "海上风电", "否");

            fill(browser, "#account-uscc", plant.uscc().value());
            fill(browser, "#account-holderName", plant.name());
            fill(browser, "#account-region", plant.region().value());
            browser.clickAndWaitForNextPage(By.id("submit-account"));
            browser.noErrorPage(CCER_TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已为 " + plant.name() + " 开立登记账户");
            WebElement opened = browser.driver.findElements(By.cssSelector("#accounts tr[data-account]")).stream()
                    .filter(row -> row.getText().contains(plant.uscc().value())).findFirst().orElseThrow();
            String ccerAccount = opened.getAttribute("data-account");
            assertThat(opened.getText()).contains(plant.name(), "未绑定");

            fill(browser, "#issue-account", ccerAccount);
            fill(browser, "#issue-project", project);
            fill(browser, "#issue-quantity", "8000");
            browser.clickAndWaitForNextPage(By.id("submit-issue"));
            browser.noErrorPage(CCER_TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已向账户 " + ccerAccount + " 签发项目 " + project, "8,000");
            browser.logout();

            // the plant reads its ETS registry account number on its compliance page: nothing pending there yet
            browser.login(plant.username(), Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-compliance"));
            browser.noErrorPage(TITLE);
            String etsAccount = browser.driver.findElement(By.id("ets-account")).getText();
            assertThat(etsAccount).isEqualTo(plant.account());
            assertThat(browser.driver.findElements(By.cssSelector("#pending-offsets tr[data-lot]"))).isEmpty();

            // its CCER account: 8,000 t available, not yet bound
            browser.clickAndWaitForNextPage(By.id("nav-ccer"));
            String accountTitle = "自愿减排登记账户 " + ccerAccount;
            browser.noErrorPage(accountTitle);
            assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/ccer/accounts/" + ccerAccount);
            assertThat(browser.driver.findElement(By.id("binding")).getText()).isEqualTo("未绑定");
            String holding = "#holdings tr[data-project='" + project + "']";
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .available")).getText()).isEqualTo("8,000");

            // binds it to the ETS registry account
            fill(browser, "#binding-etsAccount", etsAccount);
            browser.clickAndWaitForNextPage(By.id("submit-binding"));
            browser.noErrorPage(accountTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已绑定全国碳排放权注册登记账户 " + etsAccount);
            assertThat(browser.driver.findElement(By.id("binding")).getText()).startsWith(etsAccount);

            // national compliance offset of the 8,000 t: frozen here, sent to the ETS registry
            new Select(browser.driver.findElement(By.id("offset-project"))).selectByValue(project);
            assertThat(browser.driver.findElements(By.id("ets-warning"))).as("the project is outside the national ETS").isEmpty();
            fill(browser, "#offset-quantity", "8000");
            browser.clickAndWaitForNextPage(By.id("submit-offset"));
            browser.noErrorPage(accountTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("项目 " + project, "8,000", "已冻结", "已同步至碳排放权注册登记账户 " + etsAccount);
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .available")).getText()).isEqualTo("0");
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .frozen")).getText()).isEqualTo("8,000");
            WebElement offset = browser.driver.findElement(By.cssSelector("#offsets tr[data-offset]"));
            UUID lot = UUID.fromString(offset.getAttribute("data-offset"));
            assertThat(offset.getText()).contains(project, etsAccount, "8,000", "冻结中 8,000");
            // ---- end of the CCER steps

            // 1. the plant opens its compliance page from the navigation: the lot is there, pending (待抵销)
            browser.clickAndWaitForNextPage(By.id("nav-compliance"));
            browser.noErrorPage(TITLE);
            assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/compliance/2024");
            assertThat(browser.driver.findElement(By.id("obligation")).getText()).isEqualTo("100,000 吨");
            assertThat(browser.driver.findElement(By.cssSelector("#summary .status")).getText()).isEqualTo("未履约");
            assertThat(browser.driver.findElement(By.cssSelector("#pending-offsets thead")).getText()).contains("待抵销量");
            assertThat(browser.driver.findElement(By.cssSelector("#pending-offsets tr[data-lot='" + lot + "']")).getText())
                    .contains(project, "浙江某海上风电项目", "海上风电", "8,000", "符合抵销条件");
            assertThat(browser.driver.findElement(By.id("offset-cap")).getText()).contains("最多 5,000 吨");

            // 6,000 t of CCER is above 5 % of 100,000 t: told while typing, in Chinese
            fill(browser, "#request-form input[name='allowance.2024']", "94000");
            fill(browser, "#request-form input[name='offset." + lot + "']", "6000");
            WebElement cap = browser.waitFor(By.cssSelector("#check-submit li[data-key='compliance.offset.cap']"));
            assertThat(cap.getText()).contains("CCER 抵销比例不得超过应清缴配额量的 5%", "5,000", "6,000");
            assertThat(browser.driver.findElement(By.cssSelector("#check-submit .offset-ratio")).getText()).isEqualTo("6.00%");

            // corrected to 4,000 t: the error goes, the ratio follows
            fill(browser, "#request-form input[name='offset." + lot + "']", "4000");
            fill(browser, "#request-form input[name='allowance.2024']", "96000");
            wait(browser, d -> d.findElement(By.cssSelector("#check-submit .offset-ratio")).getText().equals("4.00%")
                    && d.findElements(By.cssSelector("#check-submit li[data-key]")).isEmpty());
            assertThat(browser.driver.findElement(By.cssSelector("#check-submit")).getText()).contains("4,000", "符合清缴规则");

            // the proposal fills the form (CCER up to the cap, the rest in 2024 allowances); it too meets the rules
            browser.driver.findElement(By.id("fill-proposal")).click();
            wait(browser, d -> d.findElement(By.cssSelector("#check-submit .offset-ratio")).getText().equals("5.00%"));
            assertThat(value(browser, "#request-form input[name='offset." + lot + "']")).isEqualTo("5000");
            assertThat(value(browser, "#request-form input[name='allowance.2024']")).isEqualTo("95000");
            // back to the corrected request: 96,000 t of allowances and 4,000 t of CCER
            fill(browser, "#request-form input[name='offset." + lot + "']", "4000");
            fill(browser, "#request-form input[name='allowance.2024']", "96000");
            wait(browser, d -> d.findElement(By.cssSelector("#check-submit .offset-ratio")).getText().equals("4.00%"));
            fill(browser, "#submit-contactName", "张三");
            fill(browser, "#submit-contactPhone", "0574-86801234");
            fill(browser, "#submit-contactEmail", "zhangsan@example.com");
            browser.clickAndWaitForNextPage(By.id("submit-request"));
            browser.noErrorPage(TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已提交，待省级生态环境主管部门审核");
            WebElement request = browser.driver.findElement(By.cssSelector("#requests .request"));
            String id = request.getAttribute("data-id");
            String number = request.findElement(By.cssSelector(".request-number")).getText();
            assertThat(request.getText()).contains("待审核", "逾期", "2024 年度配额", "96,000 吨", "CCER " + project, "4,000 吨");
            assertThat(browser.driver.findElements(By.id("request-form"))).as("one request under review at a time").isEmpty();
            browser.assertPdf(By.cssSelector("#request-" + id + " .form-pdf"), "/compliance/requests/" + id + "/form?revision=1");
            browser.logout();

            // 2. the province reviews it and lists two deficiencies at once
            browser.login("zj.officer", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-compliance"));
            assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/compliance/dashboard");
            assertThat(browser.waitFor(By.cssSelector("main h1")).getText()).matches("\\d{4} 年度履约情况");
            browser.clickAndWaitForNextPage(By.id("requests-link"));
            browser.noErrorPage("清缴申请审核");
            browser.clickAndWaitForNextPage(By.cssSelector("#request-list tr[data-id='" + id + "'] a"));
            browser.noErrorPage("清缴申请 " + number);
            assertThat(browser.driver.findElement(By.id("request")).getText()).contains(plant.name(), plant.uscc().value(), plant.account(), "100,000 吨",
                    "4,000 吨", "占应清缴配额量 4.00%");
            assertThat(browser.driver.findElements(By.id("over-cap"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("late")).getText()).isEqualTo("逾期履约申请");
            assertThat(browser.driver.findElement(By.cssSelector("#lots tr[data-lot='" + lot + "']")).getText()).contains(project, "海上风电", "4,000",
                    "符合抵销条件");
            browser.driver.findElement(By.id("deficiency-form")).click();
            browser.driver.findElement(By.id("deficiency-contact")).click();
            browser.clickAndWaitForNextPage(By.id("reject"));
            browser.noErrorPage("清缴申请 " + number);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("审核不通过，已一次性告知 2 项不符合事项");
            assertThat(browser.driver.findElement(By.cssSelector(".request-status")).getText()).isEqualTo("审核未通过");
            browser.logout();

            // 3. the plant sees both deficiencies and amends
            browser.login(plant.username(), Demo.PASSWORD);
            browser.go("/compliance/2024");
            browser.noErrorPage(TITLE);
            List<String> deficiencies = browser.driver.findElements(By.cssSelector("#request-" + id + " .deficiencies li")).stream().map(WebElement::getText)
                    .toList();
            assertThat(deficiencies).containsExactly("申请表信息不完整或与系统不一致", "联系人信息有误");
            String amend = "#amend-" + id;
            assertThat(value(browser, amend + " input[name='offset." + lot + "']")).as("pre-filled").isEqualTo("4000");
            assertThat(value(browser, amend + " input[name='allowance.2024']")).isEqualTo("96000");
            assertThat(value(browser, amend + " input[name='contactName']")).isEqualTo("张三");
            fill(browser, amend + " input[name='contactPhone']", "0574-86809999");
            browser.clickAndWaitForNextPage(By.cssSelector(amend + " .amend-submit"));
            browser.noErrorPage(TITLE);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已修改并重新提交（第 2 版）");
            assertThat(browser.driver.findElement(By.cssSelector("#request-" + id + " .request-status")).getText()).isEqualTo("待审核");
            browser.logout();

            // 4. the province approves
            browser.login("zj.officer", Demo.PASSWORD);
            browser.go("/compliance/requests/" + id);
            browser.noErrorPage("清缴申请 " + number);
            assertThat(browser.driver.findElement(By.id("contact")).getText()).contains("0574-86809999");
            browser.clickAndWaitForNextPage(By.id("approve"));
            browser.noErrorPage("清缴申请 " + number);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已审核通过");
            assertThat(browser.driver.findElements(By.id("approve"))).isEmpty();
            browser.logout();

            // the plant has complied (late: after 2025-12-31) and downloads its certificate
            browser.login(plant.username(), Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-compliance"));
            browser.noErrorPage(TITLE);
            assertThat(browser.driver.findElement(By.cssSelector("#summary .status")).getText()).isIn("按时履约", "逾期履约").isEqualTo("逾期履约");
            assertThat(browser.driver.findElement(By.id("gap")).getText()).isEqualTo("0 吨");
            assertThat(browser.driver.findElement(By.cssSelector("#request-" + id + " .request-status")).getText()).isEqualTo("审核通过");
            browser.assertPdf(By.id("certificate-pdf"), "/compliance/2024/certificate");

            // back in the CCER registry, the 4,000 t used in the surrender are cancelled (注销, seed 001 第四步); the
            // other 4,000 t stay frozen in the lot, pending in the ETS account
            browser.clickAndWaitForNextPage(By.id("nav-ccer"));
            browser.noErrorPage(accountTitle);
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .cancelled")).getText()).isEqualTo("4,000");
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .frozen")).getText()).isEqualTo("4,000");
            assertThat(browser.driver.findElement(By.cssSelector(holding + " .available")).getText()).isEqualTo("0");
            assertThat(browser.driver.findElement(By.cssSelector("#offsets tr[data-offset='" + lot + "'] .offset-status")).getText())
                    .contains("已注销 4,000", "冻结中 4,000");
            assertThat(browser.driver.findElements(By.cssSelector("#movements tbody tr")).stream().map(WebElement::getText))
                    .anySatisfy(m -> assertThat(m).contains("抵销清缴注销", project, "4,000", "全国碳排放权注册登记系统"));
            browser.logout();
        }
    }

    private static void fill(Browser browser, String css, String value) {
        WebElement input = browser.driver.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(value);
    }

    private static String value(Browser browser, String css) {
        return browser.driver.findElement(By.cssSelector(css)).getAttribute("value");
    }

    private static void wait(Browser browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(condition);
    }
}
