package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencets.registry.RegistryFixtures.V2023;
import static org.opencets.registry.RegistryFixtures.V2024;
import static org.opencets.registry.RegistryFixtures.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.AccountStatement.Summary;
import org.opencets.shared.Backdating;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account statements (账户对账单) as a holder meets them. A fresh holder A in 北仑 (330206) gets 10,000 t of vintage 2023
 * on 2025-01-10 and 3,000 t of vintage 2024 on 2025-02-01, then in March 2025 (China time): transfers 1,500 t to a fresh
 * holder B in 海曙 (3 Mar), moves 2,000 t to its trading holding (5 Mar), sells 800 t of it to B through the exchange
 * (6 Mar), has 1,000 t frozen by registry.operator, approved by registry.checker (10 → 11 Mar), and 500 t pledged at
 * 23:30 on 31 Mar — approved at 00:30 on 1 Apr, which is still 31 Mar in UTC but April in China — and on 2 Apr transfers
 * 100 t of vintage 2024 to B. Every step is backdated to its time so the figures are fixed.
 *
 * <p>Worked numbers for March, vintage 2023: opening 10,000 (all available); out 1,500 + 800 = 2,300; moved within the
 * account 2,000 + 1,000 + 1,000 + 500 = 4,500; closing 7,700 = available 5,000 + trading 1,200 + reserved 500 + frozen
 * 1,000 (registry holding 6,500). Vintage 2024: 3,000 throughout. Debits 6,800, credits 4,500: 13,000 + 4,500 − 6,800 =
 * 10,700.
 *
 * <p>Data ownership: the fresh holders made here; the demo logins registry.operator, registry.checker, exchange and
 * beilun.power (which must not see them).
 */
@IntegrationTest
class AccountStatementsTest {

