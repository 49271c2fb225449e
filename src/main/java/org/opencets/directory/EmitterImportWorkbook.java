package org.opencets.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.directory.EmitterImportResult.RowError;

/**
 * The import file's layout (sheets, columns in order) and the reading of an .xlsx into rows of text.
 * Checks only the file's shape — format, sheets, header rows, size; what the rows say is checked by
 * {@link EmitterImport}.
 */
final class EmitterImportWorkbook {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 5000;

    static final String EMITTER_SHEET = "重点排放单位";
    static final String UNIT_SHEET = "机组";
    static final String NOTES_SHEET = "说明";

    /** How a column is formatted in the template. Whatever the format, a cell is read as text. */
    enum Kind { TEXT, NUMBER, DATE }

    /** One column: the field of {@link EmitterForm}/{@link UnitForm} it fills and its header text. */
    record Column(String field, String title, int width, Kind kind) {

        /** The header cell text, e.g. {@code 统一社会信用代码 (uscc)}. */
        String header() {
            return title + " (" + field + ")";
        }
    }

    static final List<Column> EMITTER_COLUMNS = List.of(
            new Column("uscc", "统一社会信用代码", 26, Kind.TEXT),
            new Column("name", "单位名称", 36, Kind.TEXT),
            new Column("regionCode", "行政区划代码", 24, Kind.TEXT),
            new Column("industryCode", "行业代码", 22, Kind.TEXT),
            new Column("status", "经营状态", 22, Kind.TEXT),
            new Column("address", "地址", 40, Kind.TEXT),
            new Column("legalRepresentative", "法定代表人", 30, Kind.TEXT),
            new Column("contactName", "联系人", 20, Kind.TEXT),
            new Column("contactPhone", "联系电话", 24, Kind.TEXT),
            new Column("contactEmail", "电子邮箱", 28, Kind.TEXT));

    static final List<Column> UNIT_COLUMNS = List.of(
            new Column("emitterUscc", "所属单位统一社会信用代码", 36, Kind.TEXT),
            new Column("facilityName", "设施名称", 28, Kind.TEXT),
            new Column("unitCode", "机组编号", 18, Kind.TEXT),
            new Column("ratedCapacityMw", "额定装机容量MW", 32, Kind.NUMBER),
            new Column("category", "机组类别", 18, Kind.TEXT),
            new Column("fuels", "燃料类型", 30, Kind.TEXT),
            new Column("coolingType", "冷却方式", 24, Kind.TEXT),
            new Column("commissioningDate", "投运日期", 30, Kind.DATE),
            new Column("shutdownDate", "关停日期", 24, Kind.DATE));

    static List<Column> columns(String sheet) {
        return UNIT_SHEET.equals(sheet) ? UNIT_COLUMNS : EMITTER_COLUMNS;
    }

