package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.registry.RegistryFixtures.V2024;
import static org.opencets.registry.RegistryFixtures.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.Allocations;
import org.opencets.allocation.IssuanceInstruction;
import org.opencets.registry.RegistryFixtures.Holder;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry over the REST API: the exchange's trade settlement with its own ids, problem details for every kind of
 * bad input with nothing moved, and the demo's allocations issued exactly as allocation instructed.
 */
@IntegrationTest
class RegistryApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Allocations allocations;

    RegistryFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RegistryFixtures(context);
    }

    @Test
    void theExchangeSettlesATradeOnceUnderItsOwnId() throws Exception {
        Holder seller = fx.funded("330206", V2024, 5_000);
        Holder buyer = fx.newHolder("330603");
        fx.registry.moveHolding(seller.officer(), id(), seller.number(), V2024, 3_000, true);
        String tradeId = "SEEE-TEST-" + id();
        Map<String, Object> trade = Map.of("tradeId", tradeId, "seller", seller.number(), "buyer", buyer.number(), "vintage", "2024", "quantity", 1_200,
                "priceFen", 6_480, "tradedAt", "2026-11-20T02:30:00Z");

        post("exchange", "/trades", trade).andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("TRADE_SETTLEMENT"));
        post("exchange", "/trades", trade).andExpect(status().isOk());
        Map<String, Object> changed = new java.util.HashMap<>(trade);
        changed.put("quantity", 1_300);
        post("exchange", "/trades", changed).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("registry.idempotency.mismatch"));

        assertThat(fx.balance(seller.account(), V2024, HoldingState.TRADING)).isEqualTo(1_800);
        assertThat(fx.balance(buyer.account(), V2024, HoldingState.TRADING)).isEqualTo(1_200);
        mvc.perform(get("/api/v1/registry/trades/" + tradeId).with(httpBasic("exchange", Demo.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(1_200)).andExpect(jsonPath("$.vintage").value("2024"));
        mvc.perform(get("/api/v1/registry/trades/NO-SUCH-TRADE").with(httpBasic("exchange", Demo.PASSWORD))).andExpect(status().isNotFound());
        post("beilun.power", "/trades", Map.of("tradeId", "X-" + id(), "seller", seller.number(), "buyer", buyer.number(), "vintage", "2024",
                "quantity", 1, "tradedAt", "2026-11-20T02:30:00Z")).andExpect(status().isForbidden());
    }

    @Test
    void badInputGetsProblemDetailsAndMovesNothing() throws Exception {
        Holder seller = fx.funded("330206", V2024, 500);
        fx.registry.moveHolding(seller.officer(), id(), seller.number(), V2024, 500, true);
        Holder buyer = fx.newHolder("330603");

        expectCode(trade(seller, buyer, 1.5), "registry.quantity.whole");
        expectCode(trade(seller, buyer, 0), "registry.quantity.positive");
        expectCode(trade(seller, buyer, -3), "registry.quantity.positive");
        expectCode(trade(seller, buyer, new BigDecimal("99999999999999")), "registry.quantity.absurd");
        expectCode(trade(seller, buyer, 501), "registry.insufficient");
        Map<String, Object> unknown = new java.util.HashMap<>(trade(seller, buyer, 1));
        unknown.put("buyer", "E0000099999");
        expectCode(unknown, "registry.account.unknown");
        Map<String, Object> provincial = new java.util.HashMap<>(trade(seller, buyer, 1));
        provincial.put("buyer", "N-SURRENDER");
        expectCode(provincial, "registry.trade.emitter");
        Map<String, Object> oldVintage = new java.util.HashMap<>(trade(seller, buyer, 1));
        oldVintage.put("vintage", "2018");
        expectCode(oldVintage, "vintage.range");

        assertThat(fx.balance(seller.account(), V2024, HoldingState.TRADING)).isEqualTo(500);
        assertThat(fx.registry.holdings(buyer.officer(), buyer.number())).isEmpty();
    }

    @Test
    void approvingOnesOwnOperationIsRefusedOverTheApiToo() throws Exception {
        Holder a = fx.funded("330206", V2024, 500);
        String body = json.writeValueAsString(Map.of("id", id(), "account", a.number(), "vintage", "2024", "quantity", 100, "courtOrder", "(2026)测执1号"));
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/freezes").with(httpBasic("registry.operator", Demo.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL")).andReturn().getResponse().getContentAsString();
        String opId = json.readTree(created).get("id").asString();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/operations/" + opId + "/approval").with(httpBasic("registry.operator", Demo.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("registry.maker.checker"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/operations/" + opId + "/approval").with(httpBasic("registry.checker", Demo.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/operations/" + opId + "/approval").with(httpBasic("registry.checker", Demo.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("registry.operation.decided"));
        assertThat(fx.balance(a.account(), V2024, HoldingState.FROZEN)).isEqualTo(100);
    }

    @Test
    void anApiKeyNamesNobodySoItCannotStartOrDecideWhatASecondPersonMustApprove() throws Exception {
        Holder a = fx.funded("330206", V2024, 500);
        var operator = fx.user("registry.operator");
        String key = context.getBean(org.opencets.identity.ApiKeys.class).issueUnchecked(operator.organisationId(), "registry-test-" + id(), "test")
                .secretKey();
        String body = json.writeValueAsString(Map.of("id", id(), "account", a.number(), "vintage", "2024", "quantity", 100, "courtOrder", "(2026)测执2号"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/freezes").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        Submitted freeze = fx.registry.freeze(operator, id(), a.number(), V2024, 100, "(2026)测执3号");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/operations/" + freeze.operation().id()
                + "/approval").header("X-API-Key", key)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/operations/awaiting-decision").header("X-API-Key", key)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(fx.balance(a.account(), V2024, HoldingState.FROZEN)).isZero();
    }

    @Test
    void everyAllocationInstructionIsExecutedOnceAndTheIssuedTotalsMatch() {
        List<IssuanceInstruction> instructions = allocations.allInstructions();
        assertThat(instructions).isNotEmpty();
        for (IssuanceInstruction i : instructions) {
            assertThat(jdbc.sql("select count(*) from registry.operation where idempotency_id = ?").param("allocation:" + i.id()).query(Long.class).single())
                    .as("instruction %s", i.id()).isEqualTo(1);
        }
        long issued2023 = instructions.stream().filter(i -> i.vintage().equals("2023"))
                .mapToLong(i -> i.direction() == IssuanceInstruction.Direction.ISSUE ? i.quantity() : -i.quantity()).sum();
        long executed2023 = jdbc.sql("""
                select coalesce(sum(case when o.kind = 'ISSUANCE' then t.quantity else -t.quantity end), 0) from registry.transfer t
                join registry.operation o on o.id = t.operation_id where o.idempotency_id = any(?) and t.vintage = '2023'""")
                .param(instructions.stream().map(i -> "allocation:" + i.id()).toArray(String[]::new))
                .query(Long.class).single();
        assertThat(executed2023).isEqualTo(issued2023).isPositive();
        assertThat(fx.registry.accountOf(org.opencets.shared.Uscc.of("913302067801480643"))).isPresent();
        // a redelivered instruction (or a reconciliation) applies nothing twice
        long before = jdbc.sql("select count(*) from registry.transfer").query(Long.class).single();
        context.getBean(Issuance.class).reconcile();
        assertThat(jdbc.sql("select count(*) from registry.transfer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSurrenderNeedNotSayBorrowedButMustSayItsYear() throws Exception {
        var e = new org.opencets.compliance.CompliancePageFixtures(context).emitter("330211", "接口清缴", 2024, 1_000, Map.of("2024", 1_000L));
        Map<String, Object> part = Map.of("vintage", "2024", "quantity", 10);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/surrenders")
                        .with(httpBasic(e.username(), Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("id", id(), "account", e.account(), "parts", List.of(part)))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("registry.surrender.year"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry/surrenders")
                        .with(httpBasic(e.username(), Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("id", id(), "account", e.account(), "year", 2024, "parts", List.of(part)))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_APPROVAL"));
    }

    private Map<String, Object> trade(Holder seller, Holder buyer, Object quantity) {
        return Map.of("tradeId", "SEEE-BAD-" + id(), "seller", seller.number(), "buyer", buyer.number(), "vintage", "2024", "quantity", quantity,
                "tradedAt", "2026-11-20T02:30:00Z");
    }

    private void expectCode(Map<String, Object> trade, String code) throws Exception {
        post("exchange", "/trades", trade).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://opencets.org/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    private ResultActions post(String user, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registry" + path)
                .with(httpBasic(user, Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
