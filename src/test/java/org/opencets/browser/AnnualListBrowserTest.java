package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The browser workflow: a district proposes the list → the city approves and publishes → the public page shows it. */
@IntegrationTest
class AnnualListBrowserTest {

    /** Ningbo's other districts with power plants; their lists are prepared off-screen so the city can publish. */
    private static final List<String> OTHER_NINGBO_DISTRICTS = List.of("haishu", "zhenhai", "yinzhou", "ninghai", "yuyao", "cixi");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void districtProposesCityApprovesAndPublishesPublicSeesIt() throws Exception {
        approveOtherDistricts();
        try (Browser browser = Browser.open(port)) {
            browser.login("beilun.district", Demo.PASSWORD);
            assertThat(browser.text()).contains("区县生态环境主管部门工作台");
            browser.go("/directory/lists");
            browser.clickAndWaitForNextPage(By.cssSelector("[data-testid='prepare-2027-POWER']"));
            browser.waitFor(By.id("submit-list"));
            assertThat(browser.text()).contains("2027 年度发电行业重点排放单位名录（北仑区）", "浙江浙能北仑滨海发电有限公司", "系统建议");
            browser.clickAndWaitForNextPage(By.id("submit-list"));
            assertThat(browser.waitFor(By.id("list-status")).getText()).isEqualTo("已报送待审核");
            String listUrl = browser.driver.getCurrentUrl();
            browser.logout();

            browser.login("nb.city", Demo.PASSWORD);
            browser.driver.get(listUrl);
            browser.clickAndWaitForNextPage(By.id("approve-list"));
            assertThat(browser.waitFor(By.id("list-status")).getText()).isEqualTo("审核通过");
            browser.go("/directory/lists");
            browser.clickAndWaitForNextPage(By.cssSelector("[data-testid='publish-2027-POWER']"));
            browser.waitFor(By.id("published-entries"));
            assertThat(browser.text()).contains("宁波市 2027 年度发电行业重点排放单位名录", "浙江浙能北仑滨海发电有限公司");
            browser.logout();

            browser.go("/public/lists");
            assertThat(browser.text()).contains("宁波市", "2027");
            browser.clickAndWaitForNextPage(By.linkText("2027"));
            browser.waitFor(By.id("published-entries"));
            assertThat(browser.text()).contains("浙江浙能北仑滨海发电有限公司", Demo.BEILUN_POWER_USCC);
            // the shut-down 海曙 plant was suggested for exit and is not published
            assertThat(browser.text()).doesNotContain("宁波海曙望春热电有限公司");

            browser.go("/public/lists?lang=en");
            assertThat(browser.text()).contains("Published lists of key emitters");
        }
    }

    private void approveOtherDistricts() throws Exception {
        MockHttpSession city = login("nb.city");
        for (String district : OTHER_NINGBO_DISTRICTS) {
            MockHttpSession session = login(district + ".district");
            String location = mvc.perform(post("/directory/lists").session(session).with(csrf()).param("year", "2027").param("type", "POWER"))
                    .andReturn().getResponse().getRedirectedUrl();
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            mvc.perform(post("/directory/lists/" + id + "/submit").session(session).with(csrf()).param("version", version(id)));
            mvc.perform(post("/directory/lists/" + id + "/approve").session(city).with(csrf()).param("version", version(id)));
        }
    }

    private String version(UUID id) {
        return jdbc.sql("select version from directory.annual_list where id = ?").param(id).query(Integer.class).single().toString();
    }

    private MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }
}
