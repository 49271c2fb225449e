package org.opencets.mrv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.directory.Fuel;
import org.opencets.shared.FieldViolation;

/**
 * The Excel template of a unit's monthly deposit (月度信息化存证) and the reading of a filled-in copy back into a
 * {@link DepositInput}. The sheet carries its template version, unit and month so that a file of another unit, month
 * or template generation is refused as a whole; a file with any wrong row is refused with every row's problems.
 * Violations of the file as a whole have the field {@value #FILE_FIELD}, those of a row {@code row.N} (N as Excel
 * numbers the row).
 */
final class DepositWorkbook {

    static final String TEMPLATE_VERSION = "OPENCETS-MRV-DEPOSIT-1";
    static final String SHEET = "月度存证";
    static final String FILE_FIELD = "file";
    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 500;

    static final String VERSION_LABEL = "模板版本";
    static final String EMITTER_LABEL = "重点排放单位";
    static final String UNIT_LABEL = "机组编号";
    static final String MONTH_LABEL = "月份";
    static final String SAMPLE_ID_LABEL = "留存煤样编号";
    static final String SAMPLE_PLACE_LABEL = "留存煤样存放地点";

    /** The table's columns, in order; the header row must show exactly these titles. */
    enum Column {
        CODE("参数代码", 22), FUEL("燃料", 16), NAME("参数名称", 24), UNIT("单位", 14), VALUE("数值", 18), BASIS("获取方式", 14),
        NOTE("说明", 44);

        final String title;
        final int width;

        Column(String title, int width) {
            this.title = title;
            this.width = width;
        }

        int index() {
            return ordinal();
        }
    }

