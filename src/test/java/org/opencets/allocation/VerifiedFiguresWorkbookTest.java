package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencets.directory.UnitCategory;
import org.opencets.shared.FieldViolation;

/** Reading the verified figures workbook: the layout, every row problem with its row number, and what a good file gives. */
class VerifiedFiguresWorkbookTest {

    static final String A = "91330681MA2B3C4D5" + org.opencets.shared.Uscc.checkCharacter("91330681MA2B3C4D5");
    static final String WRONG = "91330681MA2B3C4D5" + (A.endsWith("0") ? "1" : "0");
    static final String B = "913306831554561680";

    @Test
    void theTemplateReadsBackAsAnEmptyFileAndShowsTheColumns() throws IOException {
        byte[] template = VerifiedFiguresWorkbook.template(2023);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet s = wb.getSheet("核查数据");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("2023");
            Row header = s.getRow(2);
            assertThat(java.util.stream.IntStream.range(0, 10).mapToObj(i -> header.getCell(i).getStringCellValue()).toList())
                    .containsExactly("统一社会信用代码", "机组编号", "经核查排放量(t)", "履约口径排放量(t)", "机组类别", "额定容量MW", "发电量MWh", "供热量GJ", "运行小时数h",
                            "机组排放量(t)");
        }
        assertThat(violations(template)).extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("file", "allocation.tables.import.empty"));
    }

    @Test
    void aGoodFileGivesEachEmitterWithItsUnitsAndTheRowOfEveryLine() throws IOException {
        byte[] file = workbook(
                row(uscc(A), null, 3050000, "3,020,000.50"),
                row(null, "1号机组", null, null, "Ⅰ类", 600, 2340000, 500000, 5000, 2600000),
                row(A, "2号燃机", null, null, "iv", null, 1000000, "200000", null, 420000.5),
                row(),
                row(B, null, 100, 90),
                row(B, "1#", null, null, null, null, 0, 0, null, 90));
        var parsed = (VerifiedFiguresWorkbook.Parsed) VerifiedFiguresWorkbook.read(file);
        assertThat(parsed.entities()).hasSize(2);
        var a = parsed.entities().getFirst();
        assertThat(a.emitter().value()).isEqualTo(A);
        assertThat(a.verifiedTotal()).isEqualByComparingTo("3050000");
        assertThat(a.verifiedCompliance()).isEqualByComparingTo("3020000.50");
        assertThat(a.units()).extracting(VerifiedBasis.Unit::unit, VerifiedBasis.Unit::category, VerifiedBasis.Unit::ratedCapacityMw,
                VerifiedBasis.Unit::operatingHours).containsExactly(tuple("1号机组", UnitCategory.I, new BigDecimal("600"), new BigDecimal("5000")),
                        tuple("2号燃机", UnitCategory.IV, null, null));
        assertThat(a.units().get(1).emissions()).isEqualByComparingTo("420000.5");
        assertThat(parsed.rows()).containsEntry(A, 2).containsEntry(A + "/1号机组", 3).containsEntry(A + "/2号燃机", 4).containsEntry(B, 6)
                .containsEntry(B + "/1#", 7);
    }

    @Test
    void everyRowProblemIsListedWithItsRow() throws IOException {
        byte[] file = workbook(
                row(null, "1号机组", null, null, "I", 600, 100, 0, 10, 50),                       // 2: before any entity line
                row(A, null, 3050000, null),                                                   // 3: compliance missing
                row(null, "1号机组", null, null, "I", 600, "一百万", 0, 5000, 2600000),           // 4: not a number
                row(null, "2号燃机", null, null, "V", 0, 1000000, 200000, 3000, 420000.123),     // 5: category, capacity, decimals
                row(B, "1号机组", null, null, null, null, 1, 1, 1, 1),                          // 6: B has no entity line
                row(A, null, 1, 1),                                                            // 7: A twice
                row(WRONG, null, 1, 1)  ,                                          // 8: a wrong USCC
                row(null, "3号机组", 5, null, null, null, 1, 1, 1, 1));                         // 9: entity figure on a unit line
        assertThat(violations(file)).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactlyInAnyOrder(
                tuple("row.2", "allocation.tables.import.unitBeforeAnyEntity"),
                tuple("row.3", "allocation.tables.import.missing"),
                tuple("row.4", "allocation.tables.import.notNumber"),
                tuple("row.5", "allocation.tables.import.unknownCategory"),
                tuple("row.5", "allocation.tables.import.capacity"),
                tuple("row.5", "allocation.tables.import.decimals"),
                tuple("row.6", "allocation.tables.import.missingEntityLine"),
                tuple("row.7", "allocation.tables.import.duplicateEntity"),
                tuple("row.8", "uscc.checksum"),
                tuple("row.9", "allocation.tables.import.entityFiguresOnUnitLine"));
    }

    @Test
    void aUnitLineAboveItsEntityLineAndUnitFiguresOnAnEntityLineAreRefused() throws IOException {
        byte[] file = workbook(
                row(A, "1号机组", null, null, null, null, 1, 1, 1, 1),
                row(A, null, 1, 1, null, null, 5));
        assertThat(violations(file)).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactly(
                tuple("row.2", "allocation.tables.import.unitBeforeEntity"),
                tuple("row.3", "allocation.tables.import.unitFiguresOnEntityLine"));
    }

    @Test
    void aFileOfAnotherLayoutIsRefusedAsAWhole() throws IOException {
        assertThat(violations("not excel".getBytes())).extracting(FieldViolation::messageKey).containsExactly("allocation.tables.import.notExcel");
        assertThat(violations(new byte[0])).extracting(FieldViolation::messageKey).containsExactly("allocation.tables.import.noFile");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("统一社会信用代码");
            wb.write(out);
            assertThat(violations(out.toByteArray())).extracting(FieldViolation::messageKey).containsExactly("allocation.tables.import.sheetMissing");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row r = wb.createSheet("核查数据").createRow(0);
            r.createCell(0).setCellValue("统一社会信用代码");
            r.createCell(1).setCellValue("机组");
            wb.write(out);
            assertThat(violations(out.toByteArray())).extracting(FieldViolation::field, FieldViolation::messageKey)
                    .containsExactly(tuple("file", "allocation.tables.import.columns"));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static List<FieldViolation> violations(byte[] file) {
        VerifiedFiguresWorkbook.Result r = VerifiedFiguresWorkbook.read(file);
        assertThat(r).isInstanceOf(VerifiedFiguresWorkbook.Rejected.class);
        return ((VerifiedFiguresWorkbook.Rejected) r).violations();
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    static String uscc(String s) {
        return s;
    }

    /** The sheet 核查数据 with the template's header in row 1 and these rows below it (String, Number or null cells). */
    static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("核查数据");
            Row header = s.createRow(0);
            for (VerifiedFiguresWorkbook.Column c : VerifiedFiguresWorkbook.Column.values()) {
                header.createCell(c.ordinal()).setCellValue(c.title);
            }
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    if (v instanceof String t) {
                        r.createCell(c).setCellValue(t);
                    } else if (v instanceof Number n) {
                        r.createCell(c).setCellValue(n.doubleValue());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
