package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Seed 002 §二(一) on the pages: the emitter drafts a unit's plan, a refused row keeps what was typed, the plan is
 * submitted, the district returns it with reasons and then approves it, the city puts it in force.
 * Owns 国电北仑临港 1号机组's plan for next year.
 */
@IntegrationTest
class PlanPagesTest {

    static final String USCC = "91330206439099414B";
    static final String LOGIN = "mrv.plan.lingang";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;
    @Autowired
    Deadlines deadlines;

    UUID unitId;
    int year;

    @BeforeEach
    void emitterLoginAndUnit() {
        if (jdbc.sql("select count(*) from identity.user_account where username = ?").param(LOGIN).query(Long.class).single() == 0) {
            people.createUnchecked(organisations.findByUscc(Uscc.of(USCC)).orElseThrow().id(), LOGIN, "临港电厂计划经办人",
                    "mrv.plan.lingang@example.com", Set.of(Role.OFFICER), Demo.PASSWORD);
        }
        unitId = jdbc.sql("""
                select u.id from directory.generating_unit u join directory.key_emitter e on e.id = u.emitter_id
                where e.uscc = ? and u.unit_code = '1号机组'""").param(USCC).query(UUID.class).single();
        year = deadlines.today().getYear() + 1;
    }

    @Test
    void emitterDraftsAndSubmitsDistrictReturnsThenApprovesCityPutsItInForce() throws Exception {
        MockHttpSession plant = Demo.login(mvc, LOGIN);
        String page = "/mrv/plans/" + unitId + "/" + year;
        mvc.perform(get(page).session(plant)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"start-plan\"")));
        mvc.perform(post(page + "/draft").session(plant).with(csrf())).andExpect(status().is3xxRedirection());
        UUID planId = jdbc.sql("select id from mrv.qc_plan where unit_id = ? and plan_year = ?").params(unitId, year).query(UUID.class).single();

        // a measured NCV without a laboratory and a default that is not a number: both named, what was typed kept
        mvc.perform(items(post("/mrv/plans/by-id/" + planId + "/items").session(plant), planId,
                        java.util.Map.of("lab.NCV.BITUMINOUS", "", "default.NCV.FUEL_OIL", "四十一", "basis.GENERATION", "ESTIMATED")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("获取方式“ESTIMATED”无效")))
                .andExpect(content().string(containsString("四十一")))
                .andExpect(content().string(containsString("不是数字")));
        mvc.perform(items(post("/mrv/plans/by-id/" + planId + "/items").session(plant), planId, java.util.Map.of("lab.NCV.BITUMINOUS", "")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写检测机构")));
        assertThat(itemCount(planId)).isZero();

        mvc.perform(items(post("/mrv/plans/by-id/" + planId + "/items").session(plant), planId, java.util.Map.of())).andExpect(status().is3xxRedirection());
        assertThat(itemCount(planId)).isEqualTo(13);
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/submit").session(plant).with(csrf()).param("version", version(planId)))
                .andExpect(status().is3xxRedirection());
        assertThat(planStatus(planId)).isEqualTo("SUBMITTED");

        MockHttpSession district = Demo.login(mvc, "beilun.district");
        mvc.perform(get("/mrv").session(district)).andExpect(content().string(containsString(page)));
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/return").session(district).with(csrf()).param("version", version(planId))
                .param("reasons", "燃油流量计未写明检定周期\n入炉煤采样频次与制样方案不一致")).andExpect(status().is3xxRedirection());
        assertThat(planStatus(planId)).isEqualTo("RETURNED");
        mvc.perform(get(page).session(plant)).andExpect(content().string(containsString("燃油流量计未写明检定周期")))
                .andExpect(content().string(containsString("入炉煤采样频次与制样方案不一致")));
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/submit").session(plant).with(csrf()).param("version", version(planId)))
                .andExpect(status().is3xxRedirection());

        // the emitter cannot approve its own plan; the district approves, then the city
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/approve").session(plant).with(csrf()).param("version", version(planId)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/approve").session(district).with(csrf()).param("version", version(planId)))
                .andExpect(status().is3xxRedirection());
        MockHttpSession city = Demo.login(mvc, "nb.city");
        mvc.perform(post("/mrv/plans/by-id/" + planId + "/approve").session(city).with(csrf()).param("version", version(planId)))
                .andExpect(status().is3xxRedirection());
        assertThat(planStatus(planId)).isEqualTo("APPROVED");
        mvc.perform(get(page).session(plant)).andExpect(content().string(containsString("现行有效：第 1 版")))
                .andExpect(content().string(containsString("id=\"revise-plan\"")));
    }

    /** A complete plan for a BITUMINOUS + FUEL_OIL unit, as the form posts it. */
    private MockHttpServletRequestBuilder items(MockHttpServletRequestBuilder request, UUID planId, java.util.Map<String, String> changed) {
        request.with(csrf()).param("version", version(planId));
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        for (ParameterField f : PlanRules.fields(java.util.List.of(org.opencets.directory.Fuel.BITUMINOUS, org.opencets.directory.Fuel.FUEL_OIL))) {
            String n = f.name();
            boolean oilQuality = f.fuel() == org.opencets.directory.Fuel.FUEL_OIL && f.parameter().isFuelQuality();
            form.put("basis." + n, oilQuality ? "DEFAULT" : "MEASURED");
            form.put("method." + n, "方法 " + n);
            form.put("instrument." + n, "器具 " + n);
            form.put("calibration." + n, "每年检定");
            form.put("lab." + n, "厂化验室");
            form.put("frequency." + n, "每月");
            form.put("default." + n, oilQuality && f.parameter() == Parameter.NCV ? "41.816" : "");
        }
        form.putAll(changed);
        form.forEach(request::param);
        return request;
    }

    private String version(UUID planId) {
        return String.valueOf(jdbc.sql("select version from mrv.qc_plan where id = ?").param(planId).query(Integer.class).single());
    }

    private String planStatus(UUID planId) {
        return jdbc.sql("select status from mrv.qc_plan where id = ?").param(planId).query(String.class).single();
    }

    private long itemCount(UUID planId) {
        return jdbc.sql("select count(*) from mrv.qc_plan_item where plan_id = ?").param(planId).query(Long.class).single();
    }
}
