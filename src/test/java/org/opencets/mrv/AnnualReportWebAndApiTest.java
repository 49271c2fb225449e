package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.opencets.accounting.StreamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.ApiKeys;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The annual report as its users meet it: the page with its total and "how computed" panels, the PDF with its embedded
 * Chinese font, the Excel workbook, the REST resource read and submitted with the organisation's API key, a submission
 * with gaps refused as problem details leaving nothing behind, and another emitter seeing none of it.
 *
 * <p>Data ownership: two key emitters registered here (fresh USCCs in 北仑区), their logins and API keys; data year 2023.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportWebAndApiTest {

    static final int YEAR = 2023;
    static final String UNIT = "1号机组";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Organisations organisations;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    MonthlyDeposits deposits;
    @Autowired
    AnnualReports reports;

    /** Complete: one unit in operation from October 2023, its three months approved. */
    KeyEmitter complete;
    String completeLogin;
    String completeKey;
    BigDecimal expectedTotal = BigDecimal.ZERO;
    /** With gaps: one unit from November 2023, November approved, December never deposited. */
    KeyEmitter withGaps;
    String withGapsKey;
    String withGapsLogin;
    /** A cement plant (non-power) with a draft of source streams. */
    KeyEmitter cement;
    String cementLogin;
    AnnualReport cementDraft;
    /** A cement plant whose submitted report the city returned (no correction started yet). */
    KeyEmitter cementReturned;
    String cementReturnedLogin;
    BigDecimal cementReturnedTotal;

    @BeforeAll
    void twoEmittersWithTheirLoginsKeysAndDeposits() {
        AnnualReportFixtures fx = new AnnualReportFixtures(directory, organisations, deposits);
        CurrentUser district = fx.beilunDistrict();
        CurrentUser city = fx.ningboCity();

        complete = fx.register("宁波北仑年报网页测试发电有限公司", "4411");
        GeneratingUnit unit = fx.addCoalUnit(complete, UNIT, "600", "2023-10-02");
        fx.approvedYear(fx.emitterOfficer(complete), unit, YEAR, district, city);
        for (int m = 10; m <= 12; m++) {
            expectedTotal = expectedTotal.add(AnnualReportFixtures.expectedEmissions(unit, YearMonth.of(YEAR, m)));
        }
        completeLogin = "report.web." + complete.uscc().value().toLowerCase();
        people.createUnchecked(fx.organisationOf(complete).id(), completeLogin, "年报网页经办人", completeLogin + "@example.com",
                Set.of(Role.OFFICER, Role.ADMIN), Demo.PASSWORD);
        completeKey = apiKeys.issueUnchecked(fx.organisationOf(complete).id(), "年报 DCS", completeLogin).secretKey();

        withGaps = fx.register("宁波北仑年报缺月网页测试热电有限公司", "4411");
        GeneratingUnit gapUnit = fx.addCoalUnit(withGaps, UNIT, "300", "2023-11-02");
        fx.approvedMonth(fx.emitterOfficer(withGaps), gapUnit, YearMonth.of(YEAR, 11), district, city);
        withGapsLogin = "report.web." + withGaps.uscc().value().toLowerCase();
        people.createUnchecked(fx.organisationOf(withGaps).id(), withGapsLogin, "年报缺月经办人", withGapsLogin + "@example.com",
                Set.of(Role.OFFICER), Demo.PASSWORD);
        withGapsKey = apiKeys.issueUnchecked(fx.organisationOf(withGaps).id(), "年报 DCS", withGapsLogin).secretKey();

        cement = fx.register("宁波北仑年报网页测试水泥有限公司", "3011");
        cementLogin = "report.web." + cement.uscc().value().toLowerCase();
        people.createUnchecked(fx.organisationOf(cement).id(), cementLogin, "水泥年报经办人", cementLogin + "@example.com", Set.of(Role.OFFICER),
                Demo.PASSWORD);
        CurrentUser cementPlant = fx.emitterOfficer(cement);
        AnnualReport draft = reports.draft(cementPlant, cement.uscc(), YEAR);
        cementDraft = reports.saveStreams(cementPlant, draft.id(), draft.version(), List.of(
                AnnualReportRefusalsTest.coal("1000"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"), null),
                new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("10000"), "MWh", null, null, null, null, null)),
                Map.of("CLINKER", new BigDecimal("50000"), "CEMENT", new BigDecimal("64000")));

        cementReturned = fx.register("宁波北仑年报退回网页测试水泥有限公司", "3011");
        cementReturnedLogin = "report.web." + cementReturned.uscc().value().toLowerCase();
        people.createUnchecked(fx.organisationOf(cementReturned).id(), cementReturnedLogin, "水泥年报经办人", cementReturnedLogin + "@example.com",
                Set.of(Role.OFFICER), Demo.PASSWORD);
        CurrentUser returnedPlant = fx.emitterOfficer(cementReturned);
        AnnualReport r = reports.draft(returnedPlant, cementReturned.uscc(), YEAR);
        r = reports.saveStreams(returnedPlant, r.id(), r.version(), List.of(AnnualReportRefusalsTest.coal("1000"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("50000"), "t", null, null, null, new BigDecimal("0.528"), null)),
                Map.of("CLINKER", new BigDecimal("50000"), "CEMENT", new BigDecimal("64000")));
        r = reports.submit(returnedPlant, r.id(), r.version());
        cementReturnedTotal = reports.view(returnedPlant, cementReturned.uscc(), YEAR).figures().totalEmissions();
        reports.returnWithReasons(city, r.id(), r.version(), List.of("请补充熟料产量统计表"));
    }

    // ---- the page --------------------------------------------------------------------------------

    @Test
    void thePageShowsTheTotalWithItsHowComputedLinksAndNoGaps() throws Exception {
        String page = html(mvc.perform(get(base(complete)).session(login(completeLogin))).andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"total-emissions\"", "</td>")).contains(expectedTotal.toPlainString() + " tCO2");
        assertThat(page).doesNotContain("id=\"gaps\"");
        // every computed figure opens its "how computed" panel; the unit's year total among them
        assertThat(page).contains("hx-get=\"" + base(complete) + "/figure?unit=").contains("data-key=\"year/total\"")
                .contains("href=\"" + base(complete) + "/report.pdf\"", "href=\"" + base(complete) + "/report.xlsx\"");
        assertThat(page).contains("data-unit=\"" + UNIT + "\"");
    }

    @Test
    void theHowComputedFragmentShowsTheFormulaAndItsInputs() throws Exception {
        MockHttpSession plant = login(completeLogin);
        String unitTotal = html(mvc.perform(get(base(complete) + "/figure").param("unit", UNIT).param("key", "year/total").session(plant))
                .andExpect(status().isOk()).andReturn());
        assertThat(unitTotal).contains("id=\"how-panel\"", "year/total", "E_fuel + E_elec", expectedTotal.toPlainString() + " tCO2")
                .doesNotContain("<html");
        String month = html(mvc.perform(get(base(complete) + "/figure").param("unit", UNIT).param("key", "2023-11/BITUMINOUS/emissions")
                .session(plant)).andExpect(status().isOk()).andReturn());
        assertThat(month).contains("E = FC × C_ar × OF × 44/12", "0.5612");
        String entity = html(mvc.perform(get(base(complete) + "/figure").param("unit", "").param("key", "entity/total").session(plant))
                .andExpect(status().isOk()).andReturn());
        assertThat(entity).contains("Σ units", expectedTotal.toPlainString());
        mvc.perform(get(base(complete) + "/figure").param("unit", UNIT).param("key", "year/nonsense").session(plant))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePdfEmbedsItsFontAndTheWorkbookCarriesTheTotal() throws Exception {
        MockHttpSession plant = login(completeLogin);
        MvcResult pdf = mvc.perform(get(base(complete) + "/report.pdf").session(plant)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn();
        byte[] bytes = pdf.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(10 * 1024);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("FontFile2");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("inline;");

        MvcResult xlsx = mvc.perform(get(base(complete) + "/report.xlsx").session(plant)).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX)).andExpect(header().string("Content-Disposition", startsWith("attachment;"))).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getSheetName()).isEqualTo("汇总");
            assertThat(texts(summary)).contains(complete.uscc().value(), complete.name(), expectedTotal.toPlainString() + " tCO2");
            assertThat(wb.getSheet(UNIT)).as("a sheet per unit").isNotNull();
        }
    }

    @Test
    void anotherEmittersUserFindsNothing() throws Exception {
        MockHttpSession other = login("beilun.power");
        mvc.perform(get(base(complete)).session(other)).andExpect(status().isNotFound());
        mvc.perform(get(base(complete) + "/figure").param("unit", UNIT).param("key", "year/total").session(other)).andExpect(status().isNotFound());
        mvc.perform(get(base(complete) + "/report.pdf").session(other)).andExpect(status().isNotFound());
        mvc.perform(get(base(complete) + "/report.xlsx").session(other)).andExpect(status().isNotFound());
        // nor another city's bureau; the emitter's own district reads it
        mvc.perform(get(base(complete)).session(login("sx.city"))).andExpect(status().isNotFound());
        mvc.perform(get(base(complete)).session(login("haishu.district"))).andExpect(status().isNotFound());
        mvc.perform(get(base(complete)).session(login("beilun.district"))).andExpect(status().isOk());
        // nor does another emitter's system with its API key
        mvc.perform(get(api(complete)).header("X-API-Key", withGapsKey)).andExpect(status().isNotFound());
        mvc.perform(post(api(complete) + "/submit").header("X-API-Key", withGapsKey)).andExpect(status().isNotFound());
        assertThat(reportRows(complete)).isLessThanOrEqualTo(1);
    }

    @Test
    void theEmitterSeesItsNonPowerDraftWithTheStreamForm() throws Exception {
        MvcResult result = mvc.perform(get(base(cement)).session(login(cementLogin))).andReturn();
        assertThat(result.getResponse().getStatus()).as("the emitter's page of its non-power draft").isEqualTo(200);
        String page = html(result);
        assertThat(page).contains("id=\"streams-form\"", "熟料生产（碳酸盐分解）", "data-key=\"stream/2\"", "id=\"save-streams\"");
    }

    @Test
    void aNonPowerReportShowsHowComputedAndRendersAsPdfAndWorkbookAndForTheCity() throws Exception {
        MockHttpSession plant = login(cementLogin);
        String process = html(mvc.perform(get(base(cement) + "/figure").param("key", "stream/2").session(plant)).andExpect(status().isOk())
                .andReturn());
        assertThat(process).contains("E = AD × EF", "26400.00");
        byte[] pdf = mvc.perform(get(base(cement) + "/report.pdf").session(plant)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        byte[] xlsx = mvc.perform(get(base(cement) + "/report.xlsx").session(plant)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(texts(wb.getSheetAt(1))).contains("熟料生产（碳酸盐分解）", "26400");
        }
        // the city, who reviews it, reads the page (without the form)
        String page = html(mvc.perform(get(base(cement)).session(login("nb.city"))).andExpect(status().isOk()).andReturn());
        assertThat(page).doesNotContain("id=\"save-streams\"");
        assertThat(between(page, "id=\"streams\"", "</table>")).as("the stream rows the city reviews")
                .contains("熟料生产（碳酸盐分解）", "外购电力", "data-key=\"stream/2\"");
    }

    @Test
    void theStreamFormAnswersAProcessRowWithoutItsUnitWithAMessageNotAServerError() throws Exception {
        MockHttpSession plant = login(cementLogin);
        AnnualReport now = reports.get(new AnnualReportFixtures(directory, organisations, deposits).emitterOfficer(cement), cementDraft.id());
        MvcResult result = mvc.perform(post(base(cement) + "/streams").session(plant).with(csrf())
                .param("id", now.id().toString()).param("version", String.valueOf(now.version()))
                .param("s0.kind", "PROCESS").param("s0.name", "熟料生产（碳酸盐分解）").param("s0.activity", "50000").param("s0.unit", "")
                .param("s0.ef", "0.528")
                .param("p.CLINKER", "50000").param("p.CEMENT", "64000")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a process row without its unit is answered on the page, not with a 500")
                .isEqualTo(200);
        assertThat(html(result)).contains("id=\"errors\"");
        AnnualReport after = reports.get(new AnnualReportFixtures(directory, organisations, deposits).emitterOfficer(cement), cementDraft.id());
        assertThat(after.version()).isEqualTo(now.version());
        assertThat(after.streams()).hasSize(3);
    }

    @Test
    void afterAReturnThePageShowsTheReturnedStreamsAndTheirHowComputedPanels() throws Exception {
        MockHttpSession plant = login(cementReturnedLogin);
        String page = html(mvc.perform(get(base(cementReturned)).session(plant)).andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"total-emissions\"", "</td>")).contains(cementReturnedTotal.toPlainString() + " tCO2");
        assertThat(page).contains("请补充熟料产量统计表", "id=\"start-report\"");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(between(page, "id=\"streams\"", "</table>")).as("the returned version's stream rows on the page")
                .contains("熟料生产（碳酸盐分解）", "data-key=\"stream/2\"");
        // every figure on the page links to its panel: the panel must explain the same figure
        MvcResult total = mvc.perform(get(base(cementReturned) + "/figure").param("key", "year/total").session(plant)).andReturn();
        softly.assertThat(total.getResponse().getStatus()).isEqualTo(200);
        softly.assertThat(html(total)).as("year/total panel of the returned report")
                .contains(">" + cementReturnedTotal.toPlainString() + " tCO2<");
        MvcResult process = mvc.perform(get(base(cementReturned) + "/figure").param("key", "year/process").session(plant)).andReturn();
        softly.assertThat(process.getResponse().getStatus()).as("year/process panel (linked from the page)").isEqualTo(200);
        softly.assertThat(html(process)).as("year/process panel of the returned report").contains(">26400.00 tCO2<");
        MvcResult stream = mvc.perform(get(base(cementReturned) + "/figure").param("key", "stream/2").session(plant)).andReturn();
        softly.assertThat(stream.getResponse().getStatus()).as("stream/2 panel of the returned report").isEqualTo(200);
        softly.assertAll();
    }

    // ---- the API -----------------------------------------------------------------------------------

    @Test
    void theApiReadsTheFiguresAndBlockersAndSubmitsACompleteYear() throws Exception {
        String before = mvc.perform(get(api(complete)).header("X-API-Key", completeKey)).andExpect(status().isOk())
                .andExpect(jsonPath("$.emitter").value(complete.uscc().value()))
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.submittable").value(true))
                .andExpect(jsonPath("$.blockers", empty()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(decimal(before, "$.totalEmissions")).isEqualByComparingTo(expectedTotal);
        assertThat(decimal(before, "$.complianceEmissions")).isEqualByComparingTo(expectedTotal);
        assertThat(decimal(before, "$.figures.totalEmissions.value")).isEqualByComparingTo(expectedTotal);
        assertThat(JsonPath.<String>read(before, "$.figures.units[0].unit")).isEqualTo(UNIT);

        String submitted = mvc.perform(post(api(complete) + "/submit").header("X-API-Key", completeKey)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.reportVersion").value(1))
                .andExpect(jsonPath("$.contentSha256").isString())
                .andExpect(jsonPath("$.logIndex").isNumber())
                .andExpect(jsonPath("$.late").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(decimal(submitted, "$.totalEmissions")).isEqualByComparingTo(expectedTotal);
        mvc.perform(get(api(complete)).header("X-API-Key", completeKey)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittable").value(false))
                .andExpect(jsonPath("$.blockers[*].messageKey", hasItem("report.blocker.submitted")));
        // submitting again is refused and changes nothing
        mvc.perform(post(api(complete) + "/submit").header("X-API-Key", completeKey)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", hasItem("report.underReview")));
        assertThat(reportRows(complete)).isEqualTo(1);
        // the page, the PDF and the workbook show the frozen version
        String page = html(mvc.perform(get(base(complete)).session(login(completeLogin))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"report-status\"");
        assertThat(between(page, "id=\"total-emissions\"", "</td>")).contains(expectedTotal.toPlainString());
    }

    @Test
    void anApiSubmissionWithGapsIsRefusedAsProblemDetailsAndLeavesNoDraft() throws Exception {
        mvc.perform(get(api(withGaps)).header("X-API-Key", withGapsKey)).andExpect(status().isOk())
                .andExpect(jsonPath("$.submittable").value(false))
                .andExpect(jsonPath("$.reportId").doesNotExist())
                .andExpect(jsonPath("$.blockers[*].messageKey", containsInAnyOrder("report.gap.month.missing")))
                .andExpect(jsonPath("$.blockers[*].field", containsInAnyOrder(UNIT + "/2023-12")));

        mvc.perform(post(api(withGaps) + "/submit").header("X-API-Key", withGapsKey).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("report.gap.month.missing")))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(UNIT + "/2023-12")))
                .andExpect(jsonPath("$.errors[0].message").value(UNIT + " 2023-12: no monthly deposit"));
        // submitYear is one transaction: the draft it started is gone with the refusal
        assertThat(reportRows(withGaps)).isZero();
        // the page names the gap in words and offers no submission
        String page = html(mvc.perform(get(base(withGaps)).session(login(withGapsLogin))).andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"gaps\"", "</div>")).contains(UNIT + " 2023-12：没有月度存证");
        assertThat(reportRows(withGaps)).isZero();
        // the documents list the gap too
        MockHttpSession gapsPlant = login(withGapsLogin);
        byte[] gapsXlsx = mvc.perform(get(base(withGaps) + "/report.xlsx").session(gapsPlant)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(gapsXlsx))) {
            assertThat(texts(wb.getSheetAt(0))).contains(UNIT + " 2023-12：没有月度存证");
        }
        mvc.perform(get(base(withGaps) + "/report.pdf").session(gapsPlant)).andExpect(status().isOk());
        // started on the page, the draft cannot be submitted there either: the page says why and it stays a draft
        MockHttpSession plant = login(withGapsLogin);
        mvc.perform(post(base(withGaps) + "/draft").session(plant).with(csrf())).andExpect(status().is3xxRedirection());
        String draftPage = html(mvc.perform(get(base(withGaps)).session(plant)).andExpect(status().isOk()).andReturn());
        assertThat(draftPage).contains("id=\"submit-blocked\"").containsPattern("id=\"submit-report\"[^>]*disabled");
        String id = jdbc.sql("select id::text from mrv.annual_report where emitter_uscc = ? and data_year = ?").params(withGaps.uscc().value(), YEAR)
                .query(String.class).single();
        String refused = html(mvc.perform(post(base(withGaps) + "/submit").param("id", id).param("version", "0").session(plant).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(between(refused, "id=\"errors\"", "</div></div>")).contains(UNIT + " 2023-12：没有月度存证");
        assertThat(jdbc.sql("select status from mrv.annual_report where id = ?::uuid").param(id).query(String.class).single()).isEqualTo("DRAFT");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static String base(KeyEmitter e) {
        return "/mrv/reports/" + e.uscc().value() + "/" + YEAR;
    }

    static String api(KeyEmitter e) {
        return "/api/v1/mrv/reports/" + e.uscc().value() + "/" + YEAR;
    }

    MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }

    static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return html.substring(start, html.indexOf(to, start));
    }

    static BigDecimal decimal(String json, String path) {
        Object v = JsonPath.read(json, path);
        return new BigDecimal(String.valueOf(v));
    }

    static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                texts.add(cell.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                        : cell.getStringCellValue());
            }
        }
        return texts;
    }

    long reportRows(KeyEmitter emitter) {
        return jdbc.sql("select count(*) from mrv.annual_report where emitter_uscc = ? and data_year = ?").params(emitter.uscc().value(), YEAR)
                .query(Long.class).single();
    }
}
