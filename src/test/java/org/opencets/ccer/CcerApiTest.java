package org.opencets.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.ccer.CcerFixtures.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.ccer.CcerFixtures.Holder;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CCER registry over the REST API: the operator's projects, accounts and issuance with the client's ids (201,
 * then 200 for a retry), the holder's binding and offset, problem details for bad input with nothing changed, and
 * another emitter's account answered as not found.
 */
@IntegrationTest
class CcerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;

    CcerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CcerFixtures(context);
    }

    @Test
    void theOperatorRegistersOpensAndIssuesAndTheHolderOffsetsOverTheApi() throws Exception {
        String number = "CCER-14-2017-" + (int) (Math.random() * 900_000 + 100_000);
        Map<String, Object> project = Map.of("projectNumber", number, "name", "API测试光伏电站", "type", "光伏", "methodology", "CMS-002-V01",
                "inNationalEts", false);
        post("ccer.registry", "/projects", project).andExpect(status().isCreated()).andExpect(jsonPath("$.projectNumber").value(number));
        post("ccer.registry", "/projects", project).andExpect(status().isOk());
        post("ccer.registry", "/projects", Map.of("projectNumber", number, "name", "另一个项目", "type", "光伏", "methodology", "CMS-002-V01",
                "inNationalEts", false)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("ccer.project.exists"));
        mvc.perform(get("/api/v1/ccer/projects").with(httpBasic("beilun.power", Demo.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.projectNumber == '" + number + "')].type").value("光伏"));

        Holder h = fx.holder(); // a fresh emitter with an account and a login
        String request = id();
        Map<String, Object> issue = Map.of("id", request, "account", h.id(), "project", number, "quantity", "2,000");
        post("ccer.registry", "/issuances", issue).andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("ISSUANCE"));
        post("ccer.registry", "/issuances", issue).andExpect(status().isOk());
        post("ccer.registry", "/issuances", Map.of("id", request, "account", h.id(), "project", number, "quantity", 2_001))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("ccer.request.reused"));

        post(h.username(), "/accounts/" + h.id() + "/binding", Map.of("etsAccount", "E12")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("etsAccount")).andExpect(jsonPath("$.errors[0].code").value("ccer.etsAccount.format"));
        post(h.username(), "/accounts/" + h.id() + "/binding", Map.of("etsAccount", h.etsAccount())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.boundEtsAccount").value(h.etsAccount()));
        post(h.username(), "/offsets", Map.of("id", id(), "account", h.id(), "project", number, "quantity", 12.5)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("ccer.quantity.whole"));
        post(h.username(), "/offsets", Map.of("id", id(), "account", h.id(), "project", number, "quantity", 2_500)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("ccer.quantity.moreThanAvailable"));
        post(h.username(), "/offsets", Map.of("id", id(), "account", h.id(), "project", number, "quantity", 600)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("FROZEN")).andExpect(jsonPath("$.etsAccount").value(h.etsAccount()));

        mvc.perform(get("/api/v1/ccer/accounts/" + h.id()).with(httpBasic(h.username(), Demo.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.holderUscc").value(h.account().holder().value()))
                .andExpect(jsonPath("$.holdings[?(@.state == 'AVAILABLE')].quantity").value(1_400))
                .andExpect(jsonPath("$.holdings[?(@.state == 'FROZEN_FOR_OFFSET')].quantity").value(600))
                .andExpect(jsonPath("$.offsets[0].quantity").value(600));
        assertThat(fx.sent.forAccount(h.id())).hasSize(1);
    }

    @Test
    void anEmitterGetsNotFoundForAnotherEmittersAccountAndForbiddenForTheOperatorsBusiness() throws Exception {
        CcerProject wind = fx.project("风电", false);
        Holder mine = fx.funded(wind, 100);
        Holder theirs = fx.funded(wind, 100);

        mvc.perform(get("/api/v1/ccer/accounts/" + theirs.id()).with(httpBasic(mine.username(), Demo.PASSWORD))).andExpect(status().isNotFound());
        post(mine.username(), "/offsets", Map.of("id", id(), "account", theirs.id(), "project", wind.projectNumber(), "quantity", 10))
                .andExpect(status().isNotFound());
        post(mine.username(), "/accounts/" + theirs.id() + "/binding", Map.of("etsAccount", "E0000000001")).andExpect(status().isNotFound());
        post(mine.username(), "/issuances", Map.of("id", id(), "account", mine.id(), "project", wind.projectNumber(), "quantity", 10))
                .andExpect(status().isForbidden());
        post(mine.username(), "/projects", Map.of("projectNumber", "CCER-X-" + id().substring(0, 8).toUpperCase(), "name", "n", "type", "风电",
                "methodology", "m", "inNationalEts", false)).andExpect(status().isForbidden());
        assertThat(fx.balance(theirs, wind, CcerHoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.balance(mine, wind, CcerHoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.sent.forAccount(theirs.id())).isEmpty();
    }

    private ResultActions post(String user, String path, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/ccer" + path)
                .with(httpBasic(user, Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
