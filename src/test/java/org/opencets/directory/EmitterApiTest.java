package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/emitters: create, read, update, units; bad input is an RFC 9457 problem naming the field and changes nothing. */
@IntegrationTest
class EmitterApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registersReadsAndUpdatesAnEmitterWithHistory() throws Exception {
        String uscc = Demo.freshUscc("330206");
        mvc.perform(asBeilun(post("/api/v1/emitters")).content(emitterJson(uscc, "330206", "3011")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/emitters/" + uscc))
                .andExpect(jsonPath("$.sector").value("BUILDING_MATERIALS"))
                .andExpect(jsonPath("$.regionName").value("北仑区"));
        mvc.perform(asBeilun(put("/api/v1/emitters/" + uscc))
                        .content(emitterJson(uscc, "330206", "3011").replace("\"version\":null", "\"version\":0").replace("测试水泥", "改名水泥")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(containsString("改名水泥"))).andExpect(jsonPath("$.version").value(1));
        // a stale version is refused
        mvc.perform(asBeilun(put("/api/v1/emitters/" + uscc)).content(emitterJson(uscc, "330206", "3011").replace("\"version\":null", "\"version\":0")))
                .andExpect(status().isConflict());
        Long changes = jdbc.sql("select count(*) from audit.change c join directory.key_emitter e on c.subject_id = e.id::text where e.uscc = ?")
                .param(uscc).query(Long.class).single();
        assertThat(changes).isEqualTo(2);
        // the emitter got an organisation so its people can be added
        assertThat(jdbc.sql("select count(*) from identity.organisation where uscc = ?").param(uscc).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidUsccIsAProblemNamingTheField() throws Exception {
        String bad = Demo.BEILUN_POWER_USCC.substring(0, 17) + "X";
        mvc.perform(asBeilun(post("/api/v1/emitters")).content(emitterJson(bad, "330206", "4411")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].code").value("uscc.checksum"));
        assertThat(count(bad)).isZero();
    }

    @Test
    void unknownRegionAndIndustryAreReportedTogether() throws Exception {
        String uscc = Demo.freshUscc("330206");
        mvc.perform(asBeilun(post("/api/v1/emitters")).header("Accept-Language", "en").content(emitterJson(uscc, "330299", "9999")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].code").value("region.unknown"))
                .andExpect(jsonPath("$.errors[?(@.field == 'industryCode')].code").value("industry.unknown"))
                .andExpect(jsonPath("$.errors[?(@.field == 'industryCode')].message").value(hasItem(containsString("not a covered class"))));
        assertThat(count(uscc)).isZero();
    }

    @Test
    void duplicateUsccIsRefused() throws Exception {
        mvc.perform(asBeilun(post("/api/v1/emitters")).content(emitterJson(Demo.BEILUN_POWER_USCC, "330206", "4411")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("uscc.duplicate"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("已登记")));
    }

    @Test
    void aDistrictCannotRegisterAnEmitterInAnotherDistrict() throws Exception {
        String uscc = Demo.freshUscc("330211");
        mvc.perform(asBeilun(post("/api/v1/emitters")).content(emitterJson(uscc, "330211", "4411")))
                .andExpect(status().isForbidden());
        assertThat(count(uscc)).isZero();
    }

    @Test
    void unitsWithBadCapacityOrDatesAreRefused() throws Exception {
        String uscc = Demo.freshUscc("330206");
        mvc.perform(asBeilun(post("/api/v1/emitters")).content(emitterJson(uscc, "330206", "4412"))).andExpect(status().isCreated());
        mvc.perform(asBeilun(post("/api/v1/emitters/" + uscc + "/units")).content(unitJson("0", "2010-01-01", "2009-12-31")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'ratedCapacityMw')].code").value("unit.capacity.positive"))
                .andExpect(jsonPath("$.errors[?(@.field == 'shutdownDate')].code").value("unit.shutdown.beforeCommissioning"));
        mvc.perform(asBeilun(post("/api/v1/emitters/" + uscc + "/units")).content(unitJson("-5", "2010-01-01", "")))
                .andExpect(status().isBadRequest());
        mvc.perform(asBeilun(get("/api/v1/emitters/" + uscc + "/units"))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(asBeilun(post("/api/v1/emitters/" + uscc + "/units")).content(unitJson("350", "2010-01-01", "")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.category").value("II"));
        mvc.perform(asBeilun(get("/api/v1/emitters/" + uscc + "/units"))).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void openApiDocumentDescribesTheEmittersApi() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/emitters']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/emitters/{uscc}/units']").exists());
        String ui = mvc.perform(get("/api/v1/docs")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(ui)).andExpect(status().isOk());
    }

    private long count(String uscc) {
        return jdbc.sql("select count(*) from directory.key_emitter where uscc = ?").param(uscc).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder asBeilun(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("beilun.district", Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String emitterJson(String uscc, String region, String industry) {
        return """
                {"uscc":"%s","name":"宁波测试水泥有限公司%s","regionCode":"%s","industryCode":"%s","status":"NORMAL",
                 "contactName":"王工","contactPhone":"0574-86000000","contactEmail":"test@example.com","version":null}"""
                .formatted(uscc, uscc.substring(10), region, industry);
    }

    private static String unitJson(String capacity, String commissioning, String shutdown) {
        return """
                {"facilityName":"测试厂区","unitCode":"1号机组","ratedCapacityMw":"%s","category":"II","fuels":"BITUMINOUS",
                 "coolingType":"WATER","commissioningDate":"%s","shutdownDate":"%s"}""".formatted(capacity, commissioning, shutdown);
    }
}
