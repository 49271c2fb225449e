package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The official allocation tables and the import of verified figures as their users meet them: a power emitter of its
 * own in 诸暨 (330681) with a category I coal unit and a category IV gas unit, its 2022 and 2023 figures imported through
 * the workbook by the province, pre-allocated and finalised for 2023, then both tables downloaded and read back.
 *
 * <p>Data ownership: fresh emitters registered here (by sx.city); the demo logins zj.officer, sx.city, ministry.viewer,
 * registry.operator, beilun.district and verifier1, and a login made here for the test emitter.
 */
@IntegrationTest
class AllocationTablesTest {

    static final String REGION = "330681";
    static final String COAL = "1号机组";
    static final String GAS = "2号燃机";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Allocations allocations;
    @Autowired
    AllocationBasis basis;
    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importedFiguresArePreAllocatedFinalisedAndShownInBothTablesToEachReaderAsTheyMaySee() throws Exception {
        KeyEmitter plant = powerPlant("诸暨配额报表测试热电有限公司");
        String uscc = plant.uscc().value();
        MockHttpSession province = Demo.login(mvc, "zj.officer");

        // ---- 2023 and 2022 verified figures through the workbook (the gas unit's capacity from the directory)
        upload(province, 2023, workbook(
                row(uscc, null, 3050000, 3020000.50),
                row(null, COAL, null, null, "I", 600, 2340000, 500000, 5000, 2600000),
                row(uscc, GAS, null, null, "IV", null, 1000000, 200000, 3000, 420000.50)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/allocation/2023"))
                .andExpect(flash().attribute("done", "已导入 1 个重点排放单位 2023 年度的核查数据（2 台机组）。"));
        upload(province, 2022, workbook(row(uscc, null, 2900000, 2880000)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/allocation/2022"));
        VerifiedBasis b2023 = basis.latest(user("zj.officer"), plant.uscc(), 2023).orElseThrow();
        assertThat(b2023.source()).isEqualTo(VerifiedBasis.Source.IMPORT);
        assertThat(b2023.units()).extracting(VerifiedBasis.Unit::unit).containsExactly(COAL, GAS);
        assertThat(b2023.units().get(1).ratedCapacityMw()).isEqualByComparingTo("400");
        // the import page lists the bureau's imported revisions
        String page = html(mvc.perform(get("/allocation/2023/basis/import").session(province)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("data-emitter=\"" + uscc + "\"").contains(plant.name());

        // ---- pre-allocation: ⌊70 % × 2,880,000⌋; final: the units, the gap cap, the true-up
        AllocationDecision pre = allocations.preAllocate(user("zj.officer"), plant.uscc(), 2023);
        assertThat(pre.toIssue()).isEqualTo(2_016_000);
        AllocationDecision fin = allocations.finalise(user("zj.officer"), plant.uscc(), 2023);
        assertThat(fin.allocationDue()).isEqualTo(2_416_000);
        assertThat(fin.toIssue()).isEqualTo(400_000);

        // ---- the unit-level detail, as the province downloads it
        MvcResult units = download(province, "/allocation/2023/tables/units.xlsx", "2023年度机组核定配额明细表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(units.getResponse().getContentAsByteArray()))) {
            Sheet s = wb.getSheet("机组核定配额明细表");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2023年度机组核定配额明细表");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
            assertThat(values(s.getRow(2))).containsExactly("序号", "省份", "重点排放单位名称", "统一社会信用代码", "机组编号", "机组类别", "额定容量(MW)",
                    "发电量(MWh)", "供热量(GJ)", "运行小时数(h)", "负荷率", "负荷修正系数", "供电基准值", "供热基准值", "电量配额", "热量配额", "机组核定配额(基准法)",
                    "燃气机组补足量", "机组核定配额合计");
            List<Row> mine = rowsOf(s, uscc);
            assertThat(mine).hasSize(2);
            // coal, category I: F = 2,340,000 ÷ (600 × 5,000) = 0.78 → Ff = 1 + 0.0014 × 5 + 0.0016 × 2 = 1.0102;
            // Ae = 2,340,000 × 0.7950 × 1.0102 = 1,879,275.06; Ah = 500,000 × 0.1038 = 51,900; A = ⌊1,931,175.06⌋
            assertThat(values(mine.get(0)).subList(1, 19)).containsExactly("浙江省", plant.name(), uscc, COAL, "I", 600.0, 2340000.0, 500000.0, 5000.0,
                    0.78, 1.0102, 0.795, 0.1038, 1879275.06, 51900.0, 1931175.0, null, 1931175.0);
            // gas, category IV: no load correction; A = 1,000,000 × 0.3305 + 200,000 × 0.0536 = 341,220; top-up ⌈420,000.50⌉ − 341,220
            assertThat(values(mine.get(1)).subList(1, 19)).containsExactly("浙江省", plant.name(), uscc, GAS, "IV", 400.0, 1000000.0, 200000.0, 3000.0,
                    null, null, 0.3305, 0.0536, 330500.0, 10720.0, 341220.0, 78781.0, 420001.0);
            assertThat(mine.get(0).getCell(18).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mine.get(0).getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(mine.get(0).getCell(18).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            keep(units, "units.xlsx");
        }

        // ---- the entity-level summary
        MvcResult summary = download(province, "/allocation/2023/tables/summary.xlsx", "2023年度重点排放单位核定配额实际发放汇总表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(summary.getResponse().getContentAsByteArray()))) {
            Sheet s = wb.getSheet("重点排放单位核定配额实际发放汇总表");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2023年度重点排放单位核定配额实际发放汇总表");
            assertThat(values(s.getRow(2))).containsExactly("序号", "省份", "重点排放单位名称", "统一社会信用代码", "经核查排放量(tCO2)", "应清缴配额量",
                    "机组核定配额合计", "缺口调整量", "应发配额量", "预分配已发放量", "预支扣减量", "核定后补发/收回量", "实发配额量合计", "发放账户", "需特殊说明的事项", "状态");
            List<Row> mine = rowsOf(s, uscc);
            assertThat(mine).hasSize(1);
            // E = 3,020,000.50; ΣA = 1,931,175 + 420,001 = 2,351,176; cap: ⌊80 % × E⌋ = 2,416,000 → +64,824; obligation ⌈E⌉
            assertThat(values(mine.getFirst()).subList(1, 16)).containsExactly("浙江省", plant.name(), uscc, 3020000.5, 3020001.0, 2351176.0, 64824.0,
                    2416000.0, 2016000.0, 0.0, 400000.0, 2416000.0, "重点排放单位账户", null, "已核定");
            assertTotalsAddUp(s);
            keep(summary, "summary.xlsx");
        }

        // ---- the emitter sees only its own rows
        MockHttpSession emitter = Demo.login(mvc, emitterLogin(plant));
        try (XSSFWorkbook wb = read(download(emitter, "/allocation/2023/tables/summary.xlsx", "2023年度重点排放单位核定配额实际发放汇总表.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).as("title, note, header, its row, totals").isEqualTo(4);
            assertThat(values(s.getRow(3)).get(3)).isEqualTo(uscc);
            assertThat(values(s.getRow(4)).get(2)).isEqualTo("合计");
            assertThat(values(s.getRow(4)).get(8)).isEqualTo(2416000.0);
        }
        try (XSSFWorkbook wb = read(download(emitter, "/allocation/2023/tables/units.xlsx", "2023年度机组核定配额明细表.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(4);
            assertThat(rowsOf(s, uscc)).hasSize(2);
        }
        mvc.perform(get("/allocation/2023/basis/import").session(emitter)).andExpect(status().isForbidden());

        // ---- the ministry and the registry operator read everything; another region's bureau not this emitter
        for (String reader : List.of("ministry.viewer", "registry.operator")) {
            try (XSSFWorkbook wb = read(download(Demo.login(mvc, reader), "/allocation/2023/tables/summary.xlsx",
                    "2023年度重点排放单位核定配额实际发放汇总表.xlsx"))) {
                assertThat(rowsOf(wb.getSheetAt(0), uscc)).as(reader).hasSize(1);
            }
        }
        try (XSSFWorkbook wb = read(download(Demo.login(mvc, "beilun.district"), "/allocation/2023/tables/summary.xlsx",
                "2023年度重点排放单位核定配额实际发放汇总表.xlsx"))) {
            assertThat(rowsOf(wb.getSheetAt(0), uscc)).isEmpty();
        }

        // ---- corrected figures: the summary says a correction is due; the detail still shows what was decided
        upload(province, 2023, workbook(
                row(uscc, null, 3050000, 2920000.50),
                row(uscc, COAL, null, null, null, null, 2340000, 500000, 5000, 2500000),
                row(uscc, GAS, null, null, null, null, 1000000, 200000, 3000, 420000.50)))
                .andExpect(status().is3xxRedirection());
        try (XSSFWorkbook wb = read(download(province, "/allocation/2023/tables/summary.xlsx", "2023年度重点排放单位核定配额实际发放汇总表.xlsx"))) {
            List<Object> row = values(rowsOf(wb.getSheetAt(0), uscc).getFirst());
            assertThat(row.get(4)).as("the decided basis").isEqualTo(3020000.5);
            assertThat(row.get(15)).isEqualTo("需更正");
        }
        try (XSSFWorkbook wb = read(download(province, "/allocation/2023/tables/units.xlsx", "2023年度机组核定配额明细表.xlsx"))) {
            assertThat(values(rowsOf(wb.getSheetAt(0), uscc).getFirst()).get(18)).isEqualTo(1931175.0);
        }
    }

    @Test
    void aFileWithABadRowImportsNothingAndListsEveryRowInTheUsersLanguage() throws Exception {
        KeyEmitter plant = powerPlant("诸暨配额导入测试热电有限公司");
        String uscc = plant.uscc().value();
        MockHttpSession province = Demo.login(mvc, "zj.officer");
        long before = revisions(uscc);

        String refused = html(upload(province, 2023, workbook(
                row(null, COAL, null, null, "I", 600, 100, 0, 10, 50),                     // row 2: a unit line before any entity line
                row(uscc, null, 3050000, 3020000.50),                                        // row 3: fine
                row(null, COAL, null, null, "I", 600, "一百万", 500000, 5000, 2600000),       // row 4: not a number
                row(null, GAS, null, null, "V", null, 1000000, 200000, 3000, 420000.50)))     // row 5: no such category
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("未导入任何数据：发现 3 个问题。")
                .contains("data-row=\"2\"").contains("data-row=\"4\"").contains("data-row=\"5\"")
                .contains("机组行之前没有任何单位合计行")
                .contains("“发电量MWh”的值“一百万”不是数字")
                .contains("机组类别“V”无效：应为 I、II、III 或 IV");
        assertThat(revisions(uscc)).isEqualTo(before);

        // what the allocation module refuses is listed with the row too (here in English)
        String english = html(mvc.perform(multipart("/allocation/2023/basis/import").file(file(workbook(
                        row(uscc, null, 3050000, 3020000.50),
                        row(null, COAL, null, null, null, null, 2340000, 500000, 5000, 2600000),
                        row(null, "9号机组", null, null, "IV", 100, 1, 1, 1, 1))))
                        .param("lang", "en").session(province).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Nothing was imported")
                .contains("data-row=\"2\"").contains("do not add up to the compliance emissions")
                .contains("data-row=\"4\"").contains("has no unit 9号机组");
        assertThat(revisions(uscc)).isEqualTo(before);

        // an empty upload is a problem of the whole file
        String empty = html(mvc.perform(multipart("/allocation/2023/basis/import").session(province).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(empty).contains("请选择要上传的 .xlsx 文件");
    }

    @Test
    void onlyTheAllocatingBureauImportsAndAVerifierReadsNoTable() throws Exception {
        KeyEmitter plant = powerPlant("诸暨配额权限测试热电有限公司");
        String uscc = plant.uscc().value();
        byte[] file = workbook(row(uscc, null, 100, 90));

        MockHttpSession verifier = Demo.login(mvc, "verifier1");
        for (String path : List.of("/allocation/2023/tables/units.xlsx", "/allocation/2023/tables/summary.xlsx", "/allocation/2023/basis/template.xlsx",
                "/allocation/2023/basis/import")) {
            mvc.perform(get(path).session(verifier)).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/allocation/2023/basis/import").file(file(file)).session(verifier).with(csrf())).andExpect(status().isForbidden());
        // the city reads the tables but the province allocates (authority level 2)
        MockHttpSession city = Demo.login(mvc, "sx.city");
        mvc.perform(get("/allocation/2023/tables/summary.xlsx").session(city)).andExpect(status().isOk());
        mvc.perform(multipart("/allocation/2023/basis/import").file(file(file)).session(city).with(csrf())).andExpect(status().isForbidden());
        assertThat(revisions(uscc)).isZero();

        // the province gets the template, whose file name is URL-encoded
        MvcResult template = download(Demo.login(mvc, "zj.officer"), "/allocation/2023/basis/template.xlsx", "2023年度核查数据导入模板.xlsx");
        try (XSSFWorkbook wb = read(template)) {
            assertThat(wb.getSheet("核查数据")).isNotNull();
        }
        keep(template, "template.xlsx");
    }

    // ---- fixtures ---------------------------------------------------------------------------------

    /** A fresh power emitter in 诸暨 with a 600 MW category I coal unit and a 400 MW category IV gas unit. */
    KeyEmitter powerPlant(String name) {
        CurrentUser city = user("sx.city");
        String uscc = Demo.freshUscc(REGION);
        KeyEmitter e = directory.register(city, new EmitterForm(uscc, name + "-" + uscc.substring(8, 14), REGION, "4412", "NORMAL",
                "浙江省绍兴市诸暨市配额测试路 1 号", "测试法人", "测试联系人", "0575-87000000", "allocation.tables.test@example.com"));
        directory.addUnit(city, e.id(), new UnitForm("测试热电厂", COAL, "600", "I", "BITUMINOUS", "WATER", "2010-06-30", ""));
        directory.addUnit(city, e.id(), new UnitForm("测试热电厂", GAS, "400", "IV", "NATURAL_GAS", "AIR", "2016-12-01", ""));
        return e;
    }

    String emitterLogin(KeyEmitter plant) {
        String username = "alloc.tables." + plant.uscc().value().toLowerCase();
        people.createUnchecked(organisations.findByUscc(plant.uscc()).orElseThrow().id(), username, "配额报表测试经办人", null, Set.of(Role.OFFICER),
                Demo.PASSWORD);
        return username;
    }

    CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    long revisions(String uscc) {
        return jdbc.sql("select count(*) from allocation.basis where emitter_uscc = ?").param(uscc).query(Long.class).single();
    }

    org.springframework.test.web.servlet.ResultActions upload(MockHttpSession session, int year, byte[] workbook) throws Exception {
        return mvc.perform(multipart("/allocation/" + year + "/basis/import").file(file(workbook)).session(session).with(csrf()));
    }

    static MockMultipartFile file(byte[] workbook) {
        return new MockMultipartFile("file", "核查数据.xlsx", XLSX, workbook);
    }

    /** Downloads a table, checking the type and the URL-encoded Chinese file name. */
    MvcResult download(MockHttpSession session, String path, String fileName) throws Exception {
        MvcResult r = mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).isEqualTo(XLSX);
        String disposition = r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(encoded).doesNotContain("年");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(fileName);
        return r;
    }

    static XSSFWorkbook read(MvcResult r) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
    }

    static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The data rows of an emitter (its USCC in column D). */
    static List<Row> rowsOf(Sheet s, String uscc) {
        List<Row> rows = new ArrayList<>();
        for (Row r : s) {
            if (r.getRowNum() > AllocationTables.HEADER_ROW && uscc.equals(value(r.getCell(3)))) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The totals row (last) is the sum of the data rows in every number column. */
    static void assertTotalsAddUp(Sheet s) {
        Row totals = s.getRow(s.getLastRowNum());
        assertThat(value(totals.getCell(2))).isEqualTo("合计");
        for (int c = 4; c <= 12; c++) {
            double sum = 0;
            for (int r = AllocationTables.HEADER_ROW + 1; r < s.getLastRowNum(); r++) {
                Object v = value(s.getRow(r).getCell(c));
                sum += v == null ? 0 : (Double) v;
            }
            assertThat((Double) value(totals.getCell(c))).as("column %d", c).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    static List<Object> values(Row r) {
        List<Object> v = new ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            v.add(value(r.getCell(c)));
        }
        return v;
    }

    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** The sheet 核查数据 as a bureau would fill it: the template's header in row 1, these rows below (String, Number or null). */
    static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("核查数据");
            Row header = s.createRow(0);
            String[] titles = {"统一社会信用代码", "机组编号", "经核查排放量(t)", "履约口径排放量(t)", "机组类别", "额定容量MW", "发电量MWh", "供热量GJ", "运行小时数h", "机组排放量(t)"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    if (rows[i][c] instanceof String t) {
                        r.createCell(c).setCellValue(t);
                    } else if (rows[i][c] instanceof Number n) {
                        r.createCell(c).setCellValue(n.doubleValue());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Keeps a downloaded file for a check with a spreadsheet program (target/allocation-tables/). */
    static void keep(MvcResult r, String name) throws IOException {
        Path dir = Path.of("target", "allocation-tables");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), r.getResponse().getContentAsByteArray());
    }
}
