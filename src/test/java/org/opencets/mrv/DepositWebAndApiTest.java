package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.notary.Receipt;
import org.opencets.notary.ReceiptJson;
import org.opencets.notary.ReceiptVerifier;
import org.opencets.notary.TransparencyLog;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The monthly deposit as its users meet it: the unit-month page (Excel template round trip, the form, evidence upload,
 * submission refused with its findings), the REST push of plant systems with the organisation's API key, the district's
 * return on the page, the public receipt check, and who may see and review what.
 *
 * <p>Data ownership: this class owns months 2024-07 … 2024-12 of 国电浙江北仑临港发电有限公司 1号机组 (1000 MW,
 * BITUMINOUS + FUEL_OIL) and the login {@value #LOGIN}. The two tests of refused Excel files store nothing and share
 * 2024-08; every other test has its own month.
 */
@IntegrationTest
class DepositWebAndApiTest {

    static final String USCC = "91330206439099414B";
    static final String UNIT = "1号机组";
    static final String LOGIN = "mrv.web.lingang";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Parameter, fuel (or null), value: a plausible July-like month of a 1000 MW coal unit; fuel oil burnt: none. */
    static final List<String[]> VALUES = List.of(
            new String[] {"FUEL_CONSUMPTION", "BITUMINOUS", "220000"},
            new String[] {"FUEL_CONSUMPTION", "FUEL_OIL", "0"},
            new String[] {"NCV", "BITUMINOUS", "21.5"},
            new String[] {"CARBON_CONTENT", "BITUMINOUS", "0.56"},
            new String[] {"GENERATION", null, "560000"},
            new String[] {"POWER_SUPPLIED", null, "532000"},
            new String[] {"HEAT_SUPPLIED", null, "0"},
            new String[] {"PURCHASED_ELECTRICITY", null, "0"},
            new String[] {"OPERATING_HOURS", null, "700"},
            new String[] {"LOAD_FACTOR", null, "80"},
            new String[] {"AUX_POWER_RATE", null, "5"});

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;
    @Autowired
    TransparencyLog transparencyLog;
    @Autowired
    Deadlines deadlines;

    UUID unitId;

    @BeforeEach
    void emitterLoginAndUnit() {
        if (jdbc.sql("select count(*) from identity.user_account where username = ?").param(LOGIN).query(Long.class).single() == 0) {
            UUID orgId = organisations.findByUscc(Uscc.of(USCC)).orElseThrow().id();
            people.createUnchecked(orgId, LOGIN, "临港电厂存证经办人", "mrv.web.lingang@example.com", Set.of(Role.OFFICER, Role.ADMIN),
                    Demo.PASSWORD);
        }
        unitId = jdbc.sql("""
                select u.id from directory.generating_unit u join directory.key_emitter e on e.id = u.emitter_id
                where e.uscc = ? and u.unit_code = ?""").params(USCC, UNIT).query(UUID.class).single();
    }

    // ---- 1. Excel round trip ----------------------------------------------------------------------

    @Test
    void theDownloadedTemplateFilledInImportsIntoTheDraftAndThePageShowsIt() throws Exception {
        YearMonth month = YearMonth.of(2024, 7);
        MockHttpSession plant = login(LOGIN);
        byte[] template = template(plant, month);

        byte[] filled = edit(template, sheet -> {
            fillAll(sheet);
            labelled(sheet, "留存煤样编号").getCell(1).setCellValue("LG1-202407-M01");
            labelled(sheet, "留存煤样存放地点").getCell(1).setCellValue("临港电厂燃料部煤样间 3 号柜");
        });
        MvcResult imported = mvc.perform(multipart("/mrv/deposits/{u}/{m}/import", unitId, month).file(xlsx(filled)).session(plant)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/mrv/deposits/" + unitId + "/" + month);

        String page = html(mvc.perform(get(imported.getResponse().getRedirectedUrl()).session(plant).flashAttrs(imported.getFlashMap()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Excel 已导入草稿", "第 1 版 · Excel 导入", ">草稿<");
        assertThat(inputValue(page, "v-FUEL_CONSUMPTION.BITUMINOUS")).isEqualTo("220000");
        assertThat(inputValue(page, "v-FUEL_CONSUMPTION.FUEL_OIL")).isEqualTo("0");
        assertThat(inputValue(page, "v-NCV.BITUMINOUS")).isEqualTo("21.5");
        assertThat(inputValue(page, "v-CARBON_CONTENT.BITUMINOUS")).isEqualTo("0.56");
        assertThat(inputValue(page, "v-NCV.FUEL_OIL")).isEmpty();
        assertThat(inputValue(page, "v-GENERATION")).isEqualTo("560000");
        assertThat(inputValue(page, "v-POWER_SUPPLIED")).isEqualTo("532000");
        assertThat(inputValue(page, "v-OPERATING_HOURS")).isEqualTo("700");
        assertThat(inputValue(page, "v-LOAD_FACTOR")).isEqualTo("80");
        assertThat(inputValue(page, "v-AUX_POWER_RATE")).isEqualTo("5");
        assertThat(inputValue(page, "sampleId")).isEqualTo("LG1-202407-M01");
        assertThat(inputValue(page, "samplePlace")).isEqualTo("临港电厂燃料部煤样间 3 号柜");

        UUID id = live(month);
        assertThat(jdbc.sql("select channel from mrv.deposit where id = ?").param(id).query(String.class).single()).isEqualTo("EXCEL");
        // 实测 became MEASURED; the blank fuel-oil quality rows were not entered
        assertThat(storedValues(id)).containsExactlyInAnyOrderEntriesOf(expectedStored("MEASURED"));
        // the template offered again carries what was imported
        try (XSSFWorkbook again = new XSSFWorkbook(new ByteArrayInputStream(template(plant, month)))) {
            assertThat(DepositWorkbook.text(row(again.getSheet(DepositWorkbook.SHEET), "GENERATION", null).getCell(4))).isEqualTo("560000");
        }
    }

    // ---- 2. and 3. refused Excel files ------------------------------------------------------------

    @Test
    void aFileOfAnotherTemplateVersionIsRefusedNamingBothVersionsAndNothingIsStored() throws Exception {
        YearMonth month = YearMonth.of(2024, 8);
        MockHttpSession plant = login(LOGIN);
        byte[] filled = edit(template(plant, month), sheet -> {
            fillAll(sheet);
            labelled(sheet, "模板版本").getCell(1).setCellValue("OPENCETS-MRV-DEPOSIT-0");
        });

        String page = html(mvc.perform(multipart("/mrv/deposits/{u}/{m}/import", unitId, month).file(xlsx(filled)).session(plant)
                .with(csrf())).andExpect(status().isOk()).andReturn());

        assertThat(errors(page)).contains("文件使用的模板版本为 OPENCETS-MRV-DEPOSIT-0，当前应使用版本 OPENCETS-MRV-DEPOSIT-1。");
        assertThat(rows(month)).isZero();
    }

    @Test
    void aFileWithTwoBadRowsNamesBothRowsAndNothingIsStored() throws Exception {
        YearMonth month = YearMonth.of(2024, 8);
        MockHttpSession plant = login(LOGIN);
        int[] numbers = new int[2];
        byte[] filled = edit(template(plant, month), sheet -> {
            fillAll(sheet);
            Row generation = row(sheet, "GENERATION", null);
            generation.getCell(4).setCellValue("约56万");
            Row supplied = row(sheet, "POWER_SUPPLIED", null);
            supplied.getCell(4).setCellValue(-532000);
            numbers[0] = generation.getRowNum() + 1;
            numbers[1] = supplied.getRowNum() + 1;
        });

        String page = html(mvc.perform(multipart("/mrv/deposits/{u}/{m}/import", unitId, month).file(xlsx(filled)).session(plant)
                .with(csrf())).andExpect(status().isOk()).andReturn());

        assertThat(errors(page)).contains("第 " + numbers[0] + " 行：数值“约56万”不是数字。", "第 " + numbers[1] + " 行：数值 -532000");
        assertThat(rows(month)).isZero();
        // the negative number is quoted as shown in the cell, not as Excel's double ("-532000.0")
        assertThat(errors(page)).contains("第 " + numbers[1] + " 行：数值 -532000 为负数，数值不得为负。");
    }

    // ---- 4. the form ------------------------------------------------------------------------------

    @Test
    void theFormKeepsWhatWasTypedNextToItsErrorRefusesAFakePdfAndSubmissionListsWhatBlocksIt() throws Exception {
        YearMonth month = YearMonth.of(2024, 10);
        MockHttpSession plant = login(LOGIN);
        String start = mvc.perform(post("/mrv/deposits/{u}/{m}/draft", unitId, month).session(plant).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(start).isEqualTo("/mrv/deposits/" + unitId + "/" + month);
        UUID id = live(month);

        // one typo among the values: the page says so next to that field and keeps everything typed
        Map<String, String> form = form("MEASURED");
        form.put("v.NCV.BITUMINOUS", "21.5O");
        form.put("b.AUX_POWER_RATE", "CALCULATED");
        form.put("n.AUX_POWER_RATE", "厂用电量 ÷ 发电量");
        form.put("sampleId", "LG1-202410-M01");
        form.put("samplePlace", "临港电厂燃料部煤样间 3 号柜");
        String refused = html(mvc.perform(post("/mrv/deposits/by-id/{id}/values", id).params(params(form)).param("version", version(id))
                .session(plant).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(fieldError(refused, "v-NCV.BITUMINOUS")).isEqualTo("低位发热量（烟煤）：&quot;21.5O&quot; 不是数字。");
        assertThat(inputTag(refused, "v-NCV.BITUMINOUS")).contains("class=\"invalid\"");
        assertThat(inputValue(refused, "v-NCV.BITUMINOUS")).isEqualTo("21.5O");
        assertThat(inputValue(refused, "v-GENERATION")).isEqualTo("560000");
        assertThat(inputValue(refused, "v-FUEL_CONSUMPTION.BITUMINOUS")).isEqualTo("220000");
        assertThat(storedValues(id)).isEmpty();

        form.put("v.NCV.BITUMINOUS", "21.5");
        MvcResult saved = mvc.perform(post("/mrv/deposits/by-id/{id}/values", id).params(params(form)).param("version", version(id))
                .session(plant).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        Map<String, String> expected = expectedStored("MEASURED");
        expected.put("AUX_POWER_RATE", "5 CALCULATED");
        assertThat(storedValues(id)).containsExactlyInAnyOrderEntriesOf(expected);
        String afterSave = html(mvc.perform(get(start).session(plant).flashAttrs(saved.getFlashMap())).andReturn());
        assertThat(afterSave).contains("已保存。");
        assertThat(inputValue(afterSave, "v-NCV.BITUMINOUS")).isEqualTo("21.5");
        assertThat(inputValue(afterSave, "sampleId")).isEqualTo("LG1-202410-M01");
        assertThat(namedInputValue(afterSave, "n.AUX_POWER_RATE")).isEqualTo("厂用电量 ÷ 发电量");
        assertThat(selectedBasis(afterSave, "AUX_POWER_RATE")).isEqualTo("CALCULATED");

        // a "PDF" that is a PNG is refused with the reason, and not attached
        String fake = html(mvc.perform(multipart("/mrv/deposits/by-id/{id}/evidence", id)
                        .file(new MockMultipartFile("file", "2024-10 入炉煤化验报告.pdf", "application/pdf", png("fake pdf")))
                        .param("kind", "LAB_REPORT").param("fuel", "BITUMINOUS").session(plant).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(errors(fake)).contains("文件 2024-10 入炉煤化验报告.pdf 的内容不是其扩展名所示的 PDF 文件");
        assertThat(evidenceCount(id)).isZero();
        mvc.perform(multipart("/mrv/deposits/by-id/{id}/evidence", id)
                        .file(new MockMultipartFile("file", "2024-10 入炉煤称重.pdf", "application/pdf", pdf("FUEL_RECORD " + month)))
                        .param("kind", "FUEL_RECORD").param("fuel", "BITUMINOUS").session(plant).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(evidenceCount(id)).isEqualTo(1);

        // submitting without the other files lists every blocking finding and leaves the draft a draft
        String blocked = html(mvc.perform(post("/mrv/deposits/by-id/{id}/submit", id).param("version", version(id)).session(plant)
                .with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(errors(blocked)).contains("低位发热量（烟煤） 缺少支撑材料：化验报告。", "发电量 缺少支撑材料：计量表读数。",
                "运行小时数 缺少支撑材料：生产月报。", "缺少煤样采样、制样、化验、保存的影像记录")
                .doesNotContain("FUEL_RECORD");
        assertThat(statusBadge(blocked)).isEqualTo("草稿");
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        // when one value is refused, everything else typed into the form comes back as typed: the retained sample's
        // ID and place, the notes and the chosen basis, not only the numbers
        SoftAssertions typedKept = new SoftAssertions();
        typedKept.assertThat(inputValue(refused, "sampleId")).as("sample ID typed").isEqualTo("LG1-202410-M01");
        typedKept.assertThat(inputValue(refused, "samplePlace")).as("sample place typed").isEqualTo("临港电厂燃料部煤样间 3 号柜");
        typedKept.assertThat(namedInputValue(refused, "n.AUX_POWER_RATE")).as("note typed").isEqualTo("厂用电量 ÷ 发电量");
        typedKept.assertThat(selectedBasis(refused, "AUX_POWER_RATE")).as("basis chosen").isEqualTo("CALCULATED");
        typedKept.assertAll();
    }

    // ---- 5. REST push -----------------------------------------------------------------------------

    @Test
    void aPlantSystemPushesAMonthAttachesEvidenceAndSubmitsWithItsApiKey() throws Exception {
        YearMonth month = YearMonth.of(2024, 11);
        String key = issueApiKey();

        // bad requests first: each is a problem naming what is wrong, and none leaves a row behind
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(month, List.<String[]>of(new String[] {"COAL_BURNT", null, "1"}))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("values[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("deposit.parameter.unknown"));
        List<String[]> twice = new java.util.ArrayList<>(VALUES);
        twice.add(new String[] {"GENERATION", null, "1"});
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(month, twice)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'GENERATION')].code").value(hasItem("deposit.value.duplicate")));
        String longSample = json(month, VALUES).replaceFirst("\"sampleId\":\"[^\"]*\"", "\"sampleId\":\"" + "样".repeat(101) + "\"");
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(longSample))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'sampleId')].code").value(hasItem("deposit.text.tooLong")));
        YearMonth next = YearMonth.from(deadlines.today()).plusMonths(1);
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, next).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(next, VALUES)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("deposit.month.notEnded")));
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", "9号机组", month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(month, VALUES)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'unit')].code").value(hasItem("deposit.unit.notYours")));
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).contentType(MediaType.APPLICATION_JSON).content(json(month, VALUES)))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key + "x").contentType(MediaType.APPLICATION_JSON)
                .content(json(month, VALUES))).andExpect(status().isUnauthorized());
        assertThat(rows(month)).isZero();
        assertThat(jdbc.sql("select count(*) from mrv.deposit where unit_id = ? and month = ?").params(unitId, next.atDay(1))
                .query(Long.class).single()).isZero();

        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(month, VALUES)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.unitCode").value(UNIT))
                .andExpect(jsonPath("$.values.length()").value(VALUES.size()))
                .andExpect(jsonPath("$.findings[?(@.severity == 'ERROR')].field").value(hasItems("evidence.FUEL_RECORD.BITUMINOUS",
                        "evidence.LAB_REPORT.BITUMINOUS", "evidence.METER_READING", "evidence.PRODUCTION_REPORT",
                        "evidence.SAMPLING_RECORDING")));
        UUID id = live(month);
        assertThat(storedValues(id)).containsExactlyInAnyOrderEntriesOf(expectedStored("MEASURED"));

        // evidence about a fuel the unit does not burn is refused
        mvc.perform(multipart("/api/v1/mrv/deposits/{u}/{m}/evidence", UNIT, month)
                        .file(new MockMultipartFile("file", "天然气化验.pdf", "application/pdf", pdf("gas"))).param("kind", "LAB_REPORT")
                        .param("fuel", "NATURAL_GAS").header("X-API-Key", key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'fuel')].code").value(hasItem("deposit.fuel.notBurnt")));
        attachAllOverApi(key, month);
        mvc.perform(get("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence.length()").value(5))
                .andExpect(jsonPath("$.findings[?(@.severity == 'ERROR')]").isEmpty());

        MvcResult submitted = mvc.perform(post("/api/v1/mrv/deposits/{u}/{m}/submit", UNIT, month).header("X-API-Key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deposit.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.deposit.late").value(true))
                .andReturn();
        String receiptJson = com.jayway.jsonpath.JsonPath.read(submitted.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.receipt");
        Receipt receipt = ReceiptJson.read(receiptJson);
        assertThat(receipt.entryRef()).isEqualTo(id.toString());
        assertThat(ReceiptVerifier.verify(receipt, transparencyLog.publicKey())).isNotEmpty().allMatch(ReceiptVerifier.Check::ok);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");

        // the month is under review: a second push is refused and changes nothing
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(month, VALUES).replace("\"value\":560000", "\"value\":555000")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("deposit.underReview")))
                .andExpect(jsonPath("$.errors[*].code").value(not(hasItem("deposit.frozen"))));
        assertThat(rows(month)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        assertThat(storedValues(id)).containsEntry("GENERATION", "560000 MEASURED");
    }

    // ---- 6. district review on the page, public receipt check -------------------------------------

    @Test
    void theDistrictReturnsWithEveryReasonTheEmitterSeesThemAndAnyoneCanCheckTheReceipt() throws Exception {
        YearMonth month = YearMonth.of(2024, 12);
        UUID id = submitOverApi(month);
        MockHttpSession district = login("beilun.district");
        String page = "/mrv/deposits/" + unitId + "/" + month;
        String review = html(mvc.perform(get(page).session(district)).andExpect(status().isOk()).andReturn());
        assertThat(review).contains("id=\"review\"", "id=\"return-deposit\"");
        assertThat(statusBadge(review)).isEqualTo("待区县审核");

        String empty = html(mvc.perform(post("/mrv/deposits/by-id/{id}/return", id).param("version", version(id)).param("reasons", " \r\n ")
                .session(district).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(errors(empty)).contains("退回时请逐条写明需要更正的问题。");
        assertThat(empty).containsPattern("<textarea name=\"reasons\" id=\"reasons\" rows=\"3\" class=\"invalid\">");
        assertThat(statusBadge(empty)).isEqualTo("待区县审核");
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");

        mvc.perform(post("/mrv/deposits/by-id/{id}/return", id).param("version", version(id))
                        .param("reasons", "12月入炉煤低位发热量与化验报告不一致\r\n缺少 12 月生产月报盖章页\r\n")
                        .session(district).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("RETURNED");

        MockHttpSession plant = login(LOGIN);
        String returned = html(mvc.perform(get(page).session(plant)).andExpect(status().isOk()).andReturn());
        assertThat(statusBadge(returned)).isEqualTo("已退回");
        assertThat(listItems(block(returned, "return-reasons"))).containsExactly("12月入炉煤低位发热量与化验报告不一致", "缺少 12 月生产月报盖章页");
        assertThat(returned).contains("id=\"start-deposit\"");

        // the receipt the emitter downloads verifies on the public page, without login
        String receipt = mvc.perform(get("/mrv/deposits/by-id/{id}/receipt.json", id).session(plant)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ReceiptJson.read(receipt).entryRef()).isEqualTo(id.toString());
        String verdict = html(mvc.perform(multipart("/public/receipts").param("receipt", receipt).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(verdict).containsPattern("<p id=\"receipt-verdict\" class=\"notice\">回执有效")
                .doesNotContain("id=\"malformed\"");
        // and a receipt whose hash was altered does not
        Receipt r = ReceiptJson.read(receipt);
        byte[] otherHash = r.contentHash().clone();
        otherHash[0] ^= 1;
        String forged = receipt.replace(java.util.HexFormat.of().formatHex(r.contentHash()), java.util.HexFormat.of().formatHex(otherHash));
        assertThat(forged).isNotEqualTo(receipt);
        assertThat(html(mvc.perform(multipart("/public/receipts").param("receipt", forged).with(csrf())).andReturn()))
                .containsPattern("<p id=\"receipt-verdict\" class=\"alert\">");
    }

    // ---- 7. access --------------------------------------------------------------------------------

    @Test
    void anotherDistrictDoesNotSeeTheMonthAndTheEmitterCannotApproveItsOwn() throws Exception {
        YearMonth month = YearMonth.of(2024, 9);
        UUID id = submitOverApi(month);

        MockHttpSession haishu = login("haishu.district");
        mvc.perform(get("/mrv/deposits/{u}/{m}", unitId, month).session(haishu)).andExpect(status().isNotFound());
        mvc.perform(get("/mrv/deposits/by-id/{id}/receipt.json", id).session(haishu)).andExpect(status().isNotFound());
        mvc.perform(post("/mrv/deposits/by-id/{id}/approve", id).param("version", version(id)).session(haishu).with(csrf()))
                .andExpect(status().isNotFound());

        MockHttpSession plant = login(LOGIN);
        String own = html(mvc.perform(get("/mrv/deposits/{u}/{m}", unitId, month).session(plant)).andExpect(status().isOk()).andReturn());
        assertThat(own).doesNotContain("id=\"approve-deposit\"", "id=\"review\"");
        mvc.perform(post("/mrv/deposits/by-id/{id}/approve", id).param("version", version(id)).session(plant).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mrv/deposits/by-id/{id}/return", id).param("version", version(id)).param("reasons", "自己退回")
                .session(plant).with(csrf())).andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    // ---- helpers: web ---------------------------------------------------------------------------------

    private MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }

    private byte[] template(MockHttpSession session, YearMonth month) throws Exception {
        MvcResult download = mvc.perform(get("/mrv/deposits/{u}/{m}/template.xlsx", unitId, month).session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX)).andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        return download.getResponse().getContentAsByteArray();
    }

    private static MockMultipartFile xlsx(byte[] content) {
        return new MockMultipartFile("file", "月度存证.xlsx", XLSX, content);
    }

    private static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The texts of the page's error box (empty when there is none). */
    private static String errors(String html) {
        return block(html, "errors");
    }

    /** The element with the id, up to its first closing tag of the same nesting (good enough for these flat blocks). */
    private static String block(String html, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!m.find()) {
            return "";
        }
        String tag = m.group(1);
        int depth = 1;
        Matcher t = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
        int from = m.end();
        while (t.find(from)) {
            depth += t.group(1).isEmpty() ? 1 : -1;
            from = t.end();
            if (depth == 0) {
                return html.substring(m.end(), t.start());
            }
        }
        return html.substring(m.end());
    }

    private static List<String> listItems(String html) {
        return Pattern.compile("<li>([^<]*)</li>").matcher(html).results().map(r -> r.group(1)).toList();
    }

    private static String inputTag(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("input #" + id).isTrue();
        return m.group();
    }

    private static String inputValue(String html, String id) {
        return attribute(inputTag(html, id), "value");
    }

    private static String namedInputValue(String html, String name) {
        Matcher m = Pattern.compile("<input[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("input " + name).isTrue();
        return attribute(m.group(), "value");
    }

    private static String attribute(String tag, String name) {
        Matcher v = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return v.find() ? v.group(1) : "";
    }

    private static String fieldError(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>\\s*<span class=\"field-error\">([^<]*)</span>")
                .matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String selectedBasis(String html, String field) {
        String select = block(html.replace("<select name=\"b." + field + "\">", "<select id=\"b-" + field + "\">"), "b-" + field);
        Matcher m = Pattern.compile("<option value=\"(\\w+)\" selected=\"selected\"").matcher(select);
        return m.find() ? m.group(1) : "";
    }

    private static String statusBadge(String html) {
        Matcher m = Pattern.compile("id=\"deposit-status\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    // ---- helpers: the workbook ----------------------------------------------------------------------

    private static byte[] edit(byte[] xlsx, Consumer<Sheet> change) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(workbook.getSheet(DepositWorkbook.SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Every row of {@link #VALUES}, basis 实测; the fuel-oil quality rows stay blank. */
    private static void fillAll(Sheet sheet) {
        for (String[] v : VALUES) {
            Row row = row(sheet, v[0], v[1]);
            row.getCell(4).setCellValue(Double.parseDouble(v[2]));
            row.getCell(5).setCellValue("实测");
        }
    }

    private static Row row(Sheet sheet, String code, String fuel) {
        for (Row row : sheet) {
            if (code.equals(DepositWorkbook.text(row.getCell(0)).strip())
                    && (fuel == null ? "" : fuel).equals(DepositWorkbook.text(row.getCell(1)).strip())) {
                return row;
            }
        }
        throw new AssertionError("no template row " + code + " " + fuel);
    }

    private static Row labelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (label.equals(DepositWorkbook.text(row.getCell(0)).strip())) {
                if (row.getCell(1) == null) {
                    row.createCell(1);
                }
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label);
    }

    // ---- helpers: the form and the API --------------------------------------------------------------

    private static Map<String, String> form(String basis) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String[] v : VALUES) {
            String field = v[1] == null ? v[0] : v[0] + "." + v[1];
            form.put("v." + field, v[2]);
            form.put("b." + field, basis);
            form.put("n." + field, "");
        }
        return form;
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.forEach(params::add);
        return params;
    }

    private static String json(YearMonth month, List<String[]> values) {
        StringBuilder sb = new StringBuilder("{\"values\":[");
        for (int i = 0; i < values.size(); i++) {
            String[] v = values.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"parameter\":\"").append(v[0]).append("\",")
                    .append(v[1] == null ? "" : "\"fuel\":\"" + v[1] + "\",")
                    .append("\"value\":").append(v[2]).append(",\"basis\":\"MEASURED\"}");
        }
        return sb.append("],\"sampleId\":\"LG1-").append(month.toString().replace("-", "")).append("-M01\",")
                .append("\"samplePlace\":\"临港电厂燃料部煤样间 3 号柜\"}").toString();
    }

    /** An API key of the emitter's organisation, issued by its administrator on the admin page. */
    private String issueApiKey() throws Exception {
        MvcResult issued = mvc.perform(post("/admin/api-keys").param("name", "临港 DCS " + ThreadLocalRandom.current().nextInt(1_000_000))
                .session(login(LOGIN)).with(csrf())).andExpect(status().isOk()).andReturn();
        Matcher m = Pattern.compile("class=\"secret\"[^>]*>([^<]+)<").matcher(html(issued));
        assertThat(m.find()).as("the page shows the key").isTrue();
        return m.group(1).strip();
    }

    private void attachAllOverApi(String key, YearMonth month) throws Exception {
        attachOverApi(key, month, "FUEL_RECORD", "BITUMINOUS", "入炉煤称重.pdf", pdf("FUEL_RECORD " + month));
        attachOverApi(key, month, "LAB_REPORT", "BITUMINOUS", "入炉煤化验报告.pdf", pdf("LAB_REPORT " + month));
        attachOverApi(key, month, "METER_READING", null, "关口表读数.pdf", pdf("METER_READING " + month));
        attachOverApi(key, month, "PRODUCTION_REPORT", null, "生产月报.pdf", pdf("PRODUCTION_REPORT " + month));
        attachOverApi(key, month, "SAMPLING_RECORDING", null, "采制化存.png", png("SAMPLING_RECORDING " + month));
    }

    private void attachOverApi(String key, YearMonth month, String kind, String fuel, String name, byte[] content) throws Exception {
        var request = multipart("/api/v1/mrv/deposits/{u}/{m}/evidence", UNIT, month)
                .file(new MockMultipartFile("file", month + " " + name, "application/octet-stream", content))
                .param("kind", kind).header("X-API-Key", key);
        if (fuel != null) {
            request.param("fuel", fuel);
        }
        mvc.perform(request).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    /** A month pushed, evidenced and submitted by the plant's system; returns the submitted version's id. */
    private UUID submitOverApi(YearMonth month) throws Exception {
        String key = issueApiKey();
        mvc.perform(put("/api/v1/mrv/deposits/{u}/{m}", UNIT, month).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(json(month, VALUES))).andExpect(status().isOk());
        attachAllOverApi(key, month);
        mvc.perform(post("/api/v1/mrv/deposits/{u}/{m}/submit", UNIT, month).header("X-API-Key", key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deposit.status").value("SUBMITTED"));
        return live(month);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(String text) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] tail = (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    // ---- helpers: the database ----------------------------------------------------------------------

    private long rows(YearMonth month) {
        return jdbc.sql("select count(*) from mrv.deposit where unit_id = ? and month = ?").params(unitId, month.atDay(1))
                .query(Long.class).single();
    }

    /** The unit-month's version that is not returned (the draft, or the one under review). */
    private UUID live(YearMonth month) {
        return jdbc.sql("select id from mrv.deposit where unit_id = ? and month = ? and status <> 'RETURNED'").params(unitId, month.atDay(1))
                .query(UUID.class).single();
    }

    private String version(UUID id) {
        return jdbc.sql("select version from mrv.deposit where id = ?").param(id).query(Integer.class).single().toString();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from mrv.deposit where id = ?").param(id).query(String.class).single();
    }

    private long evidenceCount(UUID id) {
        return jdbc.sql("select count(*) from mrv.deposit_evidence where deposit_id = ?").param(id).query(Long.class).single();
    }

    /** "NCV.BITUMINOUS" → "21.5 MEASURED". */
    private Map<String, String> storedValues(UUID id) {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select parameter, fuel, value, basis from mrv.deposit_value where deposit_id = ?").param(id)
                .query((rs, n) -> stored.put(rs.getString("fuel").isEmpty() ? rs.getString("parameter")
                                : rs.getString("parameter") + "." + rs.getString("fuel"),
                        (rs.getBigDecimal("value") == null ? "—" : DepositWorkbook.normalized(rs.getBigDecimal("value")).toPlainString())
                                + " " + rs.getString("basis")))
                .list();
        return stored;
    }

    private static Map<String, String> expectedStored(String basis) {
        Map<String, String> expected = new HashMap<>();
        for (String[] v : VALUES) {
            expected.put(v[1] == null ? v[0] : v[0] + "." + v[1], v[2] + " " + basis);
        }
        return expected;
    }
}