    static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);
    static final String COURT_ORDER = "（2025）浙0206执保123号";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountStatements statements;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    RegistryFixtures fx;
    RegistryFixtures.Holder a;
    RegistryFixtures.Holder b;
    String tradeId;

    @BeforeEach
    void march() {
        fx = new RegistryFixtures(context);
        a = at("2025-01-10T10:00", () -> fx.funded("330206", V2023, 10_000));
        b = at("2025-01-10T10:05", () -> fx.newHolder("330203"));
        at("2025-02-01T09:00", () -> fx.issue(a.account(), V2024, 3_000));

        at("2025-03-03T09:30", () -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2023, 1_500, "对账单测试转让"));
        at("2025-03-05T10:00", () -> fx.registry.moveHolding(a.officer(), id(), a.number(), V2023, 2_000, true));
        tradeId = "SHEEX-" + id().substring(0, 13);
        at("2025-03-06T14:00", () -> fx.trades.settle(fx.user("exchange"), tradeId, a.number(), b.number(), V2023, 800, 6_500L,
                china("2025-03-06T13:58")));
        Submitted freeze = at("2025-03-10T11:00", () -> fx.registry.freeze(fx.user("registry.operator"), id(), a.number(), V2023, 1_000, COURT_ORDER));
        at("2025-03-11T09:00", () -> fx.registry.approve(fx.user("registry.checker"), freeze.operation().id()));
        Submitted pledge = at("2025-03-31T23:30", () -> fx.registry.pledge(fx.user("registry.operator"), id(), a.number(), V2023, 500, "中国工商银行宁波分行",
                "ZY-2025-0331"));
        at("2025-04-01T00:30", () -> fx.registry.approve(fx.user("registry.checker"), pledge.operation().id()));
        at("2025-04-02T10:00", () -> fx.registry.transfer(a.officer(), id(), a.number(), b.number(), V2024, 100, null));
    }

    @Test
    void theStatementOpensAndClosesWithTheWorkedNumbersAndShowsEveryMovementWithRunningBalances() {
        AccountStatement s = statements.statement(a.officer(), a.number(), MARCH_1, MARCH_31);

        assertThat(s.opening()).extracting(Holding::vintage, Holding::state, Holding::balance)
                .containsExactly(tuple(V2023, HoldingState.AVAILABLE, 10_000L), tuple(V2024, HoldingState.AVAILABLE, 3_000L));
        assertThat(s.closing()).extracting(Holding::vintage, Holding::state, Holding::balance).containsExactly(
                tuple(V2023, HoldingState.AVAILABLE, 5_000L), tuple(V2023, HoldingState.TRADING, 1_200L), tuple(V2023, HoldingState.RESERVED, 500L),
                tuple(V2023, HoldingState.FROZEN, 1_000L), tuple(V2024, HoldingState.AVAILABLE, 3_000L));
        assertThat(s.openingTotal()).isEqualTo(13_000);
        assertThat(s.closingTotal()).isEqualTo(10_700);
        assertThat(s.debitTotal()).isEqualTo(6_800);
        assertThat(s.creditTotal()).isEqualTo(4_500);
        assertThat(s.openingTotal() + s.creditTotal() - s.debitTotal()).isEqualTo(s.closingTotal());

        // one row per ledger transfer of March, oldest first: the pledge's approval (1 Apr 00:30 China time) is not one
        assertThat(s.rows()).extracting(AccountStatement.Row::kind, AccountStatement.Row::phase, AccountStatement.Row::counterparty,
                AccountStatement.Row::fromState, AccountStatement.Row::toState, AccountStatement.Row::debit, AccountStatement.Row::credit,
                AccountStatement.Row::registryBalance, AccountStatement.Row::tradingBalance).containsExactly(
                tuple(OperationKind.TRANSFER, LedgerEntry.Phase.POSTED, b.number(), HoldingState.AVAILABLE, null, 1_500L, 0L, 8_500L, 0L),
                tuple(OperationKind.TO_TRADING, LedgerEntry.Phase.POSTED, null, HoldingState.AVAILABLE, HoldingState.TRADING, 2_000L, 2_000L, 6_500L, 2_000L),
                tuple(OperationKind.TRADE_SETTLEMENT, LedgerEntry.Phase.POSTED, b.number(), HoldingState.TRADING, null, 800L, 0L, 6_500L, 1_200L),
                tuple(OperationKind.FREEZE, LedgerEntry.Phase.PENDING, null, HoldingState.AVAILABLE, HoldingState.RESERVED, 1_000L, 1_000L, 6_500L, 1_200L),
                tuple(OperationKind.FREEZE, LedgerEntry.Phase.POST_PENDING, null, HoldingState.RESERVED, HoldingState.FROZEN, 1_000L, 1_000L, 6_500L, 1_200L),
                tuple(OperationKind.PLEDGE, LedgerEntry.Phase.PENDING, null, HoldingState.AVAILABLE, HoldingState.RESERVED, 500L, 500L, 6_500L, 1_200L));
        assertThat(s.rows()).extracting(AccountStatement.Row::no).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.rows().get(2).reference()).isEqualTo(tradeId);
        assertThat(s.rows().get(3).reference()).isEqualTo(COURT_ORDER);
        assertThat(s.rows().getFirst().at()).isEqualTo(china("2025-03-03T09:30"));
        assertThat(s.rows().getLast().at()).isEqualTo(china("2025-03-31T23:30"));

        Summary v2023 = s.summary().get(0);
        Summary v2024 = s.summary().get(1);
        assertThat(s.summary()).hasSize(2);
        assertThat(v2023.vintage()).isEqualTo(V2023);
        assertThat(List.of(v2023.openingTotal(), v2023.in(), v2023.out(), v2023.internal(), v2023.closingTotal(), v2023.closingRegistry(),
                v2023.closingTrading())).containsExactly(10_000L, 0L, 2_300L, 4_500L, 7_700L, 6_500L, 1_200L);
        assertThat(v2023.closing()).containsExactlyInAnyOrderEntriesOf(Map.of(HoldingState.AVAILABLE, 5_000L, HoldingState.TRADING, 1_200L,
                HoldingState.SURRENDER_ONLY, 0L, HoldingState.RESERVED, 500L, HoldingState.FROZEN, 1_000L, HoldingState.PLEDGED, 0L));
        assertThat(List.of(v2024.openingTotal(), v2024.in(), v2024.out(), v2024.internal(), v2024.closingTotal()))
                .containsExactly(3_000L, 0L, 0L, 0L, 3_000L);

        // the counterparty's side: 1,500 in to its registry holding, 800 to its trading holding
        AccountStatement other = statements.statement(b.officer(), b.number(), MARCH_1, MARCH_31);
        assertThat(other.opening()).isEmpty();
        assertThat(other.rows()).extracting(AccountStatement.Row::kind, AccountStatement.Row::counterparty, AccountStatement.Row::toState,
                AccountStatement.Row::credit, AccountStatement.Row::registryBalance, AccountStatement.Row::tradingBalance).containsExactly(
                tuple(OperationKind.TRANSFER, a.number(), HoldingState.AVAILABLE, 1_500L, 1_500L, 0L),
                tuple(OperationKind.TRADE_SETTLEMENT, a.number(), HoldingState.TRADING, 800L, 1_500L, 800L));
        assertThat(other.summary()).singleElement().satisfies(v -> assertThat(List.of(v.in(), v.out(), v.closingTotal())).containsExactly(2_300L, 0L,
                2_300L));

        // April opens where March closed; the pledge's approval at 00:30 on 1 April China time belongs to April
        AccountStatement april = statements.statement(a.officer(), a.number(), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
        assertThat(april.opening()).isEqualTo(s.closing());
        assertThat(april.rows()).extracting(AccountStatement.Row::kind, AccountStatement.Row::phase, AccountStatement.Row::vintage, AccountStatement.Row::toState)
                .containsExactly(tuple(OperationKind.PLEDGE, LedgerEntry.Phase.POST_PENDING, V2023, HoldingState.PLEDGED),
                        tuple(OperationKind.TRANSFER, LedgerEntry.Phase.POSTED, V2024, null));
        assertThat(april.closing()).extracting(Holding::vintage, Holding::state, Holding::balance).containsExactly(
                tuple(V2023, HoldingState.AVAILABLE, 5_000L), tuple(V2023, HoldingState.TRADING, 1_200L), tuple(V2023, HoldingState.FROZEN, 1_000L),
                tuple(V2023, HoldingState.PLEDGED, 500L), tuple(V2024, HoldingState.AVAILABLE, 2_900L));
        // and a statement up to today closes at the account's holdings now
        AccountStatement toDate = statements.statement(a.officer(), a.number(), MARCH_1, LocalDate.now(WorkClock.CHINA));
        assertThat(toDate.closing()).containsExactlyInAnyOrderElementsOf(
                fx.registry.holdings(a.officer(), a.number()).stream().filter(h -> h.balance() != 0).toList());

        // the same statement asked twice has the same fingerprint; another period another
        assertThat(statements.statement(a.officer(), a.number(), MARCH_1, MARCH_31).sha256()).isEqualTo(s.sha256()).hasSize(64);
        assertThat(april.sha256()).isNotEqualTo(s.sha256());
        // the registry operator reads it too (and gets the same statement)
        assertThat(statements.statement(fx.user("registry.operator"), a.number(), MARCH_1, MARCH_31).sha256()).isEqualTo(s.sha256());
    }

    @Test
    void aPeriodBeforeAnyActivityOpensAndClosesAtZeroWithNoRows() throws Exception {
        AccountStatement s = statements.statement(a.officer(), a.number(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(s.opening()).isEmpty();
        assertThat(s.closing()).isEmpty();
        assertThat(s.rows()).isEmpty();
        assertThat(s.summary()).isEmpty();
        assertThat(s.openingTotal()).isZero();
        assertThat(s.closingTotal()).isZero();
        // the day before the first issuance still shows nothing; the day of it shows it
        assertThat(statements.statement(a.officer(), a.number(), LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 9)).rows()).isEmpty();
        assertThat(statements.statement(a.officer(), a.number(), LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 10)).rows())
                .extracting(AccountStatement.Row::kind, AccountStatement.Row::counterparty, AccountStatement.Row::credit)
                .containsExactly(tuple(OperationKind.ISSUANCE, "N-ISSUANCE", 10_000L));

        String text = text(download("/registry/accounts/" + a.number() + "/statement.pdf?from=2024-01-01&to=2024-12-31", as(a.officer()),
                "application/pdf", "对账单-" + a.number() + "-2024-01-01-2024-12-31.pdf"));
        assertThat(text).contains(a.number()).contains("对账期间内本账户无变动记录").contains(s.sha256());
        try (XSSFWorkbook wb = read(download("/registry/accounts/" + a.number() + "/statement.xlsx?from=2024-01-01&to=2024-12-31", as(a.officer()), XLSX,
                "对账单-" + a.number() + "-2024-01-01-2024-12-31.xlsx"))) {
            assertThat(wb.getSheet("汇总").getLastRowNum()).as("the account's details and the column titles only").isEqualTo(AccountStatements.SUMMARY_HEADER_ROW);
            Sheet detail = wb.getSheet("明细");
            assertThat(detail.getLastRowNum()).as("title, note, titles, totals").isEqualTo(AccountStatements.DETAIL_HEADER_ROW + 1);
            assertThat(detail.getRow(AccountStatements.DETAIL_HEADER_ROW + 1).getCell(11).getNumericCellValue()).isZero();
        }
    }

    @Test
    void thePdfNamesTheHolderAndTheAccountAndPrintsTheFingerprint() throws Exception {
        AccountStatement s = statements.statement(a.officer(), a.number(), MARCH_1, MARCH_31);
        byte[] pdf = download("/registry/accounts/" + a.number() + "/statement.pdf?from=2025-03-01&to=2025-03-31", as(a.officer()), "application/pdf",
                "对账单-" + a.number() + "-2025-03-01-2025-03-31.pdf");
        String text = text(pdf).replace("\n", "");
        assertThat(text).contains("全国碳排放权注册登记系统").contains("账户对账单").contains(a.account().holderName()).contains(a.account().holder().value())
                .contains(a.number()).contains(b.number()).contains("2025-03-01").contains("2025-03-31").contains(COURT_ORDER).contains(tradeId)
                .contains("司法冻结（待审批，预留）").contains("交易结算").contains("7,700").contains("6,500").contains(s.sha256());
        // the same bytes as the service renders them, and the same statement as the direct build
        assertThat(text(statements.pdf(s, java.util.Locale.SIMPLIFIED_CHINESE))).contains(s.sha256());
    }

    @Test
    void theWorkbookReadsBackWithTheSameRowsAndTotals() throws Exception {
        AccountStatement s = statements.statement(a.officer(), a.number(), MARCH_1, MARCH_31);
        byte[] xlsx = download("/registry/accounts/" + a.number() + "/statement.xlsx?from=2025-03-01&to=2025-03-31", as(a.officer()), XLSX,
                "对账单-" + a.number() + "-2025-03-01-2025-03-31.xlsx");
        try (XSSFWorkbook wb = read(xlsx)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("汇总");
            assertThat(wb.getSheetName(1)).isEqualTo("明细");

            Sheet summary = wb.getSheet("汇总");
            assertThat(values(summary.getRow(0)).getFirst()).isEqualTo("全国碳排放权注册登记系统 账户对账单");
            assertThat(text(summary, a.number())).isTrue();
            assertThat(text(summary, a.account().holderName())).isTrue();
            assertThat(text(summary, a.account().holder().value())).isTrue();
            assertThat(text(summary, s.sha256())).isTrue();
            int first = AccountStatements.SUMMARY_HEADER_ROW + 1;
            for (int i = 0; i < s.summary().size(); i++) {
                List<Object> row = values(summary.getRow(first + i));
                assertThat(row.get(1)).isEqualTo(s.summary().get(i).vintage().toString());
                assertThat(row.subList(2, row.size())).containsExactlyElementsOf(doubles(AccountStatements.summaryValues(s.summary().get(i))));
            }
            assertThat(values(summary.getRow(first))).containsExactly("碳排放配额（CEA）", "2023", 10_000.0, 0.0, 2_300.0, 4_500.0, 7_700.0, 6_500.0,
                    5_000.0, 0.0, 500.0, 1_000.0, 0.0, 1_200.0);
            List<Object> total = values(summary.getRow(first + 2));
            assertThat(total.getFirst()).isEqualTo("合计（碳排放配额（CEA））");
            assertThat(total.subList(2, total.size())).containsExactly(13_000.0, 0.0, 2_300.0, 4_500.0, 10_700.0, 9_500.0, 8_000.0, 0.0, 500.0, 1_000.0,
                    0.0, 1_200.0);
            assertThat(summary.getLastRowNum()).isEqualTo(first + 2);

            Sheet detail = wb.getSheet("明细");
            assertThat(values(detail.getRow(AccountStatements.DETAIL_HEADER_ROW))).startsWith("序号", "记账时间", "业务类型", "流水号");
            assertThat(detail.getLastRowNum()).as("title, note, titles, 6 rows, totals").isEqualTo(AccountStatements.DETAIL_HEADER_ROW + 7);
            for (AccountStatement.Row r : s.rows()) {
                Row x = detail.getRow(AccountStatements.DETAIL_HEADER_ROW + r.no());
                assertThat(x.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(x.getCell(0).getNumericCellValue()).isEqualTo(r.no());
                assertThat(x.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(r.at(), WorkClock.CHINA).withNano(0));
                assertThat(x.getCell(3).getNumericCellValue()).isEqualTo(r.entryId());
                assertThat(x.getCell(4).getStringCellValue()).isEqualTo(r.operationId().toString());
                assertThat(x.getCell(8).getStringCellValue()).isEqualTo(r.vintage().toString());
                assertThat(number(x.getCell(11))).isEqualTo(r.debit());
                assertThat(number(x.getCell(12))).isEqualTo(r.credit());
                assertThat(x.getCell(13).getNumericCellValue()).isEqualTo(r.registryBalance());
                assertThat(x.getCell(14).getNumericCellValue()).isEqualTo(r.tradingBalance());
            }
            Row fourth = detail.getRow(AccountStatements.DETAIL_HEADER_ROW + 4);
            assertThat(values(fourth).subList(5, 11)).containsExactly(COURT_ORDER, "本账户内划转", "碳排放配额（CEA）", "2023", "可用", "待审批预留");
            assertThat(fourth.getCell(2).getStringCellValue()).isEqualTo("司法冻结（待审批，预留）");
            Row totals = detail.getRow(detail.getLastRowNum());
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(6_800.0);
            assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(4_500.0);
        }
    }

    @Test
    void theApiReturnsTheSameStatementWithTheSameFingerprint() throws Exception {
        AccountStatement s = statements.statement(a.officer(), a.number(), MARCH_1, MARCH_31);
        MvcResult r = mvc.perform(get("/api/v1/registry/accounts/{n}/statement", a.number()).param("from", "2025-03-01").param("to", "2025-03-31")
                .with(as(a.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.account.number").value(a.number()))
                .andExpect(jsonPath("$.account.holderName").value(a.account().holderName()))
                .andExpect(jsonPath("$.from").value("2025-03-01"))
                .andExpect(jsonPath("$.sha256").value(s.sha256()))
                .andReturn();
        JsonNode body = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("opening")).hasSize(2);
        assertThat(body.get("opening").get(0).get("balance").asLong()).isEqualTo(10_000);
        assertThat(body.get("entries")).hasSize(6);
        JsonNode trade = body.get("entries").get(2);
        assertThat(trade.get("kind").asString()).isEqualTo("TRADE_SETTLEMENT");
        assertThat(trade.get("reference").asString()).isEqualTo(tradeId);
        assertThat(trade.get("counterparty").asString()).isEqualTo(b.number());
        assertThat(trade.get("fromState").asString()).isEqualTo("TRADING");
        assertThat(trade.get("debit").asLong()).isEqualTo(800);
        assertThat(trade.get("tradingBalance").asLong()).isEqualTo(1_200);
        assertThat(body.get("closing")).hasSize(5);
        long closing = 0;
        for (JsonNode h : body.get("closing")) {
            closing += h.get("balance").asLong();
        }
        assertThat(closing).isEqualTo(10_700);
        assertThat(body.get("summary").get(0).get("closingByState").get("FROZEN").asLong()).isEqualTo(1_000);
    }

    @Test
    void anotherEmittersUserAndAnUnknownAccountAreNotFound() throws Exception {
        RegistryFixtures.Holder stranger = fx.newHolder("330211");
        assertThatThrownBy(() -> statements.statement(stranger.officer(), a.number(), MARCH_1, MARCH_31)).isInstanceOf(RecordNotFound.class);
        CurrentUser beilun = fx.user("beilun.power");
        assertThatThrownBy(() -> statements.statement(beilun, a.number(), MARCH_1, MARCH_31)).isInstanceOf(RecordNotFound.class);

        var session = Demo.login(mvc, "beilun.power");
        mvc.perform(get("/registry/accounts/{n}/statement.pdf", a.number()).param("from", "2025-03-01").param("to", "2025-03-31").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/registry/accounts/{n}/statement.xlsx", a.number()).param("from", "2025-03-01").param("to", "2025-03-31").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registry/accounts/{n}/statement", a.number()).param("from", "2025-03-01").param("to", "2025-03-31").with(as(beilun)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/registry/accounts/E9999999999/statement.pdf").param("from", "2025-03-01").param("to", "2025-03-31").with(as(a.officer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registry/accounts/E9999999999/statement").param("from", "2025-03-01").param("to", "2025-03-31")
                .with(as(fx.user("registry.operator")))).andExpect(status().isNotFound());
    }

    @Test
    void aMissingMalformedOrReversedPeriodIsRefusedWithAClearMessage() throws Exception {
        String api = "/api/v1/registry/accounts/" + a.number() + "/statement";
        mvc.perform(get(api).param("to", "2025-03-31").with(as(a.officer()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from")).andExpect(jsonPath("$.errors[0].code").value("registry.statement.from.required"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写对账期间的起始日期（格式 YYYY-MM-DD）"));
        mvc.perform(get(api).param("from", "2025-02-30").param("to", "2025-03-31").with(as(a.officer()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("2025-02-30 不是有效日期，请按 YYYY-MM-DD 格式填写"));
        mvc.perform(get(api).param("from", "2025-04-01").param("to", "2025-03-31").with(as(a.officer()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("registry.statement.period.order"))
                .andExpect(jsonPath("$.errors[0].message").value("起始日期 2025-04-01 晚于截止日期 2025-03-31"));
        mvc.perform(get(api).with(as(a.officer()))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(get(api).param("from", "1999-12-31").param("to", "2025-03-31").with(as(a.officer()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("registry.statement.date.range"));

        String page = mvc.perform(get("/registry/accounts/{n}/statement.pdf", a.number()).param("from", "03/01/2025").param("to", "2025-03-31")
                .with(as(a.officer()))).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("03/01/2025 不是有效日期，请按 YYYY-MM-DD 格式填写");
        mvc.perform(get("/registry/accounts/{n}/statement.xlsx", a.number()).param("from", "2025-03-31").param("to", "2025-03-01").with(as(a.officer())))
                .andExpect(status().isBadRequest());
        assertThatThrownBy(() -> statements.statement(a.officer(), a.number(), MARCH_31, MARCH_1)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void aStatementThatDoesNotAddUpToTheLedgersBalancesFailsLoudly() {
        Registry real = fx.registry;
        // a ledger that loses March's first entry: opening + the rest no longer reaches the balances at the end of March
        Registry losing = new Registry(null, null, null, null, null, null, null) {
            @Override
            public Account account(CurrentUser user, String number) {
                return real.account(user, number);
            }

            @Override
            public List<Holding> balancesAt(CurrentUser user, String number, LocalDate day) {
                return real.balancesAt(user, number, day);
            }

            @Override
            public List<LedgerEntry> entries(CurrentUser user, String number, LocalDate from, LocalDate to) {
                return real.entries(user, number, from, to).stream().skip(1).toList();
            }
        };
        AccountStatements broken = new AccountStatements(losing, context.getBean(org.opencets.documents.PdfFonts.class),
                context.getBean(org.springframework.context.MessageSource.class), context.getBean(WorkClock.class),
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        assertThatThrownBy(() -> broken.statement(a.officer(), a.number(), MARCH_1, MARCH_31)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Ledger inconsistency").hasMessageContaining(a.number());
        assertThat(broken.statement(a.officer(), a.number(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).rows()).isEmpty();
    }

    // ---- helpers

    static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkClock.CHINA).toInstant();
    }

    static <T> T at(String chinaTime, Supplier<T> steps) {
        return Backdating.at(china(chinaTime), steps);
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    byte[] download(String path, RequestPostProcessor user, String contentType, String fileName) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).isEqualTo(contentType);
        assertThat(r.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        String disposition = r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;").contains("filename=\"statement-").contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(encoded).doesNotContain("对");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(fileName);
        return r.getResponse().getContentAsByteArray();
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }

    static XSSFWorkbook read(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    static boolean text(Sheet sheet, String wanted) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().contains(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Object> values(Row r) {
        List<Object> v = new ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            Cell cell = r.getCell(c);
            v.add(cell == null ? null : switch (cell.getCellType()) {
                case NUMERIC -> cell.getNumericCellValue();
                case STRING -> cell.getStringCellValue();
                default -> null;
            });
        }
        return v;
    }

    static long number(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? 0 : (long) cell.getNumericCellValue();
    }

    static List<Double> doubles(long[] values) {
        List<Double> out = new ArrayList<>();
        for (long v : values) {
            out.add((double) v);
        }
        return out;
    }
}
