package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A bureau sees only its region, an emitter only itself — by page and by API (issue: authorisation tests). */
@IntegrationTest
class DirectoryAuthorisationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void districtBureauCannotOpenAnotherDistrictsEmitterByUrl() throws Exception {
        MockHttpSession zhenhai = login("zhenhai.district");
        UUID beilunPlant = emitterId(Demo.BEILUN_POWER_USCC);
        mvc.perform(get("/directory/emitters/" + beilunPlant).session(zhenhai)).andExpect(status().isNotFound());
        mvc.perform(get("/directory/emitters/" + beilunPlant).session(login("beilun.district"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("浙江浙能北仑滨海发电有限公司")));
    }

    @Test
    void districtBureauCannotReadAnotherDistrictsEmitterByApi() throws Exception {
        mvc.perform(get("/api/v1/emitters/" + Demo.BEILUN_POWER_USCC).with(httpBasic("zhenhai.district", Demo.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/emitters/" + Demo.BEILUN_POWER_USCC).with(httpBasic("beilun.district", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.uscc").value(Demo.BEILUN_POWER_USCC));
    }

    @Test
    void listsAreLimitedToTheCallersRegion() throws Exception {
        String beilun = mvc.perform(get("/api/v1/emitters?size=500").with(httpBasic("beilun.district", Demo.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(beilun).contains("\"regionCode\":\"330206\"").doesNotContain("\"regionCode\":\"330211\"")
                .doesNotContain("\"regionCode\":\"3306");
        String ningbo = mvc.perform(get("/api/v1/emitters?size=500").with(httpBasic("nb.city", Demo.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(ningbo).contains("\"regionCode\":\"330206\"", "\"regionCode\":\"330211\"").doesNotContain("\"regionCode\":\"3306");
        String province = mvc.perform(get("/api/v1/emitters?size=500").with(httpBasic("zj.officer", Demo.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(province).contains("\"regionCode\":\"330206\"", "\"regionCode\":\"330604\"");
    }

    @Test
    void anEmitterSeesOnlyItself() throws Exception {
        String own = mvc.perform(get("/api/v1/emitters?size=500").with(httpBasic("beilun.power", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andReturn().getResponse().getContentAsString();
        assertThat(own).contains(Demo.BEILUN_POWER_USCC);
        mvc.perform(get("/api/v1/emitters/" + Demo.SHANGYU_PAPER_USCC).with(httpBasic("beilun.power", Demo.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/directory/mine").session(login("beilun.power")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void verifiersAndBanksSeeNoDirectoryRecords() throws Exception {
        mvc.perform(get("/api/v1/emitters").with(httpBasic("bank", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theMinistrySeesEverythingButCannotChangeIt() throws Exception {
        mvc.perform(get("/api/v1/emitters/" + Demo.SHANGYU_PAPER_USCC).with(httpBasic("ministry.viewer", Demo.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/directory/emitters/new").session(login("ministry.viewer"))).andExpect(status().isForbidden());
    }

    @Test
    void theDirectoryNeedsALogin() throws Exception {
        mvc.perform(get("/directory")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/emitters")).andExpect(status().isUnauthorized());
    }

    private UUID emitterId(String uscc) {
        return jdbc.sql("select id from directory.key_emitter where uscc = ?").param(uscc).query(UUID.class).single();
    }

    private MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }
}
