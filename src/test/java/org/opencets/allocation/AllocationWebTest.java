package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocation.AllocationFixtures.coalI;
import static org.opencets.allocation.AllocationFixtures.gas;
import static org.opencets.allocation.AllocationFixtures.unit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.AllocationFixtures.Plant;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The allocation pages as their users meet them: the province's year table and an emitter's "how computed", a
 * refused final allocation that shows the Chinese reason and stores nothing, then one that is decided; an emitter sees
 * only itself, a verification firm nothing.
 *
 * <p>Data ownership: power plants registered here in 诸暨市; the demo logins zj.officer, sx.city, keqiao.dyeing.power
 * (钱清印染热电, a demo power plant: only read) and verifier1.
 */
@IntegrationTest
class AllocationWebTest {

    static final String QIANQING = "9133060375502908XR";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    AllocationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AllocationFixtures(context);
    }

    @Test
    void theProvinceSeesTheYearAndHowItIsComputedAndDecidesOnThePage() throws Exception {
        MockHttpSession zj = Demo.login(mvc, "zj.officer");
        Plant p = fx.powerPlant("诸暨分配网页测试热电有限公司", coalI("1号机组"), gas("2号机组"));
        // 2024 as in AllocationWorkflowTest: 1号机组 A = ⌊1,869,819.588 + 10,330⌋ = 1,880,149; 2号机组 A = 328,800 + 2,665 = 331,465;
        // Σ 2,211,614, cap top-up ⌊0.8 × 2,900,000⌋ − Σ = 108,386, due 2,320,000; pre-allocation ⌊0.7 × 2,000,000⌋ = 1,400,000
        fx.importYear(p, 2023, "2000000.00", "2000000.00");
        fx.importYear(p, 2024, "2900000.00", "2900000.00", unit("1号机组", "2340000", "100000", "5000", "2600000.00"),
                unit("2号机组", "1000000", "50000", "4000", "300000.00"));

        String year = html(mvc.perform(get("/allocation/2024").session(zj)).andExpect(status().isOk()).andReturn());
        assertThat(year).contains("2024 年度配额分配", "data-emitter=\"" + p.uscc().value() + "\"", p.name(), "可核定", "2,900,000.00");

        String page = "/allocation/2024/" + p.uscc().value();
        String entity = html(mvc.perform(get(page).session(zj)).andExpect(status().isOk()).andReturn());
        assertThat(entity).contains(p.name(), "按当前数据试算（尚未核定）", "⌊Ae + Ah⌋", "Qe × Be × Ff", "1880149", "331465", "108386", "2320000",
                "⌊r × E(y−1)⌋", "1400000");

        // pre-allocation and the final allocation on the page
        MvcResult pre = mvc.perform(post(page + "/pre-allocate").session(zj).with(csrf())).andExpect(redirectedUrl(page)).andReturn();
        assertThat(pre.getFlashMap().get("done")).isEqualTo("已预分配");
        mvc.perform(get(page).session(zj)).andExpect(status().isOk()); // the flash shown once
        MvcResult done = mvc.perform(post(page + "/finalise").session(zj).with(csrf())).andExpect(redirectedUrl(page)).andReturn();
        assertThat(done.getFlashMap().get("done")).isEqualTo("已核定配额");
        String decided = html(mvc.perform(get(page).session(zj).flashAttrs(done.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(decided).contains("已核定配额", "计算过程", "2320000").doesNotContain("按当前数据试算（尚未核定）");
        assertThat(fx.counts(p).decisions()).isEqualTo(2);
        String after = html(mvc.perform(get("/allocation/2024").session(zj)).andExpect(status().isOk()).andReturn());
        assertThat(row(after, p.uscc().value())).contains("1,400,000", "2,320,000", "920,000", "已核定");
    }

    @Test
    void aRefusedFinalAllocationShowsTheReasonAndStoresNothing() throws Exception {
        MockHttpSession zj = Demo.login(mvc, "zj.officer");
        Plant p = fx.powerPlant("诸暨分配网页拒绝测试热电有限公司", coalI("1号机组"));
        String page = "/allocation/2024/" + p.uscc().value();
        AllocationFixtures.Counts before = fx.counts(p);

        MvcResult refused = mvc.perform(post(page + "/finalise").session(zj).with(csrf())).andExpect(redirectedUrl(page)).andReturn();
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) refused.getFlashMap().get("errors");
        assertThat(errors.values()).containsExactly(p.name() + " 2024 年度核查结果尚未最终确定，不能核定配额");
        String shown = html(mvc.perform(get(page).session(zj).flashAttrs(refused.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(shown).contains(p.name() + " 2024 年度核查结果尚未最终确定，不能核定配额");
        MvcResult noPrevious = mvc.perform(post(page + "/pre-allocate").session(zj).with(csrf())).andExpect(redirectedUrl(page)).andReturn();
        assertThat(((Map<?, Object>) noPrevious.getFlashMap().get("errors")).values()).containsExactly(p.name() + " 没有 2023 年度经核查排放量，无法预分配");
        assertThat(fx.counts(p)).isEqualTo(before);

        // the city of the emitter may read but not decide
        MockHttpSession sx = Demo.login(mvc, "sx.city");
        mvc.perform(get(page).session(sx)).andExpect(status().isOk());
        mvc.perform(post(page + "/finalise").session(sx).with(csrf())).andExpect(status().isForbidden());
        assertThat(fx.counts(p)).isEqualTo(before);
    }

    @Test
    void anEmitterSeesOnlyItselfAndAVerifierNothing() throws Exception {
        Plant p = fx.powerPlant("诸暨分配网页可见性测试热电有限公司", coalI("1号机组"));
        fx.importYear(p, 2023, "1000.00", "1000.00");
        String page = "/allocation/2024/" + p.uscc().value();

        MockHttpSession emitter = Demo.login(mvc, "keqiao.dyeing.power");
        String year = html(mvc.perform(get("/allocation/2024").session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(emitters(year)).containsExactly(QIANQING);
        assertThat(year).doesNotContain(p.name()).doesNotContain("id=\"authority-actions\"");
        mvc.perform(get(page).session(emitter)).andExpect(status().isNotFound());
        mvc.perform(get("/allocation/2024/" + QIANQING).session(emitter)).andExpect(status().isOk());
        mvc.perform(post(page + "/pre-allocate").session(emitter).with(csrf())).andExpect(status().isNotFound());
        assertThat(fx.counts(p).decisions()).isZero();

        MockHttpSession verifier = Demo.login(mvc, "verifier1");
        int code = mvc.perform(get(page).session(verifier)).andReturn().getResponse().getStatus();
        assertThat(code).isIn(403, 404);
        String none = html(mvc.perform(get("/allocation/2024").session(verifier)).andReturn());
        assertThat(emitters(none)).isEmpty();
    }

    private static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> emitters(String html) {
        Matcher m = Pattern.compile("data-emitter=\"([0-9A-Z]{18})\"").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String row(String html, String uscc) {
        int start = html.indexOf("data-emitter=\"" + uscc + "\"");
        assertThat(start).as("row of %s", uscc).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
