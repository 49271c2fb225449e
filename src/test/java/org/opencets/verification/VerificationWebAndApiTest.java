package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencets.verification.VerificationFixtures.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.opencets.verification.VerificationFixtures.Plant;
import org.opencets.verification.VerificationFixtures.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Verification as its users meet it: the task page for the assigned firm (and a 404 for another firm), the API for the
 * city, a refused conclusion form that shows the Chinese message and changes nothing, then a complete one.
 *
 * <p>Data ownership: a cement plant registered here; the demo logins nb.city, verifier1 and verifier2.
 */
@IntegrationTest
class VerificationWebAndApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    VerificationTasks tasks;
    @Autowired
    VerificationWork work;
    @Autowired
    VerificationResults results;
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
    void theAssignedFirmWorksOnThePageAnotherFirmGetsNotFoundAndTheCityReadsTheApi() throws Exception {
        Plant plant = fx.cementPlant("宁波北仑核查网页测试水泥有限公司");
        VerificationTask t = fx.assigned(plant, fx.yongqing().organisationId());
        String path = "/verification/tasks/" + t.id();
        MockHttpSession verifier1 = Demo.login(mvc, "verifier1");
        MockHttpSession verifier2 = Demo.login(mvc, "verifier2");

        // ---- the task page
        String page = html(mvc.perform(get(path).session(verifier1)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(plant.emitter().name());
        mvc.perform(get(path).session(verifier2)).andExpect(status().isNotFound());
        mvc.perform(get("/verification").param("year", String.valueOf(YEAR)).session(verifier2)).andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(plant.emitter().name()))));

        // ---- the API: the city's credentials list the task; another firm's neither list nor read it
        mvc.perform(get("/api/v1/verification/tasks").param("year", String.valueOf(YEAR)).with(httpBasic("nb.city", Demo.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(t.id().toString())))
                .andExpect(jsonPath("$[?(@.id == '" + t.id() + "')].status", hasItem("ASSIGNED")))
                .andExpect(jsonPath("$[?(@.id == '" + t.id() + "')].emitterName", hasItem(plant.emitter().name())));
        mvc.perform(get("/api/v1/verification/tasks/" + t.id()).with(httpBasic("nb.city", Demo.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.task.id").value(t.id().toString()))
                .andExpect(jsonPath("$.history[*].action", hasItem("ASSIGNED")));
        mvc.perform(get("/api/v1/verification/tasks").param("year", String.valueOf(YEAR)).with(httpBasic("verifier2", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem(t.id().toString()))));
        mvc.perform(get("/api/v1/verification/tasks/" + t.id()).with(httpBasic("verifier2", Demo.PASSWORD))).andExpect(status().isNotFound());

        // ---- a conclusion without the verified figure is refused on the page, in Chinese, and changes nothing
        VerificationTask reviewed = work.reviewDocuments(fx.verifier1(), t.id(), t.version(), "核对了年度排放报告、熟料产量月报。");
        Snapshot before = fx.snapshot(t.id());
        String refused = html(mvc.perform(post(path + "/conclusion").session(verifier1).with(csrf())
                        .param("version", String.valueOf(reviewed.version()))
                        .param("u0.e", "").param("u0.c", "")
                        .param("p.CLINKER", "50000").param("p.CEMENT", "64000")
                        .param("opinion", "排放报告数据真实、准确、完整。"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("缺少核查排放量");
        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        // a number that is not one is named
        String notANumber = html(mvc.perform(post(path + "/conclusion").session(verifier1).with(csrf())
                        .param("version", String.valueOf(reviewed.version()))
                        .param("u0.e", "一万").param("u0.c", "10000")
                        .param("opinion", "排放报告数据真实、准确、完整。"))
                .andExpect(status().isOk()).andReturn());
        assertThat(notANumber).contains("一万");
        assertThat(fx.snapshot(t.id())).isEqualTo(before);
        // another firm cannot post it at all
        mvc.perform(post(path + "/conclusion").session(verifier2).with(csrf()).param("version", String.valueOf(reviewed.version()))
                .param("u0.e", "1").param("u0.c", "1").param("opinion", "越权")).andExpect(status().isNotFound());
        assertThat(fx.snapshot(t.id())).isEqualTo(before);

        // ---- the complete form concludes; the report PDF is there
        VerificationTask.ReportedLine line = reviewed.lines().getFirst();
        mvc.perform(post(path + "/conclusion").session(verifier1).with(csrf())
                        .param("version", String.valueOf(reviewed.version()))
                        .param("u0.e", line.emissions().toPlainString()).param("u0.c", line.compliance().toPlainString())
                        .param("p.CLINKER", "50000").param("p.CEMENT", "64000")
                        .param("opinion", "排放报告数据真实、准确、完整。"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        VerificationTask concluded = tasks.task(fx.city(), t.id());
        assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        mvc.perform(get(path + "/report.pdf").session(verifier1)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));

        // ---- once accepted, the result is on the API for the city, not for another firm
        results.accept(plant.officer(), t.id(), concluded.version());
        String result = mvc.perform(get("/api/v1/verification/results/" + plant.uscc().value() + "/" + YEAR).with(httpBasic("nb.city", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1)).andExpect(jsonPath("$.taskId").value(t.id().toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(new java.math.BigDecimal(com.jayway.jsonpath.JsonPath.read(result, "$.verifiedTotal").toString()))
                .isEqualByComparingTo(line.emissions());
        mvc.perform(get("/api/v1/verification/results/" + plant.uscc().value() + "/" + YEAR).with(httpBasic("verifier2", Demo.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiGivesTheUsccAndRegionAsPlainStrings() throws Exception {
        Plant plant = fx.cementPlant("宁波北仑核查接口格式测试水泥有限公司");
        VerificationTask t = fx.task(plant);
        String json = mvc.perform(get("/api/v1/verification/tasks/" + t.id()).with(httpBasic("nb.city", Demo.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Object emitter = com.jayway.jsonpath.JsonPath.read(json, "$.task.emitter");
        Object region = com.jayway.jsonpath.JsonPath.read(json, "$.task.region");
        assertThat(emitter).as(json).isEqualTo(plant.uscc().value());
        assertThat(region).as(json).isEqualTo(VerificationFixtures.REGION);
    }

    static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
