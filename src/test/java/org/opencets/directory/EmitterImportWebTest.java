package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.opencets.directory.EmitterImportTest.emitterRow;
import static org.opencets.directory.EmitterImportTest.unitRow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencets.directory.EmitterImportResult.Rejected;
import org.opencets.directory.EmitterImportResult.RowError;
import org.opencets.directory.EmitterImportWorkbookTest.Book;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Excel import end to end: page, template download, upload, all-or-nothing import into the real
 * database, and every rejected row reported (issue: "Excel import of emitters and units").
 * All integration tests share one database: every emitter here has a fresh USCC.
 */
@IntegrationTest
class EmitterImportWebTest {

    private static final String EMITTERS = EmitterImportWorkbook.EMITTER_SHEET;
    private static final String UNITS = EmitterImportWorkbook.UNIT_SHEET;
    private static final String XLSX = EmitterImportTemplate.CONTENT_TYPE;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageOffersTheTemplateAndAnUploadForm() throws Exception {
        String page = mvc.perform(get("/directory/import").session(login("beilun.district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/directory/import/template.xlsx\"", "enctype=\"multipart/form-data\"",
                "action=\"/directory/import\"", "name=\"_csrf\"", "name=\"file\"", "Excel 批量导入重点排放单位和机组");
    }

    @Test
    void theDownloadedTemplateFilledWithValidRowsImportsThem() throws Exception {
        MockHttpSession session = login("beilun.district");
        MvcResult download = mvc.perform(get("/directory/import/template.xlsx").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andReturn();
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        byte[] filled;
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
            // overwrite the example rows, add more below
            fill(template.getSheet(EMITTERS), 1, emitterRow(a, "330206"));
            fill(template.getSheet(EMITTERS), 2, emitterRow(b, "330206"));
            fill(template.getSheet(UNITS), 1, unitRow(a, "1号机组"));
            fill(template.getSheet(UNITS), 2, unitRow(a, "2号机组"));
            fill(template.getSheet(UNITS), 3, unitRow(b, "1号机组"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.write(out);
            filled = out.toByteArray();
        }

        MvcResult upload = mvc.perform(multipart("/directory/import").file(file("北仑区名录.xlsx", filled)).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/directory/import"))
                .andExpect(flash().attribute("importedEmitters", 2))
                .andExpect(flash().attribute("importedUnits", 3))
                .andReturn();

        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", a)).isEqualTo(1);
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", b)).isEqualTo(1);
        assertThat(count("""
                select count(*) from directory.generating_unit u join directory.key_emitter e on e.id = u.emitter_id
                where e.uscc = ?""", a)).isEqualTo(2);
        assertThat(count("""
                select count(*) from audit.change c join directory.key_emitter e on c.subject_id = e.id::text
                where e.uscc = ? and c.action = 'CREATED' and c.actor = 'beilun.district'""", a))
                .as("imported through the directory, so audited").isEqualTo(1);
        mvc.perform(get("/directory/import").session(session).flashAttrs(upload.getFlashMap()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("导入成功：2 家重点排放单位，3 台机组。")));

        // a second file may add units to an emitter that is now in the directory, but not a unit code it has
        byte[] more = Book.withHeaders().append(UNITS, unitRow(a, "3号机组")).append(UNITS, unitRow(b, "1号机组")).bytes();
        assertThat(errors(upload(session, "more.xlsx", more))).extracting(RowError::sheet, RowError::row, RowError::field,
                RowError::messageCode).containsExactly(tuple(UNITS, 3, "unitCode", "import.error.unitCodeTaken"));
        byte[] fixed = Book.withHeaders().append(UNITS, unitRow(a, "3号机组")).bytes();
        mvc.perform(multipart("/directory/import").file(file("more.xlsx", fixed)).session(session).with(csrf()))
                .andExpect(flash().attribute("importedEmitters", 0)).andExpect(flash().attribute("importedUnits", 1));
        assertThat(count("""
                select count(*) from directory.generating_unit u join directory.key_emitter e on e.id = u.emitter_id
                where e.uscc = ?""", a)).isEqualTo(3);
    }

    @Test
    void oneBadRowAmongGoodRowsImportsNothingAndNamesThatRow() throws Exception {
        MockHttpSession session = login("beilun.district");
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        String c = Demo.freshUscc("330206");
        Object[] bad = emitterRow(b, "330206");
        bad[3] = "9999";
        byte[] file = Book.withHeaders()
                .append(EMITTERS, emitterRow(a, "330206"))
                .append(EMITTERS, bad)
                .append(EMITTERS, emitterRow(c, "330206"))
                .append(UNITS, unitRow(a, "1号机组"))
                .append(UNITS, unitRow(c, "1号机组"))
                .bytes();

        MvcResult result = upload(session, "bad.xlsx", file);

        assertThat(errors(result)).extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode)
                .containsExactly(tuple(EMITTERS, 3, "industryCode", "invalid.industry.unknown"));
        assertThat(result.getResponse().getContentAsString()).contains("文件未导入，共发现 1 处问题。", "<td class=\"num\">3</td>",
                "D · 行业代码", "9999");
        for (String uscc : List.of(a, b, c)) {
            assertThat(count("select count(*) from directory.key_emitter where uscc = ?", uscc)).isZero();
        }
    }

    @Test
    void wrongColumnsGetASpecificMessageAndChangeNothing() throws Exception {
        MockHttpSession session = login("beilun.district");
        String a = Demo.freshUscc("330206");
        Book book = new Book();
        List<String> headers = new java.util.ArrayList<>(EmitterImportWorkbookTest.headerTexts(EmitterImportWorkbook.EMITTER_COLUMNS));
        headers.remove("地址 (address)");
        book.headers(EMITTERS, headers);
        book.headers(UNITS, EmitterImportWorkbookTest.headerTexts(EmitterImportWorkbook.UNIT_COLUMNS));
        book.append(EMITTERS, a, "测试热电" + a.substring(8, 17) + "有限公司", "330206", "4412", "NORMAL", "张三", "李四",
                "0574-87000000", "energy@example.com");

        MvcResult result = upload(session, "old-layout.xlsx", book.bytes());

        assertThat(errors(result)).extracting(RowError::sheet, RowError::messageCode).containsExactly(tuple(EMITTERS, "import.error.columns"));
        assertThat(result.getResponse().getContentAsString()).contains("工作表“重点排放单位”的表头与模板不符", "应为 10 列",
                "实际为 9 列", "地址 (address)");
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", a)).isZero();

        String english = mvc.perform(multipart("/directory/import").file(file("old-layout.xlsx", book.bytes())).param("lang", "en")
                .session(session).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("does not match the template", "Expected 10 columns", "found 9 columns");
    }

    @Test
    void aFileThatIsNotExcelIsRejected() throws Exception {
        MockHttpSession session = login("beilun.district");
        String csv = "uscc,name,regionCode\n" + Demo.freshUscc("330206") + ",测试,330206\n";
        MvcResult result = upload(session, "emitters.xlsx", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(result)).extracting(RowError::messageCode).containsExactly("import.error.notExcel");
        assertThat(result.getResponse().getContentAsString()).contains("无法读取该文件", "（整个文件）");
        assertThat(errors(upload(session, "empty.xlsx", new byte[0]))).extracting(RowError::messageCode)
                .containsExactly("import.error.noFile");
    }

    @Test
    void aDistrictOfficerCannotImportAnEmitterOfAnotherDistrict() throws Exception {
        String zhenhai = Demo.freshUscc("330211");
        byte[] file = Book.withHeaders()
                .append(EMITTERS, emitterRow(zhenhai, "330211"))
                .append(UNITS, unitRow(Demo.SHANGYU_PAPER_USCC, "99号机组"))
                .bytes();

        MvcResult result = upload(login("beilun.district"), "zhenhai.xlsx", file);

        assertThat(errors(result)).extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                tuple(EMITTERS, 2, "regionCode", "import.error.outsideRegion"),
                tuple(UNITS, 2, "emitterUscc", "import.error.unknownEmitter"));
        assertThat(result.getResponse().getContentAsString()).contains("行政区划 330211 不在您的管辖范围（330206）内。");
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", zhenhai)).isZero();

        // the same emitter lies inside the jurisdiction of the Ningbo city bureau, not of Shaoxing's
        byte[] own = Book.withHeaders().append(EMITTERS, emitterRow(zhenhai, "330211")).bytes();
        assertThat(errors(upload(login("sx.city"), "zhenhai.xlsx", own))).extracting(RowError::messageCode)
                .containsExactly("import.error.outsideRegion");
        mvc.perform(multipart("/directory/import").file(file("zhenhai.xlsx", own)).session(login("nb.city")).with(csrf()))
                .andExpect(flash().attribute("importedEmitters", 1));
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", zhenhai)).isEqualTo(1);
    }

    @Test
    void aFailureWhileSavingRollsBackTheRowsAlreadySaved() throws Exception {
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        Object[] tooLong = emitterRow(b, "330206");
        tooLong[5] = "浙江省宁波市北仑区".repeat(40); // 360 characters: the column holds 300
        byte[] file = Book.withHeaders().append(EMITTERS, emitterRow(a, "330206")).append(EMITTERS, tooLong)
                .append(UNITS, unitRow(a, "1号机组")).bytes();

        List<RowError> errors = errors(upload(login("beilun.district"), "long.xlsx", file));

        assertThat(errors).extracting(RowError::sheet, RowError::row).containsExactly(tuple(EMITTERS, 3));
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", a)).as("row 2 rolled back").isZero();
        assertThat(count("select count(*) from directory.key_emitter where uscc = ?", b)).isZero();
    }

    @Test
    void onlyBureauOfficersMayImport() throws Exception {
        for (String user : List.of("beilun.power", "zj.viewer", "verifier1")) {
            MockHttpSession session = login(user);
            mvc.perform(get("/directory/import").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/directory/import/template.xlsx").session(session)).andExpect(status().isForbidden());
            mvc.perform(multipart("/directory/import").file(file("x.xlsx", Book.withHeaders().bytes())).session(session).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/directory/import").file(file("x.xlsx", Book.withHeaders().bytes())).session(login("beilun.district")))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    // ---- helpers --------------------------------------------------------------------------------

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(Demo.PASSWORD))
                .andExpect(redirectedUrl("/home")).andReturn().getRequest().getSession();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, XLSX, content);
    }

    private MvcResult upload(MockHttpSession session, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/directory/import").file(file(name, content)).session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn();
    }

    private static List<RowError> errors(MvcResult result) {
        Object rejected = result.getModelAndView() == null ? null : result.getModelAndView().getModel().get("rejected");
        assertThat(rejected).as("the upload was rejected").isInstanceOf(Rejected.class);
        return ((Rejected) rejected).errors();
    }

    private long count(String sql, String uscc) {
        return jdbc.sql(sql).param(uscc).query(Long.class).single();
    }

    private static void fill(Sheet sheet, int index, Object... values) {
        Row row = sheet.getRow(index) == null ? sheet.createRow(index) : sheet.getRow(index);
        for (int c = 0; c < values.length; c++) {
            var cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
            switch (values[c]) {
                case null -> cell.setBlank();
                case Number n -> cell.setCellValue(n.doubleValue());
                default -> cell.setCellValue(values[c].toString());
            }
        }
    }
}
