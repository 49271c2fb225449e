package org.opencets.compliance;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Compliance over the API: the client's own request id (201, then 200), problem details that say what to fix, the province's decision. */
@IntegrationTest
class ComplianceApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    @Test
    void anEmitterSubmitsOnceThroughTheApiAndTheProvinceApproves() throws Exception {
        CompliancePageFixtures fx = new CompliancePageFixtures(context);
        CompliancePageFixtures.Emitter e = fx.emitter("330206", "接口履约", 2024, 100_000, Map.of("2024", 120_000L));
        UUID lot = fx.pendingLot(e, "CCER-API-" + UUID.randomUUID().toString().substring(0, 6), "接口测试风电", "风电", false, 10_000);
        String id = UUID.randomUUID().toString();
        Map<String, Object> contact = Map.of("name", "王工", "phone", "0574-86123456", "email", "wang@example.cn");

        // the live check: 6,000 t of CCER is above 5 % of 100,000 t
        post(e.username(), "/2024/check", Map.of("allowances", List.of(Map.of("vintage", "2024", "quantity", "94000")),
                "offsets", List.of(Map.of("offsetId", lot.toString(), "quantity", "6000"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acceptable").value(false)).andExpect(jsonPath("$.ratioPercent").value(6.0))
                .andExpect(jsonPath("$.problems[0].messageKey").value("compliance.offset.cap"));
        // a fraction is refused under its own field, nothing recorded
        post(e.username(), "/requests", Map.of("id", id, "year", 2024, "allowances", List.of(Map.of("vintage", "2024", "quantity", "1.5")), "contact", contact))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("allowance.2024"))
                .andExpect(jsonPath("$.errors[0].code").value("registry.quantity.whole"));

        Map<String, Object> ask = Map.of("id", id, "year", 2024, "allowances", List.of(Map.of("vintage", "2024", "quantity", 95_000)),
                "offsets", List.of(Map.of("offsetId", lot.toString(), "quantity", 5_000)), "contact", contact);
        post(e.username(), "/requests", ask).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        post(e.username(), "/requests", ask).andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1));

        // a decision must name the version it was made on
        post("zj.officer", "/requests/" + id + "/approval", Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("compliance.version"));
        post("zj.officer", "/requests/" + id + "/approval", Map.of("version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        post("zj.officer", "/requests/" + id + "/approval", Map.of("version", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("compliance.request.decided"));
        mvc.perform(get("/api/v1/compliance/2024/emitters/" + e.uscc().value()).with(httpBasic(e.username(), Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.standing.status").value("LATE"))
                .andExpect(jsonPath("$.standing.ccer").value(5_000));
        // another emitter sees nothing of it
        mvc.perform(get("/api/v1/compliance/requests/" + id).with(httpBasic("beilun.power", Demo.PASSWORD))).andExpect(status().isNotFound());
    }

    private ResultActions post(String user, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/compliance" + path).with(httpBasic(user, Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }
}
