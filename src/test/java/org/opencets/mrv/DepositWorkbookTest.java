package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencets.directory.Fuel;
import org.opencets.mrv.DepositWorkbook.Parsed;
import org.opencets.mrv.DepositWorkbook.Rejected;
import org.opencets.mrv.DepositWorkbook.Result;
import org.opencets.shared.FieldViolation;

/** The monthly deposit template and the reading of a filled-in copy; no database, no Spring. */
class DepositWorkbookTest {

    private static final String UNIT = "1号机组";
    private static final YearMonth MONTH = YearMonth.of(2025, 3);
    private static final List<Fuel> FUELS = List.of(Fuel.BITUMINOUS, Fuel.NATURAL_GAS);

    private static final int VALUE = DepositWorkbook.Column.VALUE.index();
    private static final int BASIS = DepositWorkbook.Column.BASIS.index();
    private static final int FUEL = DepositWorkbook.Column.FUEL.index();
    private static final int CODE = DepositWorkbook.Column.CODE.index();
    private static final int NOTE = DepositWorkbook.Column.NOTE.index();

    private static final List<String> KEYS = List.of("noFile", "tooLarge", "notExcel", "versionMissing", "version", "unitCode",
            "month", "columns", "tooManyRows", "empty", "codeMissing", "codeUnknown", "fuelNotAllowed", "fuelMissing",
            "fuelUnknown", "fuelNotBurnt", "duplicate", "notNumber", "negative", "valueMissing", "basisMissing", "basisUnknown");

    private static final Properties ZH = bundle("messages/mrv-import.properties");
    private static final Properties EN = bundle("messages/mrv-import_en.properties");

    // ---- the template ---------------------------------------------------------------------------