    static final Map<Parameter, String> PARAMETER_NAMES = Map.of(
            Parameter.FUEL_CONSUMPTION, "燃料消耗量", Parameter.NCV, "低位发热量", Parameter.CARBON_CONTENT, "元素碳含量",
            Parameter.GENERATION, "发电量", Parameter.POWER_SUPPLIED, "供电量", Parameter.HEAT_SUPPLIED, "供热量",
            Parameter.PURCHASED_ELECTRICITY, "购入使用电量", Parameter.OPERATING_HOURS, "运行小时数",
            Parameter.LOAD_FACTOR, "负荷（出力）系数", Parameter.AUX_POWER_RATE, "厂用电率");
    static final Map<MeasurementBasis, String> BASIS_NAMES = Map.of(
            MeasurementBasis.MEASURED, "实测", MeasurementBasis.DEFAULT, "缺省", MeasurementBasis.CALCULATED, "计算");

    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)?(\\.\\d+)?");

    sealed interface Result permits Parsed, Rejected {
    }

    record Parsed(DepositInput input) implements Result {
    }

    record Rejected(List<FieldViolation> violations) implements Result {

        Rejected {
            violations = List.copyOf(violations);
        }
    }

    private DepositWorkbook() {
    }

    /**
     * A template with one row per parameter (per fuel of {@code fuels} for fuel parameters) and the retained coal
     * sample; {@code prefill}'s values fill their rows (values of fuels not in {@code fuels} have no row and are left out).
     */
    static byte[] template(String emitterName, String unitCode, YearMonth month, List<Fuel> fuels, DepositInput prefill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new TemplateWriter(workbook).write(emitterName, unitCode, month, fuels, prefill);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the deposit template", e);
        }
    }

    /** Reads a filled-in template of {@code expectedUnitCode} for {@code expectedMonth}, all or nothing. */
    static Result read(InputStream xlsx, String expectedUnitCode, YearMonth expectedMonth, List<Fuel> unitFuels) {
        byte[] content;
        try {
            content = xlsx == null ? new byte[0] : xlsx.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            return rejected(notExcel());
        }
        if (content.length == 0) {
            return rejected(fileViolation("noFile", "Choose an .xlsx file to upload"));
        }
        if (content.length > MAX_BYTES) {
            return rejected(fileViolation("tooLarge", "The file is larger than {0}", "2 MB"));
        }
        Optional<XSSFWorkbook> workbook = open(content);
        if (workbook.isEmpty()) {
            return rejected(notExcel());
        }
        try {
            return new SheetReader(sheet(workbook.get()), expectedUnitCode, expectedMonth, unitFuels).read();
        } finally {
            closeQuietly(workbook.get());
        }
    }

    /** Not a zip, an .xls, a .csv, a corrupt or an encrypted file: POI fails in many ways. */
    private static Optional<XSSFWorkbook> open(byte[] content) {
        try {
            return Optional.of(new XSSFWorkbook(new ByteArrayInputStream(content)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(XSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // an in-memory package: nothing to release or save
        }
    }

    private static Sheet sheet(Workbook workbook) {
        Sheet named = workbook.getSheet(SHEET);
        return named != null || workbook.getNumberOfSheets() == 0 ? named : workbook.getSheetAt(0);
    }

    private static Rejected rejected(FieldViolation... violations) {
        return new Rejected(List.of(violations));
    }

    private static FieldViolation notExcel() {
        return fileViolation("notExcel", "Not an Excel workbook (.xlsx)");
    }

    private static FieldViolation fileViolation(String what, String defaultMessage, Object... arguments) {
        return FieldViolation.of(FILE_FIELD, "import.deposit." + what, defaultMessage, arguments);
    }

    static String parameterName(Parameter parameter, Fuel fuel) {
        String name = PARAMETER_NAMES.get(parameter);
        return fuel == null ? name : name + "（" + fuel.chineseName() + "）";
    }

    static Optional<MeasurementBasis> basis(String text) {
        String key = text.strip();
        for (MeasurementBasis basis : MeasurementBasis.values()) {
            String name = BASIS_NAMES.get(basis);
            if (basis.name().equalsIgnoreCase(key) || name.equals(key) || (name + "值").equals(key)) {
                return Optional.of(basis);
            }
        }
        return Optional.empty();
    }

    static Optional<Fuel> fuel(String text) {
        String key = text.strip();
        for (Fuel fuel : Fuel.values()) {
            if (fuel.name().equalsIgnoreCase(key) || fuel.chineseName().equals(key)) {
                return Optional.of(fuel);
            }
        }
        return Optional.empty();
    }

    /** A cell as text: numbers plainly, dates as yyyy-mm-dd, formulas by their cached result, missing cells as "". */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (type(cell)) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static String plain(double value) {
        return Double.isFinite(value) ? normalized(BigDecimal.valueOf(value)).toPlainString() : Double.toString(value);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** Without trailing zeros and never in exponent form: 23.50 → 23.5, 1.2E+3 → 1200. */
    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The header block, the table header and the table rows of a sheet, found by their labels in column A. */
    private record Layout(Map<String, Row> labelled, Row header, List<Row> table) {

        private static final List<String> HEADER_LABELS = List.of(VERSION_LABEL, EMITTER_LABEL, UNIT_LABEL, MONTH_LABEL);
        private static final List<String> SAMPLE_LABELS = List.of(SAMPLE_ID_LABEL, SAMPLE_PLACE_LABEL);

        static Layout of(Sheet sheet) {
            Map<String, Row> labelled = new HashMap<>();
            Row header = null;
            List<Row> table = new ArrayList<>();
            for (Row row : sheet) {
                String label = text(row.getCell(0)).strip();
                List<String> labels = header == null ? HEADER_LABELS : SAMPLE_LABELS;
                if (labels.contains(label)) {
                    labelled.putIfAbsent(label, row);
                } else if (header == null && Column.CODE.title.equals(label)) {
                    header = row;
                } else if (header != null) {
                    table.add(row);
                }
            }
            return new Layout(labelled, header, table);
        }

        String value(String label) {
            Row row = labelled.get(label);
            return row == null ? "" : text(row.getCell(1)).strip();
        }

        Cell valueCell(String label) {
            Row row = labelled.get(label);
            return row == null ? null : row.getCell(1);
        }
    }

    private static final class SheetReader {
        private final Sheet sheet;
        private final String expectedUnitCode;
        private final YearMonth expectedMonth;
        private final List<Fuel> unitFuels;

        SheetReader(Sheet sheet, String expectedUnitCode, YearMonth expectedMonth, List<Fuel> unitFuels) {
            this.sheet = sheet;
            this.expectedUnitCode = expectedUnitCode.strip();
            this.expectedMonth = expectedMonth;
            this.unitFuels = List.copyOf(unitFuels);
        }

        Result read() {
            if (sheet == null) {
                return rejected(versionMissing());
            }
            Layout layout = Layout.of(sheet);
            Optional<FieldViolation> version = checkVersion(layout.value(VERSION_LABEL));
            if (version.isPresent()) {
                return rejected(version.get());
            }
            List<FieldViolation> identity = checkIdentity(layout);
            if (!identity.isEmpty()) {
                return new Rejected(identity);
            }
            Optional<FieldViolation> columns = checkColumns(layout.header());
            if (columns.isPresent()) {
                return rejected(columns.get());
            }
            return readRows(layout);
        }

        private Optional<FieldViolation> checkVersion(String found) {
            if (found.isEmpty()) {
                return Optional.of(versionMissing());
            }
            if (!found.equals(TEMPLATE_VERSION)) {
                return Optional.of(fileViolation("version",
                        "The file was made from template version {0}, but version {1} is needed: download the template again",
                        found, TEMPLATE_VERSION));
            }
            return Optional.empty();
        }

        private FieldViolation versionMissing() {
            return fileViolation("versionMissing",
                    "The file has no template version: it is not the deposit template (version {0}) or its header was changed",
                    TEMPLATE_VERSION);
        }

        private List<FieldViolation> checkIdentity(Layout layout) {
            List<FieldViolation> violations = new ArrayList<>();
            String unitCode = layout.value(UNIT_LABEL);
            if (!unitCode.equals(expectedUnitCode)) {
                violations.add(fileViolation("unitCode", "The file is for unit {0}, not unit {1}", shown(unitCode), expectedUnitCode));
            }
            Optional<YearMonth> month = month(layout.valueCell(MONTH_LABEL));
            if (!month.equals(Optional.of(expectedMonth))) {
                violations.add(fileViolation("month", "The file is for month {0}, not {1}",
                        month.map(MONTH_FORMAT::format).orElse(shown(layout.value(MONTH_LABEL))), MONTH_FORMAT.format(expectedMonth)));
            }
            return violations;
        }

        private static Optional<YearMonth> month(Cell cell) {
            if (cell != null && type(cell) == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return Optional.of(YearMonth.from(cell.getLocalDateTimeCellValue()));
            }
            Matcher m = MONTH_TEXT.matcher(text(cell).strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
                return Optional.empty();
            }
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }

        private static Optional<FieldViolation> checkColumns(Row header) {
            List<String> expected = Arrays.stream(Column.values()).map(c -> c.title).toList();
            List<String> found = new ArrayList<>();
            for (int c = 0; header != null && c < expected.size(); c++) {
                found.add(text(header.getCell(c)).strip());
            }
            if (found.equals(expected)) {
                return Optional.empty();
            }
            return Optional.of(fileViolation("columns", "The table header should read {0} but reads {1}",
                    String.join(" | ", expected), found.isEmpty() ? "—" : String.join(" | ", found.stream().map(DepositWorkbook::shown).toList())));
        }

        private Result readRows(Layout layout) {
            RowReader rows = new RowReader(unitFuels);
            for (Row row : layout.table()) {
                rows.read(row);
                if (rows.count() > MAX_ROWS) {
                    return rejected(fileViolation("tooManyRows", "The table has more than {0} rows", String.valueOf(MAX_ROWS)));
                }
            }
            if (!rows.violations().isEmpty()) {
                return new Rejected(rows.violations());
            }
            String sampleId = blankToNull(layout.value(SAMPLE_ID_LABEL));
            String samplePlace = blankToNull(layout.value(SAMPLE_PLACE_LABEL));
            if (rows.values().isEmpty() && sampleId == null && samplePlace == null) {
                return rejected(fileViolation("empty", "Nothing is filled in: enter a value or a basis in at least one row"));
            }
            return new Parsed(new DepositInput(rows.values(), sampleId, samplePlace));
        }
    }

    /** Reads table rows one by one, keeping every row's problems and the values of the rows without any. */
    private static final class RowReader {
        private final List<Fuel> unitFuels;
        private final List<MonthlyValue> values = new ArrayList<>();
        private final List<FieldViolation> violations = new ArrayList<>();
        private final Map<String, Integer> firstRows = new LinkedHashMap<>();
        private int count;

        RowReader(List<Fuel> unitFuels) {
            this.unitFuels = unitFuels;
        }

        List<MonthlyValue> values() {
            return values;
        }

        List<FieldViolation> violations() {
            return violations;
        }

        int count() {
            return count;
        }

        void read(Row row) {
            String code = cellText(row, Column.CODE);
            Cell valueCell = row.getCell(Column.VALUE.index());
            String basisText = cellText(row, Column.BASIS);
            boolean noValue = text(valueCell).isBlank();
            if (noValue && (code.isEmpty() || basisText.isEmpty())) {
                return;
            }
            count++;
            RowCheck check = new RowCheck(row.getRowNum() + 1);
            Optional<Parameter> parameter = parameter(check, code);
            int problemsBefore = check.problems.size();
            Fuel fuel = parameter.map(p -> fuel(check, p, cellText(row, Column.FUEL))).orElse(null);
            boolean keyed = parameter.isPresent() && check.problems.size() == problemsBefore;
            BigDecimal value = check.value(valueCell, parameter.map(p -> p.unitFor(fuel)).orElse(""));
            Optional<MeasurementBasis> basis = check.basis(basisText);
            if (noValue && basis.isPresent() && basis.get() != MeasurementBasis.DEFAULT) {
                check.add("valueMissing", "Row {0}: enter the value of {1}, or choose DEFAULT", code, basis.get().name());
            }
            if (keyed) {
                checkDuplicate(check, MonthlyValue.field(parameter.get(), fuel));
            }
            if (check.problems.isEmpty()) {
                values.add(new MonthlyValue(parameter.orElseThrow(), fuel, value, basis.orElseThrow(),
                        blankToNull(cellText(row, Column.NOTE))));
            }
            violations.addAll(check.problems);
        }

        private static Optional<Parameter> parameter(RowCheck check, String code) {
            if (code.isEmpty()) {
                check.add("codeMissing", "Row {0}: a value without a parameter code");
                return Optional.empty();
            }
            Optional<Parameter> parameter = Parameter.parse(code);
            if (parameter.isEmpty()) {
                check.add("codeUnknown", "Row {0}: unknown parameter code {1}", code);
            }
            return parameter;
        }

        private Fuel fuel(RowCheck check, Parameter parameter, String text) {
            if (!parameter.perFuel()) {
                if (!text.isEmpty()) {
                    check.add("fuelNotAllowed", "Row {0}: {1} is a value of the whole unit, leave the fuel ({2}) blank",
                            parameter.name(), text);
                }
                return null;
            }
            if (text.isEmpty()) {
                check.add("fuelMissing", "Row {0}: {1} is given per fuel, enter the fuel", parameter.name());
                return null;
            }
            Optional<Fuel> fuel = DepositWorkbook.fuel(text);
            if (fuel.isEmpty()) {
                check.add("fuelUnknown", "Row {0}: unknown fuel {1}", text);
            } else if (!unitFuels.contains(fuel.get())) {
                check.add("fuelNotBurnt", "Row {0}: this unit does not burn {1} (it burns {2})", fuel.get().name(),
                        String.join(", ", unitFuels.stream().map(Fuel::name).toList()));
            }
            return fuel.orElse(null);
        }

        private void checkDuplicate(RowCheck check, String field) {
            Integer first = firstRows.putIfAbsent(field, check.number);
            if (first != null) {
                check.add("duplicate", "Row {0}: {1} is already given in row {2}", field, String.valueOf(first));
            }
        }
    }

    /** The problems of one row, each naming the row. */
    private static final class RowCheck {
        private final int number;
        private final List<FieldViolation> problems = new ArrayList<>();

        RowCheck(int number) {
            this.number = number;
        }

        void add(String what, String defaultMessage, Object... more) {
            Object[] arguments = new Object[more.length + 1];
            arguments[0] = String.valueOf(number);
            System.arraycopy(more, 0, arguments, 1, more.length);
            problems.add(FieldViolation.of("row." + number, "import.deposit." + what, defaultMessage, arguments));
        }

        /** The cell's number, or null when it is blank or wrong (then with a problem). */
        BigDecimal value(Cell cell, String unit) {
            String text = text(cell).strip();
            if (text.isEmpty()) {
                return null;
            }
            Optional<BigDecimal> value = number(cell, text, unit);
            if (value.isEmpty()) {
                add("notNumber", "Row {0}: the value {1} is not a number", text);
                return null;
            }
            if (value.get().signum() < 0) {
                add("negative", "Row {0}: the value {1} is negative", normalized(value.get()).toPlainString());
                return null;
            }
            return normalized(value.get());
        }

        private static Optional<BigDecimal> number(Cell cell, String text, String unit) {
            if (type(cell) == CellType.NUMERIC) {
                return DateUtil.isCellDateFormatted(cell) ? Optional.empty() : numeric(cell);
            }
            if (type(cell) != CellType.STRING) {
                return Optional.empty();
            }
            String digits = text.replaceAll("[\\s\\u00a0\\u3000]", "");
            if ("%".equals(unit) && digits.endsWith("%")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            if (!NUMBER_TEXT.matcher(digits).matches() || !digits.matches(".*\\d.*")) {
                return Optional.empty();
            }
            return Optional.of(new BigDecimal(digits.replace(",", "")));
        }

        /** What the cell shows: a percent-formatted 0.85 is the 85 (%) the user typed. */
        private static Optional<BigDecimal> numeric(Cell cell) {
            double raw = cell.getNumericCellValue();
            if (!Double.isFinite(raw)) {
                return Optional.empty();
            }
            BigDecimal value = BigDecimal.valueOf(raw);
            return Optional.of(cell.getCellStyle().getDataFormatString().contains("%") ? value.movePointRight(2) : value);
        }

        Optional<MeasurementBasis> basis(String text) {
            if (text.isEmpty()) {
                add("basisMissing", "Row {0}: choose how the value was obtained (MEASURED, DEFAULT or CALCULATED)");
                return Optional.empty();
            }
            Optional<MeasurementBasis> basis = DepositWorkbook.basis(text);
            if (basis.isEmpty()) {
                add("basisUnknown", "Row {0}: unknown basis {1}, use MEASURED, DEFAULT or CALCULATED", text);
            }
            return basis;
        }
    }

    private static String cellText(Row row, Column column) {
        return text(row.getCell(column.index())).strip();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String shown(String text) {
        return text.isEmpty() ? "（空）" : text;
    }

    /** Lays out the template sheet from top to bottom. */
    private static final class TemplateWriter {
        private final Sheet sheet;
        private final Styles styles;
        private int next;

        TemplateWriter(XSSFWorkbook workbook) {
            this.sheet = workbook.createSheet(SHEET);
            this.styles = new Styles(workbook);
        }

        void write(String emitterName, String unitCode, YearMonth month, List<Fuel> fuels, DepositInput prefill) {
            columns();
            title();
            field(VERSION_LABEL, TEMPLATE_VERSION, "请勿修改 (template version, do not change)");
            field(EMITTER_LABEL, emitterName, "");
            field(UNIT_LABEL, unitCode, "请勿修改 (unit code, do not change)");
            field(MONTH_LABEL, MONTH_FORMAT.format(month), "请勿修改，格式 yyyy-MM (month, do not change)");
            next++;
            instructions();
            int first = table(fuels, prefill);
            basisChoices(first, next - 1);
            next++;
            field(SAMPLE_ID_LABEL, prefill == null ? null : prefill.sampleId(), "");
            field(SAMPLE_PLACE_LABEL, prefill == null ? null : prefill.samplePlace(), "");
        }

        private void columns() {
            for (Column column : Column.values()) {
                sheet.setColumnWidth(column.index(), column.width * 256);
                sheet.setDefaultColumnStyle(column.index(), column == Column.VALUE ? styles.number : styles.text);
            }
        }

        private void title() {
            Row row = sheet.createRow(next++);
            cell(row, 0, "月度信息化存证 — 发电机组月度数据 (Monthly deposit of a generating unit)", styles.title);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, Column.NOTE.index()));
        }

        private void field(String label, String value, String hint) {
            Row row = sheet.createRow(next++);
            cell(row, 0, label, styles.label);
            cell(row, 1, value == null ? "" : value, styles.text);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 3));
            if (!hint.isEmpty()) {
                cell(row, 4, hint, styles.hint);
            }
        }

        private void instructions() {
            line("填写说明：每个参数一行，燃料参数按燃料分行。只填写“数值”“获取方式”“说明”三列；请勿修改参数代码、燃料、表头和上方的模板信息。");
            line("获取方式填写 MEASURED（实测）、DEFAULT（缺省）或 CALCULATED（计算），也可直接填写 实测、缺省、计算；采用缺省值时数值可留空。");
            line("数值不得为负，可带千分位逗号（如 1,234.5）。数值和获取方式都留空的行视为未填写。只要有一行有错误，整个文件都不导入。");
            line("Fill in 数值 (value), 获取方式 (basis: MEASURED, DEFAULT or CALCULATED) and 说明 (note) only. Any wrong row refuses the whole file.");
        }

        private void line(String text) {
            cell(sheet.createRow(next++), 0, text, styles.hint);
        }

        /** The header and one row per parameter and fuel; returns the first data row's index. */
        private int table(List<Fuel> fuels, DepositInput prefill) {
            Row header = sheet.createRow(next++);
            for (Column column : Column.values()) {
                cell(header, column.index(), column.title, styles.header);
            }
            int first = next;
            for (Parameter parameter : Parameter.values()) {
                if (parameter.perFuel()) {
                    fuels.stream().distinct().sorted().forEach(fuel -> parameterRow(parameter, fuel, prefill));
                } else {
                    parameterRow(parameter, null, prefill);
                }
            }
            return first;
        }

        private void parameterRow(Parameter parameter, Fuel fuel, DepositInput prefill) {
            Row row = sheet.createRow(next++);
            cell(row, Column.CODE.index(), parameter.name(), styles.code);
            cell(row, Column.FUEL.index(), fuel == null ? "" : fuel.name(), styles.code);
            cell(row, Column.NAME.index(), parameterName(parameter, fuel), styles.code);
            cell(row, Column.UNIT.index(), parameter.unitFor(fuel), styles.code);
            Optional<MonthlyValue> given = prefilled(prefill, parameter, fuel);
            value(row.createCell(Column.VALUE.index()), given.map(MonthlyValue::value).orElse(null));
            cell(row, Column.BASIS.index(), given.map(v -> v.basis().name()).orElse(""), styles.text);
            cell(row, Column.NOTE.index(), given.map(MonthlyValue::note).orElse(""), styles.text);
        }

        private static Optional<MonthlyValue> prefilled(DepositInput prefill, Parameter parameter, Fuel fuel) {
            return prefill == null ? Optional.empty()
                    : prefill.values().stream().filter(v -> v.parameter() == parameter && v.fuel() == fuel).findFirst();
        }

        /** A number cell when the value survives a double exactly, otherwise its digits as text. */
        private void value(Cell cell, BigDecimal value) {
            if (value == null) {
                cell.setCellStyle(styles.number);
            } else if (BigDecimal.valueOf(value.doubleValue()).compareTo(value) == 0) {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(styles.number);
            } else {
                cell.setCellValue(value.toPlainString());
                cell.setCellStyle(styles.text);
            }
        }

        private void basisChoices(int firstRow, int lastRow) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            String[] choices = Arrays.stream(MeasurementBasis.values()).map(Enum::name).toArray(String[]::new);
            DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(choices),
                    new CellRangeAddressList(firstRow, lastRow, Column.BASIS.index(), Column.BASIS.index()));
            validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            validation.setShowErrorBox(true);
            validation.createErrorBox("获取方式", "MEASURED 实测 / DEFAULT 缺省 / CALCULATED 计算");
            validation.setShowPromptBox(true);
            validation.createPromptBox("获取方式", "MEASURED 实测 / DEFAULT 缺省 / CALCULATED 计算");
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
            sheet.addValidationData(validation);
        }

        private static void cell(Row row, int column, String value, CellStyle style) {
            Cell cell = row.createCell(column);
            if (value != null && !value.isEmpty()) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle header;
        final CellStyle code;
        final CellStyle text;
        final CellStyle number;
        final CellStyle hint;

        Styles(XSSFWorkbook workbook) {
            var format = workbook.createDataFormat();
            short textFormat = format.getFormat("@");
            title = styled(workbook, textFormat, font(workbook, true, (short) 13, IndexedColors.BLACK));
            label = styled(workbook, textFormat, font(workbook, true, (short) 11, IndexedColors.BLACK));
            header = styled(workbook, textFormat, font(workbook, true, (short) 11, IndexedColors.BLACK));
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            code = styled(workbook, textFormat, null);
            code.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            code.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = styled(workbook, textFormat, null);
            number = styled(workbook, format.getFormat("General"), null);
            hint = styled(workbook, textFormat, font(workbook, false, (short) 10, IndexedColors.GREY_50_PERCENT));
        }

        private static CellStyle styled(XSSFWorkbook workbook, short dataFormat, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(dataFormat);
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }

        private static Font font(XSSFWorkbook workbook, boolean bold, short points, IndexedColors color) {
            Font font = workbook.createFont();
            font.setBold(bold);
            font.setFontHeightInPoints(points);
            font.setColor(color.getIndex());
            return font;
        }
    }
}
