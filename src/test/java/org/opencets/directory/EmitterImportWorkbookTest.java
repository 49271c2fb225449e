package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencets.directory.EmitterImportResult.RowError;
import org.opencets.directory.EmitterImportWorkbook.Column;
import org.opencets.directory.EmitterImportWorkbook.Content;
import org.opencets.directory.EmitterImportWorkbook.DataRow;
import org.opencets.directory.EmitterImportWorkbook.Rows;
import org.opencets.directory.EmitterImportWorkbook.Unreadable;

/** Reading the import file's shape (sheets, header, cells as text) and the downloadable template; no database. */
class EmitterImportWorkbookTest {

    private static final String EMITTERS = EmitterImportWorkbook.EMITTER_SHEET;
    private static final String UNITS = EmitterImportWorkbook.UNIT_SHEET;

    // ---- the template ---------------------------------------------------------------------------

    @Test
    void templateHasTheTwoDataSheetsWithTheirHeadersAndTheInstructions() throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(EmitterImportTemplate.build()))) {
            assertThat(template.getNumberOfSheets()).isEqualTo(3);
            assertThat(template.getSheetName(0)).isEqualTo("重点排放单位");
            assertThat(template.getSheetName(1)).isEqualTo("机组");
            assertThat(template.getSheetName(2)).isEqualTo("说明");
            assertThat(headers(template.getSheet(EMITTERS))).containsExactly("统一社会信用代码 (uscc)", "单位名称 (name)",
                    "行政区划代码 (regionCode)", "行业代码 (industryCode)", "经营状态 (status)", "地址 (address)",
                    "法定代表人 (legalRepresentative)", "联系人 (contactName)", "联系电话 (contactPhone)", "电子邮箱 (contactEmail)");
            assertThat(headers(template.getSheet(UNITS))).containsExactly("所属单位统一社会信用代码 (emitterUscc)",
                    "设施名称 (facilityName)", "机组编号 (unitCode)", "额定装机容量MW (ratedCapacityMw)", "机组类别 (category)",
                    "燃料类型 (fuels)", "冷却方式 (coolingType)", "投运日期 (commissioningDate)", "关停日期 (shutdownDate)");
        }
    }

    @Test
    void templateFormatsCodeColumnsAsTextAndSetsWidths() throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(EmitterImportTemplate.build()))) {
            Sheet emitters = template.getSheet(EMITTERS);
            for (int c = 0; c < EmitterImportWorkbook.EMITTER_COLUMNS.size(); c++) {
                CellStyle style = emitters.getColumnStyle(c);
                assertThat(style.getDataFormatString()).as("column %d of the emitter sheet", c).isEqualTo("@");
                assertThat(emitters.getColumnWidth(c)).isEqualTo(EmitterImportWorkbook.EMITTER_COLUMNS.get(c).width() * 256);
            }
            Sheet units = template.getSheet(UNITS);
            assertThat(units.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            assertThat(units.getColumnStyle(2).getDataFormatString()).isEqualTo("@");
            assertThat(units.getColumnStyle(7).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(emitters.getDataValidations()).isNotEmpty();
            assertThat(units.getDataValidations()).isNotEmpty();
        }
    }

    @Test
    void instructionsListEveryAllowedValue() throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(EmitterImportTemplate.build()))) {
            List<String> texts = new ArrayList<>();
            template.getSheet("说明").forEach(row -> row.forEach(cell -> texts.add(EmitterImportWorkbook.text(cell))));
            assertThat(texts).contains("NORMAL", "ALL_FACILITIES_SHUT", "LEGAL_OR_DEBT_RISK", "DISSOLVED", "I", "II", "III", "IV",
                    "WATER", "AIR", "BACK_PRESSURE", "yyyy-mm-dd，如 2010-06-30");
            assertThat(texts).containsAll(Arrays.stream(Fuel.values()).map(Enum::name).toList());
            assertThat(texts).containsAll(org.opencets.shared.IndustryCode.covered().stream().map(i -> i.code()).toList());
        }
    }

    @Test
    void templateReadsBackAsOneExampleRowPerSheet() {
        Rows rows = rows(EmitterImportWorkbook.read(EmitterImportTemplate.build()));
        assertThat(rows.emitters()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.get("uscc")).isEqualTo(EmitterImportTemplate.EXAMPLE_USCC);
            assertThat(row.get("regionCode")).isEqualTo("330206");
            assertThat(row.get("status")).isEqualTo("NORMAL");
        });
        assertThat(rows.units()).singleElement().satisfies(row -> {
            assertThat(row.get("emitterUscc")).isEqualTo(EmitterImportTemplate.EXAMPLE_USCC);
            assertThat(row.get("ratedCapacityMw")).isEqualTo("300");
            assertThat(row.get("commissioningDate")).isEqualTo("2010-06-30");
            assertThat(row.get("shutdownDate")).isEmpty();
        });
        assertThat(org.opencets.shared.Uscc.of(EmitterImportTemplate.EXAMPLE_USCC).value()).startsWith("91330206EXAMPLE00");
    }

    // ---- cells as text --------------------------------------------------------------------------

    @Test
    void cellsAreReadAsTextWhateverTheirExcelType() {
        Book book = Book.withHeaders();
        Row row = book.sheet(UNITS).createRow(1);
        row.createCell(0).setCellValue("013302067801480643");           // text keeps its leading zero
        row.createCell(1).setCellValue("  北仑电厂 ");                    // whitespace kept: the rules strip it
        row.createCell(2).setCellValue(3);                               // number 3.0
        row.createCell(3).setCellValue(1000.0);                          // no ".0", no "1E+3"
        row.createCell(4).setCellValue(true);
        Cell fuels = row.createCell(5);
        fuels.setCellFormula("\"BITUMINOUS\"&\";\"&\"FUEL_OIL\"");   // formula: its result
        row.createCell(6).setCellValue(12.75);
        Cell date = row.createCell(7);
        date.setCellValue(LocalDate.of(2009, 3, 12));
        date.setCellStyle(book.dateStyle("m/d/yy"));                     // any date format reads as yyyy-mm-dd
        Cell sum = row.createCell(8);
        sum.setCellFormula("DATE(2030,1,31)");
        sum.setCellStyle(book.dateStyle("yyyy\"年\"m\"月\"d\"日\""));
        book.workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

        DataRow unit = rows(EmitterImportWorkbook.read(book.bytes())).units().getFirst();
        assertThat(unit.cells()).containsExactly(
                java.util.Map.entry("emitterUscc", "013302067801480643"),
                java.util.Map.entry("facilityName", "  北仑电厂 "),
                java.util.Map.entry("unitCode", "3"),
                java.util.Map.entry("ratedCapacityMw", "1000"),
                java.util.Map.entry("category", "TRUE"),
                java.util.Map.entry("fuels", "BITUMINOUS;FUEL_OIL"),
                java.util.Map.entry("coolingType", "12.75"),
                java.util.Map.entry("commissioningDate", "2009-03-12"),
                java.util.Map.entry("shutdownDate", "2030-01-31"));
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(EmitterImportWorkbook.plainNumber(600.0)).isEqualTo("600");
        assertThat(EmitterImportWorkbook.plainNumber(0.0)).isEqualTo("0");
        assertThat(EmitterImportWorkbook.plainNumber(330206)).isEqualTo("330206");
        assertThat(EmitterImportWorkbook.plainNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(EmitterImportWorkbook.plainNumber(1e20)).isEqualTo("100000000000000000000");
        assertThat(EmitterImportWorkbook.plainNumber(-2.5)).isEqualTo("-2.5");
    }

    @Test
    void blankRowsAreSkippedAndRowsKeepTheNumberExcelShows() {
        Book book = Book.withHeaders();
        book.row(EMITTERS, 1, "A");
        book.row(EMITTERS, 2, "", "  ");           // blank: skipped
        book.row(EMITTERS, 4, null, "B");          // row 5 in Excel
        book.row(UNITS, 9, "C");                   // row 10 in Excel
        Rows rows = rows(EmitterImportWorkbook.read(book.bytes()));
        assertThat(rows.emitters()).extracting(DataRow::number).containsExactly(2, 5);
        assertThat(rows.emitters().get(1).get("name")).isEqualTo("B");
        assertThat(rows.units()).extracting(DataRow::number).containsExactly(10);
        assertThat(rows.strayValues()).isEmpty();
    }

    @Test
    void aValueRightOfTheLastColumnIsReportedWithItsRow() {
        Book book = Book.withHeaders();
        Object[] values = new Object[12];
        values[0] = "A";
        values[11] = "stray";
        book.row(EMITTERS, 3, values);
        Rows rows = rows(EmitterImportWorkbook.read(book.bytes()));
        assertThat(rows.strayValues()).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isEqualTo(EMITTERS);
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.messageCode()).isEqualTo("import.error.strayCell");
            assertThat(e.arguments()).containsExactly("L", "J");
        });
    }

    // ---- the file's shape -----------------------------------------------------------------------

    @Test
    void aMissingColumnIsReportedWithExpectedAndFoundHeadersAndNoRowIsRead() {
        Book book = new Book();
        List<String> headers = new ArrayList<>(headerTexts(EmitterImportWorkbook.EMITTER_COLUMNS));
        headers.remove(2); // no regionCode
        book.headers(EMITTERS, headers);
        book.headers(UNITS, headerTexts(EmitterImportWorkbook.UNIT_COLUMNS));
        book.row(EMITTERS, 1, "913302067801480643", "name", "4411");
        List<RowError> errors = errors(EmitterImportWorkbook.read(book.bytes()));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isEqualTo(EMITTERS);
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.messageCode()).isEqualTo("import.error.columns");
            assertThat(e.arguments().get(0)).isEqualTo(EMITTERS);
            assertThat(e.arguments().get(1)).isEqualTo(10);
            assertThat(e.arguments().get(2).toString()).contains("行政区划代码 (regionCode)");
            assertThat(e.arguments().get(3)).isEqualTo(9);
            assertThat(e.arguments().get(4).toString()).doesNotContain("regionCode");
        });
    }

    @Test
    void extraReorderedOrRenamedColumnsAreWrongColumnsOnEachSheet() {
        Book book = new Book();
        List<String> emitterHeaders = new ArrayList<>(headerTexts(EmitterImportWorkbook.EMITTER_COLUMNS));
        emitterHeaders.add("备注");
        book.headers(EMITTERS, emitterHeaders);
        List<String> unitHeaders = new ArrayList<>(headerTexts(EmitterImportWorkbook.UNIT_COLUMNS));
        java.util.Collections.swap(unitHeaders, 1, 2);
        book.headers(UNITS, unitHeaders);
        assertThat(errors(EmitterImportWorkbook.read(book.bytes())))
                .extracting(RowError::sheet, RowError::messageCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EMITTERS, "import.error.columns"),
                        org.assertj.core.groups.Tuple.tuple(UNITS, "import.error.columns"));

        Book renamed = Book.withHeaders();
        renamed.sheet(EMITTERS).getRow(0).getCell(0).setCellValue("uscc");
        assertThat(errors(EmitterImportWorkbook.read(renamed.bytes()))).extracting(RowError::messageCode)
                .containsExactly("import.error.columns");
    }

    @Test
    void anEmptyHeaderRowIsWrongColumns() {
        Book book = new Book();
        book.workbook.createSheet(EMITTERS);
        book.headers(UNITS, headerTexts(EmitterImportWorkbook.UNIT_COLUMNS));
        assertThat(errors(EmitterImportWorkbook.read(book.bytes()))).singleElement()
                .satisfies(e -> assertThat(e.arguments().get(3)).isEqualTo(0));
    }

    @Test
    void aMissingSheetIsReported() {
        Book book = new Book();
        book.headers(EMITTERS, headerTexts(EmitterImportWorkbook.EMITTER_COLUMNS));
        book.workbook.createSheet("Sheet2");
        assertThat(errors(EmitterImportWorkbook.read(book.bytes()))).singleElement().satisfies(e -> {
            assertThat(e.messageCode()).isEqualTo("import.error.sheetMissing");
            assertThat(e.arguments()).containsExactly(UNITS);
        });
    }

    @Test
    void filesThatAreNotXlsxAreNotExcel() throws IOException {
        assertThat(codes("uscc,name\n913302067801480643,x\n".getBytes(StandardCharsets.UTF_8))).containsExactly("import.error.notExcel");
        assertThat(codes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3})).containsExactly("import.error.notExcel");
        try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            xls.createSheet(EMITTERS);
            xls.write(out);
            assertThat(codes(out.toByteArray())).as(".xls").containsExactly("import.error.notExcel");
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(codes(zip.toByteArray())).as("a zip that is no workbook").containsExactly("import.error.notExcel");
        byte[] valid = Book.withHeaders().row(EMITTERS, 1, "x").bytes();
        assertThat(codes(Arrays.copyOf(valid, valid.length / 2))).as("truncated").containsExactly("import.error.notExcel");
    }

    @Test
    void anEmptyUploadAndAHeaderOnlyFileAreReported() {
        assertThat(codes(new byte[0])).containsExactly("import.error.noFile");
        assertThat(codes(Book.withHeaders().bytes())).containsExactly("import.error.empty");
        assertThat(codes(new byte[(int) EmitterImportWorkbook.MAX_BYTES + 1])).containsExactly("import.error.tooLarge");
    }

    @Test
    void atMost5000DataRowsOnBothSheetsTogether() {
        Book exactly = Book.withHeaders();
        for (int r = 1; r <= 3000; r++) {
            exactly.row(EMITTERS, r, "E" + r);
        }
        for (int r = 1; r <= 2000; r++) {
            exactly.row(UNITS, r, "U" + r);
        }
        Rows rows = rows(EmitterImportWorkbook.read(exactly.bytes()));
        assertThat(rows.emitters().size() + rows.units().size()).isEqualTo(5000);

        exactly.row(UNITS, 2001, "one too many");
        assertThat(codes(exactly.bytes())).containsExactly("import.error.tooManyRows");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> codes(byte[] content) {
        return errors(EmitterImportWorkbook.read(content)).stream().map(RowError::messageCode).toList();
    }

    private static Rows rows(Content content) {
        assertThat(content).isInstanceOf(Rows.class);
        return (Rows) content;
    }

    private static List<RowError> errors(Content content) {
        assertThat(content).isInstanceOf(Unreadable.class);
        return ((Unreadable) content).errors();
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    static List<String> headerTexts(List<Column> columns) {
        return columns.stream().map(Column::header).toList();
    }

    /** A workbook built in memory, cell by cell (strings, numbers, dates; null leaves the cell out). */
    static final class Book {
        final XSSFWorkbook workbook = new XSSFWorkbook();

        /** Both data sheets with the template's header rows and nothing else. */
        static Book withHeaders() {
            Book book = new Book();
            book.headers(EMITTERS, headerTexts(EmitterImportWorkbook.EMITTER_COLUMNS));
            book.headers(UNITS, headerTexts(EmitterImportWorkbook.UNIT_COLUMNS));
            return book;
        }

        Sheet sheet(String name) {
            Sheet sheet = workbook.getSheet(name);
            return sheet == null ? workbook.createSheet(name) : sheet;
        }

        Book headers(String sheet, List<String> headers) {
            return row(sheet, 0, headers.toArray());
        }

        /** Writes {@code values} into the row with 0-based index {@code index} (Excel row index + 1). */
        Book row(String sheet, int index, Object... values) {
            Row row = sheet(sheet).createRow(index);
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (value) {
                    case Number n -> cell.setCellValue(n.doubleValue());
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle("yyyy/m/d"));
                    }
                    case Boolean b -> cell.setCellValue(b);
                    default -> cell.setCellValue(value.toString());
                }
            }
            return this;
        }

        /** Appends a data row below the last one of {@code sheet}. */
        Book append(String sheet, Object... values) {
            return row(sheet, sheet(sheet).getLastRowNum() + 1, values);
        }

        CellStyle dateStyle(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        byte[] bytes() {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
