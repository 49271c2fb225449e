package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.inbox.Reminders;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser workflow: the province adds a version of a compliance-year value (bad input first), the
 * plant finds an overdue item in red in its inbox and month view and its reminder, the district sees it in its
 * region's overdue overview.
 */
@IntegrationTest
class InboxAndPolicyBrowserTest {

    static final RegionCode BEILUN = RegionCode.of("330206");

    @LocalServerPort
    int port;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Organisations organisations;
    @Autowired
    Reminders reminders;

    @Test
    void regulatorMaintainsTheYearAndEveryoneSeesWhatIsDue() {
        var plant = organisations.findByUscc(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();
        String key = "BROWSER:" + UUID.randomUUID();
        Obligation late = obligations.open(new NewObligation(key, deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, BEILUN,
                LocalDate.of(2024, 9, 27)), plant.id(), BEILUN, Demo.BEILUN_POWER_USCC, plant.name(), "浏览器测试机组", "2024-09", null));
        reminders.remind(obligations.today());

        try (Browser browser = Browser.open(port)) {
            browser.login("zj.officer", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.linkText("履约日历"));
            browser.waitFor(By.id("deadline-rules"));
            assertThat(browser.text()).contains("月度信息化存证", "月末后20个自然日", "CCER抵销比例上限");
            browser.clickAndWaitForNextPage(By.linkText("CCER抵销比例上限"));
            browser.waitFor(By.id("new-version"));
            input(browser, "value").sendKeys("4");
            input(browser, "unit").clear();
            // a date input's typing order depends on the browser locale; set it as the date picker would
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2030-01-01'", input(browser, "inForceFrom"));
            browser.clickAndWaitForNextPage(By.cssSelector("#new-version button[type=submit]"));
            assertThat(browser.waitFor(By.cssSelector(".alert")).getText()).contains("请填写单位（%）", "请注明依据");
            input(browser, "unit").sendKeys("%");
            input(browser, "source").sendKeys("浙江省浏览器测试通知 §1");
            browser.clickAndWaitForNextPage(By.cssSelector("#new-version button[type=submit]"));
            assertThat(browser.waitFor(By.cssSelector(".notice")).getText()).contains("已新增版本");
            assertThat(browser.driver.findElement(By.id("versions")).getText()).contains("浙江省浏览器测试通知 §1", "zj.officer", "全国");
            browser.logout();

            browser.login("beilun.power", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-inbox"));
            WebElement row = browser.waitFor(By.cssSelector("tr[data-key='" + key + "']"));
            assertThat(row.getAttribute("class")).contains("overdue");
            assertThat(row.getText()).contains("存证核实更正", "浏览器测试机组", "2024-10-08", "逾期");
            assertThat(row.findElement(By.cssSelector("td.due")).getCssValue("color")).isEqualTo("rgba(180, 35, 24, 1)"); // --warn: overdue in red
            browser.clickAndWaitForNextPage(By.linkText("月历"));
            assertThat(browser.waitFor(By.id("month")).getText()).contains("一", "日");
            browser.clickAndWaitForNextPage(By.partialLinkText("提醒"));
            assertThat(browser.waitFor(By.id("notifications")).getText()).contains("已逾期", "浏览器测试机组");
            browser.logout();

            browser.login("beilun.district", Demo.PASSWORD);
            browser.go("/inbox");
            browser.clickAndWaitForNextPage(By.linkText("辖区逾期"));
            WebElement district = browser.waitFor(By.cssSelector(".overdue-district[data-region='330206']"));
            assertThat(district.getText()).contains("北仑区", plant.name(), "浏览器测试机组");
        }
        assertThat(late.isOpen()).isTrue();
    }

    private static WebElement input(Browser browser, String name) {
        return browser.driver.findElement(By.cssSelector("#new-version [name='" + name + "']"));
    }
}