    /** The column letter (A, B, …) of a field on a sheet, or null when the sheet has no such column. */
    static String columnLetter(String sheet, String field) {
        List<Column> columns = columns(sheet);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return CellReference.convertNumToColString(i);
            }
        }
        return null;
    }

    /** One non-blank data row: its number as Excel shows it and the text of each column by field. */
    record DataRow(String sheet, int number, Map<String, String> cells) {

        String get(String field) {
            return cells.getOrDefault(field, "");
        }
    }

    /** The outcome of reading a file: its data rows, or why the file cannot be read at all. */
    sealed interface Content permits Rows, Unreadable {
    }

    /** @param strayValues rows with a value right of the last column (reported with the other row errors) */
    record Rows(List<DataRow> emitters, List<DataRow> units, List<RowError> strayValues) implements Content {
    }

    record Unreadable(List<RowError> errors) implements Content {
    }

    private EmitterImportWorkbook() {
    }

    /** Reads an .xlsx file (at most {@link #MAX_BYTES}) into the rows of its two data sheets. */
    static Content read(byte[] content) {
        if (content == null || content.length == 0) {
            return new Unreadable(List.of(RowError.file("import.error.noFile", "Choose an .xlsx file to upload")));
        }
        if (content.length > MAX_BYTES) {
            return new Unreadable(List.of(RowError.file("import.error.tooLarge", "The file is larger than 5 MB", "5 MB")));
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // not a zip, an .xls (OLE2), a .csv, a corrupt or a Strict-OOXML file: POI fails in many ways
            return notExcel();
        }
        try {
            return read(workbook);
        } finally {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // an in-memory package: nothing to release or save
            }
        }
    }

    private static Content read(XSSFWorkbook workbook) {
        List<RowError> errors = new ArrayList<>();
        Sheet emitterSheet = workbook.getSheet(EMITTER_SHEET);
        Sheet unitSheet = workbook.getSheet(UNIT_SHEET);
        if (emitterSheet == null) {
            errors.add(RowError.sheet(EMITTER_SHEET, "import.error.sheetMissing", "The workbook has no sheet of this name", EMITTER_SHEET));
        }
        if (unitSheet == null) {
            errors.add(RowError.sheet(UNIT_SHEET, "import.error.sheetMissing", "The workbook has no sheet of this name", UNIT_SHEET));
        }
        if (emitterSheet != null) {
            checkHeader(emitterSheet, EMITTER_COLUMNS).ifPresent(errors::add);
        }
        if (unitSheet != null) {
            checkHeader(unitSheet, UNIT_COLUMNS).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            return new Unreadable(errors); // the layout is wrong: reading rows would only add noise
        }
        List<DataRow> emitters = new ArrayList<>();
        List<DataRow> units = new ArrayList<>();
        List<RowError> rowErrors = new ArrayList<>();
        if (!dataRows(emitterSheet, EMITTER_COLUMNS, emitters, rowErrors, MAX_ROWS)
                || !dataRows(unitSheet, UNIT_COLUMNS, units, rowErrors, MAX_ROWS - emitters.size())) {
            return new Unreadable(List.of(RowError.file("import.error.tooManyRows", "The file has more than 5000 data rows",
                    String.valueOf(MAX_ROWS))));
        }
        if (emitters.isEmpty() && units.isEmpty()) {
            return new Unreadable(List.of(RowError.file("import.error.empty", "The file has no data rows")));
        }
        return new Rows(List.copyOf(emitters), List.copyOf(units), List.copyOf(rowErrors));
    }

    private static Unreadable notExcel() {
        return new Unreadable(List.of(RowError.file("import.error.notExcel", "Not an Excel workbook (.xlsx)")));
    }

    /** The header row must list exactly the template's columns, in order (blank cells after the last are ignored). */
    private static java.util.Optional<RowError> checkHeader(Sheet sheet, List<Column> columns) {
        List<String> expected = columns.stream().map(Column::header).toList();
        List<String> found = new ArrayList<>();
        Row header = sheet.getRow(0);
        if (header != null) {
            for (int c = 0; c < Math.max(header.getLastCellNum(), 0); c++) {
                found.add(text(header.getCell(c)).strip());
            }
        }
        while (!found.isEmpty() && found.getLast().isEmpty()) {
            found.removeLast();
        }
        if (found.equals(expected)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RowError(sheet.getSheetName(), 1, null, "import.error.columns",
                List.of(sheet.getSheetName(), expected.size(), String.join(" | ", expected), found.size(),
                        found.isEmpty() ? "—" : String.join(" | ", found.stream().map(f -> f.isEmpty() ? "（空）" : f).toList())),
                "The header row does not match the template"));
    }

    /** Collects the non-blank rows below the header; false when there are more than {@code limit}. */
    private static boolean dataRows(Sheet sheet, List<Column> columns, List<DataRow> into, List<RowError> errors, int limit) {
        int count = 0;
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            boolean blank = true;
            for (int c = 0; c < columns.size(); c++) {
                String value = text(row.getCell(c));
                blank &= value.isBlank();
                cells.put(columns.get(c).field(), value);
            }
            String stray = null;
            for (int c = columns.size(); c < Math.max(row.getLastCellNum(), 0); c++) {
                if (!text(row.getCell(c)).isBlank()) {
                    stray = CellReference.convertNumToColString(c);
                    break;
                }
            }
            if (blank && stray == null) {
                continue;
            }
            if (++count > limit) {
                return false;
            }
            int number = row.getRowNum() + 1;
            if (stray != null) {
                errors.add(new RowError(sheet.getSheetName(), number, null, "import.error.strayCell",
                        List.of(stray, CellReference.convertNumToColString(columns.size() - 1)),
                        "A value lies to the right of the last column"));
            }
            into.add(new DataRow(sheet.getSheetName(), number, cells));
        }
        return true;
    }

    /**
     * A cell as text whatever its Excel type: numbers without a trailing ".0", dates as yyyy-mm-dd,
     * formulas by their cached result, blanks and missing cells as "".
     */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? dateText(cell)
                    : plainNumber(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static String dateText(Cell cell) {
        var value = cell.getLocalDateTimeCellValue();
        return value == null ? "" : value.toLocalDate().toString();
    }

    static String plainNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