    @Test
    void templateShowsVersionUnitMonthAndOneRowPerParameterAndFuel() throws IOException {
        try (XSSFWorkbook workbook = workbook(blank())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("月度存证");
            assertThat(field(sheet, "模板版本")).isEqualTo("OPENCETS-MRV-DEPOSIT-1");
            assertThat(field(sheet, "重点排放单位")).isEqualTo("宁波某某热电有限公司");
            assertThat(field(sheet, "机组编号")).isEqualTo(UNIT);
            assertThat(field(sheet, "月份")).isEqualTo("2025-03");
            Row header = sheet.getRow(rowOf(sheet, "参数代码", "") - 1);
            assertThat(texts(header)).containsExactly("参数代码", "燃料", "参数名称", "单位", "数值", "获取方式", "说明");
            List<String> codes = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= header.getRowNum() + 3 * FUELS.size() + 7; r++) {
                codes.add(text(sheet.getRow(r), CODE) + "/" + text(sheet.getRow(r), FUEL));
            }
            assertThat(codes).containsExactly("FUEL_CONSUMPTION/BITUMINOUS", "FUEL_CONSUMPTION/NATURAL_GAS", "NCV/BITUMINOUS",
                    "NCV/NATURAL_GAS", "CARBON_CONTENT/BITUMINOUS", "CARBON_CONTENT/NATURAL_GAS", "GENERATION/", "POWER_SUPPLIED/",
                    "HEAT_SUPPLIED/", "PURCHASED_ELECTRICITY/", "OPERATING_HOURS/", "LOAD_FACTOR/", "AUX_POWER_RATE/");
            assertThat(texts(sheet.getRow(rowOf(sheet, "NCV", "NATURAL_GAS") - 1)))
                    .startsWith("NCV", "NATURAL_GAS", "低位发热量（天然气）", "GJ/10⁴Nm³");
            assertThat(texts(sheet.getRow(rowOf(sheet, "LOAD_FACTOR", "") - 1))).startsWith("LOAD_FACTOR", "", "负荷（出力）系数", "%");
            assertThat(field(sheet, "留存煤样编号")).isEmpty();
            assertThat(field(sheet, "留存煤样存放地点")).isEmpty();
            assertThat(sheet.getDataValidations()).isNotEmpty();
        }
    }

    @Test
    void templateWithPrefillReadsBackAsTheSameInput() {
        DepositInput prefill = new DepositInput(List.of(
                value(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, "123456.78", MeasurementBasis.MEASURED, "皮带秤"),
                value(Parameter.FUEL_CONSUMPTION, Fuel.NATURAL_GAS, "12.5", MeasurementBasis.MEASURED, null),
                value(Parameter.NCV, Fuel.BITUMINOUS, "21.345", MeasurementBasis.MEASURED, null),
                value(Parameter.NCV, Fuel.NATURAL_GAS, null, MeasurementBasis.DEFAULT, "采用缺省值"),
                value(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, "0.12345678901234567891", MeasurementBasis.MEASURED, null),
                value(Parameter.GENERATION, null, "1200", MeasurementBasis.MEASURED, null),
                value(Parameter.POWER_SUPPLIED, null, "1150.25", MeasurementBasis.CALCULATED, "发电量减厂用电量"),
                value(Parameter.LOAD_FACTOR, null, "0", MeasurementBasis.MEASURED, null),
                value(Parameter.AUX_POWER_RATE, null, "4.2", MeasurementBasis.MEASURED, null)),
                "YP-2025-03-01", "化验室留样柜 3 号");

        Result result = read(template(prefill));

        assertThat(result).isEqualTo(new Parsed(prefill));
    }

    @Test
    void templateLeavesOutPrefilledFuelsTheUnitDoesNotBurnAndListsFuelsInTheirOrder() {
        DepositInput prefill = new DepositInput(List.of(
                value(Parameter.NCV, Fuel.BITUMINOUS, "21", MeasurementBasis.MEASURED, null),
                value(Parameter.NCV, Fuel.LIGNITE, "14", MeasurementBasis.MEASURED, null)), null, null);
        byte[] template = DepositWorkbook.template("某某热电", UNIT, MONTH, List.of(Fuel.NATURAL_GAS, Fuel.BITUMINOUS), prefill);

        Result result = DepositWorkbook.read(new ByteArrayInputStream(template), UNIT, MONTH, FUELS);

        assertThat(result).isEqualTo(new Parsed(new DepositInput(List.of(prefill.values().getFirst()), null, null)));
    }

    // ---- accepted input -------------------------------------------------------------------------

    @Test
    void chineseBasisNamesAndThousandsSeparatorsAreAccepted() {
        byte[] file = edit(blank(), sheet -> {
            set(sheet, "FUEL_CONSUMPTION", "BITUMINOUS", "1,234.5", "实测");
            set(sheet, "NCV", "BITUMINOUS", "", "缺省");
            set(sheet, "GENERATION", "", "12,345,678", "计算");
            set(sheet, "POWER_SUPPLIED", "", " 98.10 ", "measured");
        });

        assertThat(values(read(file))).containsExactly(
                value(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, "1234.5", MeasurementBasis.MEASURED, null),
                value(Parameter.NCV, Fuel.BITUMINOUS, null, MeasurementBasis.DEFAULT, null),
                value(Parameter.GENERATION, null, "12345678", MeasurementBasis.CALCULATED, null),
                value(Parameter.POWER_SUPPLIED, null, "98.1", MeasurementBasis.MEASURED, null));
    }

    @Test
    void numericCellsKeepTheDecimalsTheyShow() {
        byte[] file = edit(blank(), sheet -> {
            setNumber(sheet, "FUEL_CONSUMPTION", "BITUMINOUS", 0.1);
            setNumber(sheet, "NCV", "BITUMINOUS", 23.5);
            setNumber(sheet, "GENERATION", "", 350000);
            Cell percent = cell(sheet, "LOAD_FACTOR", "", VALUE);
            percent.setCellValue(0.856);
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0.0%"));
            percent.setCellStyle(style);
            cell(sheet, "LOAD_FACTOR", "", BASIS).setCellValue("MEASURED");
            set(sheet, "AUX_POWER_RATE", "", "4.5%", "MEASURED");
        });

        assertThat(values(read(file))).extracting(v -> v.value().toPlainString())
                .containsExactly("0.1", "23.5", "350000", "85.6", "4.5");
    }

    @Test
    void rowsWithoutValueAndBasisAreNotEnteredAndBlankRowsAreSkipped() {
        byte[] file = edit(blank(), sheet -> {
            set(sheet, "GENERATION", "", "100", "MEASURED");
            cell(sheet, "POWER_SUPPLIED", "", NOTE).setCellValue("下月补录");
            Row below = sheet.createRow(sheet.getLastRowNum() + 3);
            below.createCell(NOTE).setCellValue("审核人：张三");
        });

        assertThat(values(read(file))).containsExactly(value(Parameter.GENERATION, null, "100", MeasurementBasis.MEASURED, null));
    }

    @Test
    void fuelsMayBeGivenByChineseNameAndCodesInAnyCase() {
        byte[] file = edit(blank(), sheet -> {
            Row row = sheet.getRow(rowOf(sheet, "NCV", "BITUMINOUS") - 1);
            row.getCell(CODE).setCellValue("ncv");
            row.getCell(FUEL).setCellValue("烟煤");
            row.getCell(VALUE).setCellValue(22);
            row.getCell(BASIS).setCellValue("MEASURED");
        });

        assertThat(values(read(file))).containsExactly(value(Parameter.NCV, Fuel.BITUMINOUS, "22", MeasurementBasis.MEASURED, null));
    }

    @Test
    void aRenamedSheetIsStillRead() {
        byte[] file = edit(prefilled(), sheet -> sheet.getWorkbook().setSheetName(0, "Sheet1"));

        assertThat(read(file)).isInstanceOf(Parsed.class);
    }

    @Test
    void aMonthRetypedAsAnExcelDateIsStillTheMonth() {
        byte[] file = edit(prefilled(), sheet -> {
            Cell month = sheet.getRow(rowOf(sheet, "月份", "") - 1).getCell(1);
            month.setCellValue(LocalDate.of(2025, 3, 1));
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("mmm-yy"));
            month.setCellStyle(style);
        });

        assertThat(read(file)).isInstanceOf(Parsed.class);
    }

    // ---- refused files --------------------------------------------------------------------------

    @Test
    void filesThatAreNotXlsxAreRefused() throws IOException {
        assertRefused(read("not a workbook".getBytes(StandardCharsets.UTF_8)), "file", "notExcel");
        try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            xls.createSheet("月度存证");
            xls.write(out);
            assertRefused(read(out.toByteArray()), "file", "notExcel");
        }
        assertRefused(read(new byte[0]), "file", "noFile");
        assertRefused(read(new byte[(int) DepositWorkbook.MAX_BYTES + 1]), "file", "tooLarge");
    }

    @Test
    void aWrongTemplateVersionIsRefusedNamingBothVersions() {
        byte[] file = edit(prefilled(), sheet -> sheet.getRow(rowOf(sheet, "模板版本", "") - 1).getCell(1)
                .setCellValue("OPENCETS-MRV-DEPOSIT-0"));

        FieldViolation violation = assertRefused(read(file), "file", "version");

        assertThat(zh(violation)).contains("OPENCETS-MRV-DEPOSIT-0", "OPENCETS-MRV-DEPOSIT-1");
        assertThat(en(violation)).contains("OPENCETS-MRV-DEPOSIT-0", "OPENCETS-MRV-DEPOSIT-1");
        assertThat(defaultMessage(violation)).contains("OPENCETS-MRV-DEPOSIT-0", "OPENCETS-MRV-DEPOSIT-1");
    }

    @Test
    void aMissingTemplateVersionIsRefused() {
        byte[] file = edit(prefilled(), sheet -> sheet.getRow(rowOf(sheet, "模板版本", "") - 1).getCell(1).setBlank());
        assertThat(zh(assertRefused(read(file), "file", "versionMissing"))).contains("OPENCETS-MRV-DEPOSIT-1");

        byte[] foreign = edit(prefilled(), sheet -> {
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
        });
        assertRefused(read(foreign), "file", "versionMissing");
    }

    @Test
    void anotherUnitOrMonthIsRefused() {
        byte[] template = prefilled();

        FieldViolation unit = assertRefused(DepositWorkbook.read(new ByteArrayInputStream(template), "2号机组", MONTH, FUELS),
                "file", "unitCode");
        assertThat(zh(unit)).contains(UNIT, "2号机组");
        FieldViolation month = assertRefused(DepositWorkbook.read(new ByteArrayInputStream(template), UNIT, YearMonth.of(2025, 4), FUELS),
                "file", "month");
        assertThat(zh(month)).contains("2025-03", "2025-04");
        Result both = DepositWorkbook.read(new ByteArrayInputStream(template), "2号机组", YearMonth.of(2025, 4), FUELS);
        assertThat(((Rejected) both).violations()).extracting(FieldViolation::messageKey)
                .containsExactly("import.deposit.unitCode", "import.deposit.month");
    }

    @Test
    void aChangedTableHeaderIsRefused() {
        byte[] file = edit(prefilled(), sheet -> {
            Row header = sheet.getRow(rowOf(sheet, "参数代码", "") - 1);
            header.getCell(VALUE).setCellValue("获取方式");
            header.getCell(BASIS).setCellValue("数值");
        });

        FieldViolation violation = assertRefused(read(file), "file", "columns");

        assertThat(zh(violation)).contains("参数代码 | 燃料 | 参数名称 | 单位 | 数值 | 获取方式 | 说明",
                "参数代码 | 燃料 | 参数名称 | 单位 | 获取方式 | 数值 | 说明");
    }

    @Test
    void aTemplateWithNothingFilledInIsRefused() {
        assertRefused(read(blank()), "file", "empty");
    }

    // ---- refused rows ---------------------------------------------------------------------------

    @Test
    void anUnknownParameterCodeIsRefusedWithItsRow() {
        byte[] file = edit(prefilled(), sheet -> appendRow(sheet, "SO2_EMISSIONS", "", "12", "MEASURED"));

        FieldViolation violation = assertRefused(read(file), "row." + lastRow(file), "codeUnknown");

        assertThat(zh(violation)).contains("第 " + lastRow(file) + " 行", "SO2_EMISSIONS");
    }

    @Test
    void aValueWithoutCodeIsRefused() {
        byte[] file = edit(prefilled(), sheet -> appendRow(sheet, "", "", "12", "MEASURED"));

        assertRefused(read(file), "row." + lastRow(file), "codeMissing");
    }

    @Test
    void aFuelTheUnitDoesNotBurnIsRefused() {
        byte[] file = edit(prefilled(), sheet -> appendRow(sheet, "NCV", "ANTHRACITE", "24", "MEASURED"));

        FieldViolation violation = assertRefused(read(file), "row." + lastRow(file), "fuelNotBurnt");

        assertThat(en(violation)).contains("ANTHRACITE", "BITUMINOUS, NATURAL_GAS");
    }

    @Test
    void anUnknownFuelIsRefused() {
        byte[] file = edit(prefilled(), sheet -> appendRow(sheet, "NCV", "泥煤", "24", "MEASURED"));

        assertRefused(read(file), "row." + lastRow(file), "fuelUnknown");
    }

    @Test
    void aFuelParameterWithoutFuelIsRefused() {
        byte[] file = edit(prefilled(), sheet -> {
            set(sheet, "NCV", "BITUMINOUS", "21", "MEASURED");
            cell(sheet, "NCV", "BITUMINOUS", FUEL).setBlank();
        });
        int row = rowOf(prefilled(), "NCV", "BITUMINOUS");

        assertThat(zh(assertRefused(read(file), "row." + row, "fuelMissing"))).contains("第 " + row + " 行", "NCV");
    }

    @Test
    void aUnitParameterWithAFuelIsRefused() {
        byte[] file = edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", FUEL).setCellValue("BITUMINOUS"));

        assertRefused(read(file), "row." + rowOf(prefilled(), "GENERATION", ""), "fuelNotAllowed");
    }

    @Test
    void aRepeatedParameterAndFuelIsRefusedNamingTheFirstRow() {
        byte[] file = edit(prefilled(), sheet -> {
            set(sheet, "NCV", "BITUMINOUS", "21", "MEASURED");
            appendRow(sheet, "NCV", "BITUMINOUS", "22", "MEASURED");
        });

        FieldViolation violation = assertRefused(read(file), "row." + lastRow(file), "duplicate");

        assertThat(zh(violation)).contains("NCV.BITUMINOUS", "第 " + rowOf(prefilled(), "NCV", "BITUMINOUS") + " 行");
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        for (String text : List.of("abc", "1.2.3", "12,34", "1e5", "-", "4.5%")) {
            byte[] file = edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", VALUE).setCellValue(text));

            FieldViolation violation = assertRefused(read(file), "row." + rowOf(prefilled(), "GENERATION", ""), "notNumber");

            assertThat(violation.arguments()).as(text).contains(text);
        }
        byte[] date = edit(prefilled(), sheet -> {
            Cell cell = cell(sheet, "GENERATION", "", VALUE);
            cell.setCellValue(LocalDate.of(2025, 3, 5));
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("m/d"));
            cell.setCellStyle(style);
        });
        assertRefused(read(date), "row." + rowOf(prefilled(), "GENERATION", ""), "notNumber");
    }

    @Test
    void aNegativeValueIsRefused() {
        byte[] file = edit(prefilled(), sheet -> setNumber(sheet, "GENERATION", "", -5));

        assertRefused(read(file), "row." + rowOf(prefilled(), "GENERATION", ""), "negative");
        assertRefused(read(edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", VALUE).setCellValue("-1,200"))),
                "row." + rowOf(prefilled(), "GENERATION", ""), "negative");
    }

    @Test
    void aMissingValueIsRefusedUnlessTheBasisIsDefault() {
        byte[] file = edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", VALUE).setBlank());

        assertRefused(read(file), "row." + rowOf(prefilled(), "GENERATION", ""), "valueMissing");
        byte[] asDefault = edit(file, sheet -> cell(sheet, "GENERATION", "", BASIS).setCellValue("DEFAULT"));
        assertThat(values(read(asDefault))).contains(value(Parameter.GENERATION, null, null, MeasurementBasis.DEFAULT, null));
    }

    @Test
    void anUnknownOrMissingBasisIsRefused() {
        byte[] unknown = edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", BASIS).setCellValue("估算"));
        assertThat(assertRefused(read(unknown), "row." + rowOf(prefilled(), "GENERATION", ""), "basisUnknown").arguments())
                .contains("估算");

        byte[] missing = edit(prefilled(), sheet -> cell(sheet, "GENERATION", "", BASIS).setBlank());
        assertRefused(read(missing), "row." + rowOf(prefilled(), "GENERATION", ""), "basisMissing");
    }

    @Test
    void everyRowProblemIsReportedAtOnceInRowOrder() {
        byte[] file = edit(prefilled(), sheet -> {
            cell(sheet, "NCV", "BITUMINOUS", VALUE).setCellValue("abc");
            cell(sheet, "NCV", "BITUMINOUS", BASIS).setCellValue("猜的");
            setNumber(sheet, "GENERATION", "", -1);
            set(sheet, "POWER_SUPPLIED", "", "5", "MEASURED");
            cell(sheet, "POWER_SUPPLIED", "", FUEL).setCellValue("BITUMINOUS");
            appendRow(sheet, "FOO", "", "1", "MEASURED");
        });
        int ncv = rowOf(prefilled(), "NCV", "BITUMINOUS");
        int generation = rowOf(prefilled(), "GENERATION", "");
        int supplied = rowOf(prefilled(), "POWER_SUPPLIED", "");

        Result result = read(file);

        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).violations()).extracting(v -> v.field() + " " + v.messageKey().substring("import.deposit.".length()))
                .containsExactly("row." + ncv + " notNumber", "row." + ncv + " basisUnknown", "row." + generation + " negative",
                        "row." + supplied + " fuelNotAllowed", "row." + lastRow(file) + " codeUnknown");
    }

    @Test
    void moreThanTheRowLimitIsRefused() {
        byte[] file = edit(prefilled(), sheet -> {
            for (int i = 0; i < DepositWorkbook.MAX_ROWS; i++) {
                appendRow(sheet, "GENERATION", "", "1", "MEASURED");
            }
        });

        assertRefused(read(file), "file", "tooManyRows");
    }

    // ---- the messages ---------------------------------------------------------------------------

    @Test
    void everyMessageHasAChineseAndAnEnglishText() {
        List<String> keys = KEYS.stream().map(k -> "invalid.import.deposit." + k).toList();
        assertThat(ZH.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(EN.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static FieldViolation assertRefused(Result result, String field, String what) {
        assertThat(result).isInstanceOf(Rejected.class);
        List<FieldViolation> violations = ((Rejected) result).violations();
        assertThat(violations).extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, "import.deposit." + what));
        FieldViolation violation = violations.getFirst();
        if (field.startsWith("row.")) {
            String row = field.substring("row.".length());
            assertThat(violation.arguments().getFirst()).isEqualTo(row);
            assertThat(zh(violation)).startsWith("第 " + row + " 行");
            assertThat(en(violation)).startsWith("Row " + row);
            assertThat(defaultMessage(violation)).startsWith("Row " + row);
        }
        assertThat(KEYS).contains(what);
        return violation;
    }

    private static String zh(FieldViolation violation) {
        return format(ZH, violation, Locale.CHINA);
    }

    private static String en(FieldViolation violation) {
        return format(EN, violation, Locale.ENGLISH);
    }

    private static String format(Properties bundle, FieldViolation violation, Locale locale) {
        String pattern = bundle.getProperty("invalid." + violation.messageKey());
        assertThat(pattern).as(violation.messageKey()).isNotNull();
        return new MessageFormat(pattern, locale).format(violation.arguments().toArray());
    }

    private static String defaultMessage(FieldViolation violation) {
        return new MessageFormat(violation.defaultMessage(), Locale.ENGLISH).format(violation.arguments().toArray());
    }

    private static Properties bundle(String resource) {
        try (InputStream in = DepositWorkbookTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MonthlyValue value(Parameter parameter, Fuel fuel, String value, MeasurementBasis basis, String note) {
        return new MonthlyValue(parameter, fuel, value == null ? null : new BigDecimal(value), basis, note);
    }

    private static byte[] blank() {
        return template(null);
    }

    /** A valid file: a template with one value entered. */
    private static byte[] prefilled() {
        return template(new DepositInput(List.of(value(Parameter.GENERATION, null, "100", MeasurementBasis.MEASURED, null)),
                null, null));
    }

    private static byte[] template(DepositInput prefill) {
        return DepositWorkbook.template("宁波某某热电有限公司", UNIT, MONTH, FUELS, prefill);
    }

    private static Result read(byte[] file) {
        return DepositWorkbook.read(new ByteArrayInputStream(file), UNIT, MONTH, FUELS);
    }

    private static List<MonthlyValue> values(Result result) {
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).input().values();
    }

    private static XSSFWorkbook workbook(byte[] file) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] edit(byte[] file, Consumer<Sheet> change) {
        try (XSSFWorkbook workbook = workbook(file); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Excel row number (1-based) of the row with this text in column A and, if given, this fuel in column B. */
    private static int rowOf(Sheet sheet, String code, String fuel) {
        for (Row row : sheet) {
            if (text(row, CODE).equals(code) && (fuel.isEmpty() || text(row, FUEL).equals(fuel))) {
                return row.getRowNum() + 1;
            }
        }
        throw new AssertionError("no row " + code + " " + fuel);
    }

    private static int rowOf(byte[] file, String code, String fuel) {
        try (XSSFWorkbook workbook = workbook(file)) {
            return rowOf(workbook.getSheetAt(0), code, fuel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lastRow(byte[] file) {
        try (XSSFWorkbook workbook = workbook(file)) {
            return workbook.getSheetAt(0).getLastRowNum() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Sheet sheet, String label) {
        return text(sheet.getRow(rowOf(sheet, label, "") - 1), 1);
    }

    private static Cell cell(Sheet sheet, String code, String fuel, int column) {
        Row row = sheet.getRow(rowOf(sheet, code, fuel) - 1);
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    private static void set(Sheet sheet, String code, String fuel, String value, String basis) {
        cell(sheet, code, fuel, VALUE).setCellValue(value);
        cell(sheet, code, fuel, BASIS).setCellValue(basis);
    }

    private static void setNumber(Sheet sheet, String code, String fuel, double value) {
        cell(sheet, code, fuel, VALUE).setCellValue(value);
        cell(sheet, code, fuel, BASIS).setCellValue("MEASURED");
    }

    /** A row below everything else (the sample rows included), as a user adds one. */
    private static void appendRow(Sheet sheet, String code, String fuel, String value, String basis) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        row.createCell(CODE).setCellValue(code);
        row.createCell(FUEL).setCellValue(fuel);
        row.createCell(VALUE).setCellValue(value);
        row.createCell(BASIS).setCellValue(basis);
    }

    private static String text(Row row, int column) {
        return DepositWorkbook.text(row.getCell(column)).strip();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row, c));
        }
        return texts;
    }
}
