package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Seed 002 §一: districts propose, the city returns or approves and publishes; the public sees the published list. */
@IntegrationTest
class AnnualListWorkflowTest {

    /** Shaoxing's districts; this test owns Shaoxing's 2026 non-power list. */
    private static final List<String> SHAOXING_DISTRICTS = List.of("yuecheng", "keqiao", "shangyu", "zhuji", "shengzhou");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void districtProposesCityReturnsThenApprovesAndPublishes() throws Exception {
        MockHttpSession shangyu = login("shangyu.district");
        UUID listId = prepare(shangyu, 2026, "NON_POWER");
        // the paper mill below 26,000 t in 2023 and 2024 is suggested for exit, with the reason
        mvc.perform(get("/directory/lists/" + listId).session(shangyu)).andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江上虞春晖特种纸业有限公司")))
                .andExpect(content().string(containsString("连续 2 年排放低于 26,000 吨")));
        assertThat(decision(listId, Demo.SHANGYU_PAPER_USCC)).isEqualTo("EXCLUDE");

        submit(shangyu, listId);
        MockHttpSession city = login("sx.city");
        // returning needs reasons
        mvc.perform(post("/directory/lists/" + listId + "/return").session(city).with(csrf())
                        .param("version", version(listId)).param("reasons", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("退回时请写明")));
        assertThat(statusOf(listId)).isEqualTo("SUBMITTED");
        mvc.perform(post("/directory/lists/" + listId + "/return").session(city).with(csrf())
                        .param("version", version(listId)).param("reasons", "请核实春晖纸业 2024 年排放数据"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(listId)).isEqualTo("RETURNED");
        mvc.perform(get("/directory/lists/" + listId).session(shangyu))
                .andExpect(content().string(containsString("请核实春晖纸业 2024 年排放数据")));

        // overriding a suggestion needs a note
        UUID paper = emitterId(Demo.SHANGYU_PAPER_USCC);
        mvc.perform(post("/directory/lists/" + listId + "/entries").session(shangyu).with(csrf())
                        .param("version", version(listId)).param("decision." + paper, "INCLUDE").param("note." + paper, ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写说明")));
        assertThat(decision(listId, Demo.SHANGYU_PAPER_USCC)).isEqualTo("EXCLUDE");
        // a save based on a stale page is refused, not silently applied
        String stale = String.valueOf(Integer.parseInt(version(listId)) - 1);
        mvc.perform(post("/directory/lists/" + listId + "/entries").session(shangyu).with(csrf())
                        .param("version", stale).param("decision." + paper, "INCLUDE").param("note." + paper, "复核后保留"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(decision(listId, Demo.SHANGYU_PAPER_USCC)).isEqualTo("EXCLUDE");
        submit(shangyu, listId);

        // publication waits for every district with candidates
        mvc.perform(post("/directory/lists/publish").session(city).with(csrf()).param("year", "2026").param("type", "NON_POWER"))
                .andExpect(status().is3xxRedirection());
        assertThat(published("330600", 2026, "NON_POWER")).isZero();

        approve(city, listId);
        for (String district : SHAOXING_DISTRICTS) {
            if (district.equals("shangyu")) {
                continue;
            }
            MockHttpSession session = login(district + ".district");
            UUID other = prepare(session, 2026, "NON_POWER");
            if (!jdbc.sql("select status from directory.annual_list where id = ?").param(other).query(String.class).single().equals("APPROVED")) {
                submit(session, other);
                approve(city, other);
            }
        }
        String location = mvc.perform(post("/directory/lists/publish").session(city).with(csrf()).param("year", "2026").param("type", "NON_POWER"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/public/lists/");
        assertThat(statusOf(listId)).isEqualTo("PUBLISHED");

        // the public page, without login, lists included emitters and not the excluded paper mill
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("绍兴市 2026 年度非发电行业重点排放单位名录")))
                .andExpect(content().string(not(containsString("浙江上虞春晖特种纸业有限公司"))))
                .andExpect(content().string(containsString("浙江诸暨浣东南方水泥有限公司")));
        mvc.perform(get("/public/lists")).andExpect(status().isOk()).andExpect(content().string(containsString("绍兴市")));
        // the list's history shows each step
        assertThat(jdbc.sql("select count(*) from audit.change where subject_type = 'AnnualList' and subject_id = ?")
                .param(listId.toString()).query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void onlyTheDistrictPreparesAndOnlyItsCityReviews() throws Exception {
        MockHttpSession zhenhai = login("zhenhai.district");
        UUID listId = prepare(zhenhai, 2025, "NON_POWER");
        submit(zhenhai, listId);
        // Shaoxing's city bureau cannot review a Ningbo district's list
        mvc.perform(post("/directory/lists/" + listId + "/approve").session(login("sx.city")).with(csrf()).param("version", version(listId)))
                .andExpect(status().isNotFound());
        // a city cannot prepare a district list
        mvc.perform(post("/directory/lists").session(login("nb.city")).with(csrf()).param("year", "2025").param("type", "POWER"))
                .andExpect(status().isForbidden());
        // an emitter cannot see lists
        mvc.perform(get("/directory/lists").session(login("beilun.power"))).andExpect(status().isForbidden());
        assertThat(statusOf(listId)).isEqualTo("SUBMITTED");
    }

    private UUID prepare(MockHttpSession session, int year, String type) throws Exception {
        String location = mvc.perform(post("/directory/lists").session(session).with(csrf()).param("year", String.valueOf(year)).param("type", type))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private void submit(MockHttpSession session, UUID listId) throws Exception {
        mvc.perform(post("/directory/lists/" + listId + "/submit").session(session).with(csrf()).param("version", version(listId)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(listId)).isEqualTo("SUBMITTED");
    }

    private void approve(MockHttpSession city, UUID listId) throws Exception {
        mvc.perform(post("/directory/lists/" + listId + "/approve").session(city).with(csrf()).param("version", version(listId)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(listId)).isEqualTo("APPROVED");
    }

    private String version(UUID listId) {
        return jdbc.sql("select version from directory.annual_list where id = ?").param(listId).query(Integer.class).single().toString();
    }

    private String statusOf(UUID listId) {
        return jdbc.sql("select status from directory.annual_list where id = ?").param(listId).query(String.class).single();
    }

    private String decision(UUID listId, String uscc) {
        return jdbc.sql("select decision from directory.annual_list_entry e join directory.key_emitter k on k.id = e.emitter_id where list_id = ? and uscc = ?")
                .params(listId, uscc).query(String.class).single();
    }

    private long published(String city, int year, String type) {
        return jdbc.sql("select count(*) from directory.published_list where city_code = ? and year = ? and list_type = ?")
                .params(city, year, type).query(Long.class).single();
    }

    private UUID emitterId(String uscc) {
        return jdbc.sql("select id from directory.key_emitter where uscc = ?").param(uscc).query(UUID.class).single();
    }

    private MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }
}
