package org.opencets.allocation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.directory.UnitCategory;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.Uscc;

/**
 * The workbook of verified figures for years verified outside the platform (核查数据): one sheet {@value #SHEET}, an
 * entity line per emitter (机组编号 blank: its verified and compliance emissions) followed by a line per unit. Reading
 * is all or nothing: every problem is reported with the row number as Excel shows it (field {@code row.N}; problems
 * of the file as a whole have the field {@value #FILE_FIELD}).
 */
final class VerifiedFiguresWorkbook {

    static final String SHEET = "核查数据";
    static final String FILE_FIELD = "file";
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    /** numeric(16,2) of allocation.basis and basis_unit; capacity and hours are numeric(8,2). */
    private static final BigDecimal FIGURE_LIMIT = AllocationBasis.FIGURE; // the same limits as the import itself checks
    private static final BigDecimal SMALL_LIMIT = AllocationBasis.CAPACITY;

    /** The columns, in order; the header row must show exactly these titles. */
    enum Column {
        USCC("统一社会信用代码", 22), UNIT("机组编号", 14), VERIFIED_TOTAL("经核查排放量(t)", 18), VERIFIED_COMPLIANCE("履约口径排放量(t)", 18),
        CATEGORY("机组类别", 10), CAPACITY("额定容量MW", 12), GENERATION("发电量MWh", 16), HEAT("供热量GJ", 16), HOURS("运行小时数h", 13),
        UNIT_EMISSIONS("机组排放量(t)", 16);

        final String title;
        final int width;

        Column(String title, int width) {
            this.title = title;
            this.width = width;
        }
    }

    private static final List<Column> ENTITY_ONLY = List.of(Column.VERIFIED_TOTAL, Column.VERIFIED_COMPLIANCE);
    private static final List<Column> UNIT_ONLY = List.of(Column.CATEGORY, Column.CAPACITY, Column.GENERATION, Column.HEAT, Column.HOURS,
            Column.UNIT_EMISSIONS);

    sealed interface Result permits Parsed, Rejected {
    }

    /**
     * The file's emitters in file order, and the row of each entity line ({@code uscc}) and unit line ({@code uscc/unit}),
     * so that a refusal of the import names the row.
     */
    record Parsed(List<AllocationBasis.EntityFigures> entities, Map<String, Integer> rows) implements Result {

        Parsed {
            entities = List.copyOf(entities);
            rows = Map.copyOf(rows);
        }
    }

    record Rejected(List<FieldViolation> violations) implements Result {

        Rejected {
            violations = List.copyOf(violations);
        }
    }

    private VerifiedFiguresWorkbook() {
    }

    // ---- the template -----------------------------------------------------------------------------

    static byte[] template(int year) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            var format = workbook.createDataFormat();
            CellStyle title = workbook.createCellStyle();
            title.setFont(font(workbook, true, 13, IndexedColors.BLACK));
            CellStyle hint = workbook.createCellStyle();
            hint.setFont(font(workbook, false, 10, IndexedColors.GREY_50_PERCENT));
            hint.setWrapText(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(font(workbook, true, 11, IndexedColors.BLACK));
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setDataFormat(format.getFormat("@"));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(format.getFormat("0.00"));

            Row t = sheet.createRow(0);
            t.createCell(0).setCellValue(year + "年度核查数据（配额分配依据）导入模板");
            t.getCell(0).setCellStyle(title);
            Row h = sheet.createRow(1);
            h.setHeightInPoints(48);
            h.createCell(0).setCellValue("每个重点排放单位先填一行单位合计（机组编号留空，填经核查排放量和履约口径排放量），其后每台机组一行"
                    + "（统一社会信用代码可留空，填机组数据）。机组类别 I–IV、额定容量可不填（取名录）；常规燃煤机组需填运行小时数。"
                    + "数值单位：吨二氧化碳（t）、MW、MWh、GJ、小时，最多两位小数。全部数据无误才导入，否则不导入任何数据。");
            h.getCell(0).setCellStyle(hint);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Column.values().length - 1));
            Row head = sheet.createRow(2);
            for (Column c : Column.values()) {
                Cell cell = head.createCell(c.ordinal());
                cell.setCellValue(c.title);
                cell.setCellStyle(header);
                sheet.setColumnWidth(c.ordinal(), c.width * 256);
                sheet.setDefaultColumnStyle(c.ordinal(), c == Column.USCC || c == Column.UNIT || c == Column.CATEGORY ? text : number);
            }
            sheet.createFreezePane(0, 3);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation categories = helper.createValidation(helper.createExplicitListConstraint(new String[] {"I", "II", "III", "IV"}),
                    new CellRangeAddressList(3, MAX_ROWS + 2, Column.CATEGORY.ordinal(), Column.CATEGORY.ordinal()));
            categories.setShowErrorBox(true);
            categories.createErrorBox("机组类别", "I 常规燃煤≥400MW / II 常规燃煤<400MW / III 非常规燃煤 / IV 燃气");
            categories.setShowPromptBox(true);
            categories.createPromptBox("机组类别", "I 常规燃煤≥400MW / II 常规燃煤<400MW / III 非常规燃煤 / IV 燃气");
            categories.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
            sheet.addValidationData(categories);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the verified figures template", e);
        }
    }

    private static Font font(XSSFWorkbook workbook, boolean bold, int points, IndexedColors color) {
        Font f = workbook.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints((short) points);
        f.setColor(color.getIndex());
        return f;
    }

    // ---- reading ----------------------------------------------------------------------------------

    static Result read(byte[] content) {
        if (content == null || content.length == 0) {
            return rejected("noFile", "Choose an .xlsx file to upload");
        }
        if (content.length > MAX_BYTES) {
            return rejected("tooLarge", "The file is larger than {0}", "5 MB");
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            return rejected("notExcel", "Not an Excel workbook (.xlsx)"); // not a zip, an .xls, a .csv, corrupt, encrypted: POI fails in many ways
        }
        try {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return rejected("sheetMissing", "The workbook has no sheet {0}", SHEET);
            }
            return new Reader(sheet).read();
        } finally {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // an in-memory package: nothing to release
            }
        }
    }

    private static Rejected rejected(String what, String message, Object... args) {
        return new Rejected(List.of(FieldViolation.of(FILE_FIELD, "allocation.tables.import." + what, message, args)));
    }

    /** One line of the sheet: its Excel row number and the text of each column. */
    private record Line(int number, Map<Column, String> text, Map<Column, Cell> cells) {

        String get(Column c) {
            return text.get(c).strip();
        }

        boolean blank(Column c) {
            return get(c).isEmpty();
        }
    }

    /** An emitter being assembled from its entity line and its unit lines. */
    private static final class Entity {
        final Uscc uscc;
        final int row;
        final BigDecimal total;
        final BigDecimal compliance;
        final List<VerifiedBasis.Unit> units = new ArrayList<>();

        Entity(Uscc uscc, int row, BigDecimal total, BigDecimal compliance) {
            this.uscc = uscc;
            this.row = row;
            this.total = total;
            this.compliance = compliance;
        }
    }

    private static final class Reader {
        private final Sheet sheet;
        private final List<FieldViolation> problems = new ArrayList<>();

        Reader(Sheet sheet) {
            this.sheet = sheet;
        }

        Result read() {
            Row header = null;
            for (Row row : sheet) {
                if (Column.USCC.title.equals(text(row.getCell(0)).strip())) {
                    header = row;
                    break;
                }
            }
            if (header == null) {
                return rejected("noHeader", "No header row: the sheet {0} must have the template''s column titles, the first being {1}", SHEET,
                        Column.USCC.title);
            }
            List<String> expected = java.util.Arrays.stream(Column.values()).map(c -> c.title).toList();
            List<String> found = new ArrayList<>();
            for (int c = 0; c < Math.max(header.getLastCellNum(), 0); c++) {
                found.add(text(header.getCell(c)).strip());
            }
            while (!found.isEmpty() && found.getLast().isEmpty()) {
                found.removeLast();
            }
            if (!found.equals(expected)) {
                return rejected("columns", "The header row must be exactly: {0}", String.join(" | ", expected));
            }
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() <= header.getRowNum()) {
                    continue;
                }
                Map<Column, String> text = new java.util.EnumMap<>(Column.class);
                Map<Column, Cell> cells = new java.util.EnumMap<>(Column.class);
                boolean blank = true;
                for (Column c : Column.values()) {
                    Cell cell = row.getCell(c.ordinal());
                    String t = text(cell);
                    blank &= t.isBlank();
                    text.put(c, t);
                    cells.put(c, cell);
                }
                int number = row.getRowNum() + 1;
                for (int c = Column.values().length; c < Math.max(row.getLastCellNum(), 0); c++) {
                    if (!text(row.getCell(c)).isBlank()) {
                        problem(number, "strayCell", "A value lies right of the last column ({0})", CellReference.convertNumToColString(c));
                        blank = false;
                        break;
                    }
                }
                if (blank) {
                    continue;
                }
                if (lines.size() == MAX_ROWS) {
                    return rejected("tooManyRows", "The file has more than {0} rows", String.valueOf(MAX_ROWS));
                }
                lines.add(new Line(number, text, cells));
            }
            if (lines.isEmpty()) {
                return rejected("empty", "The file has no data rows");
            }
            return lines(lines);
        }

        private Result lines(List<Line> lines) {
            // where each emitter's entity line is, to tell a unit line above its entity line from one without any
            Map<Uscc, Integer> entityRows = new HashMap<>();
            for (Line l : lines) {
                if (l.blank(Column.UNIT) && !l.blank(Column.USCC)) {
                    uscc(l, false).ifPresent(u -> entityRows.putIfAbsent(u, l.number()));
                }
            }
            Map<Uscc, Entity> entities = new LinkedHashMap<>();
            Map<String, Integer> rows = new HashMap<>();
            Entity current = null;
            boolean anyEntityLine = false;
            for (Line l : lines) {
                if (l.blank(Column.UNIT)) {
                    current = entityLine(l, entities, rows);
                    anyEntityLine = true;
                } else {
                    unitLine(l, current, anyEntityLine, entities, entityRows, rows);
                }
            }
            if (!problems.isEmpty()) {
                return new Rejected(problems);
            }
            List<AllocationBasis.EntityFigures> figures = entities.values().stream()
                    .map(e -> new AllocationBasis.EntityFigures(e.uscc, e.total, e.compliance, e.units)).toList();
            return new Parsed(figures, rows);
        }

        /** An entity line; the emitter it opens (null when the line is wrong: its unit lines are then not checked against it). */
        private Entity entityLine(Line l, Map<Uscc, Entity> entities, Map<String, Integer> rows) {
            if (l.blank(Column.USCC)) {
                problem(l.number(), "usccMissing", "Give the USCC (an entity line) or the unit code (a unit line)");
                return null;
            }
            Optional<Uscc> uscc = uscc(l, true);
            for (Column c : UNIT_ONLY) {
                if (!l.blank(c)) {
                    problem(l.number(), "unitFiguresOnEntityLine", "An entity line (unit code blank) has no {0}: give unit figures on a line of their own",
                            c.title);
                    break;
                }
            }
            BigDecimal total = number(l, Column.VERIFIED_TOTAL, true, FIGURE_LIMIT);
            BigDecimal compliance = number(l, Column.VERIFIED_COMPLIANCE, true, FIGURE_LIMIT);
            if (uscc.isEmpty()) {
                return null;
            }
            if (entities.containsKey(uscc.get())) {
                problem(l.number(), "duplicateEntity", "{0} already has its entity line in row {1}", uscc.get().value(),
                        String.valueOf(entities.get(uscc.get()).row));
                return null;
            }
            Entity e = new Entity(uscc.get(), l.number(), total, compliance);
            entities.put(e.uscc, e);
            rows.put(e.uscc.value(), l.number());
            return e;
        }

        private void unitLine(Line l, Entity current, boolean anyEntityLine, Map<Uscc, Entity> entities, Map<Uscc, Integer> entityRows,
                Map<String, Integer> rows) {
            Entity owner = current;
            if (!l.blank(Column.USCC)) {
                Optional<Uscc> uscc = uscc(l, true);
                if (uscc.isEmpty()) {
                    owner = null;
                } else if (entities.containsKey(uscc.get())) {
                    owner = entities.get(uscc.get());
                } else if (entityRows.containsKey(uscc.get())) {
                    problem(l.number(), "unitBeforeEntity", "The unit line of {0} comes before its entity line (row {1})", uscc.get().value(),
                            String.valueOf(entityRows.get(uscc.get())));
                    owner = null;
                } else {
                    problem(l.number(), "missingEntityLine", "{0} has no entity line (a line with its USCC and the unit code blank)",
                            uscc.get().value());
                    owner = null;
                }
            } else if (!anyEntityLine) {
                problem(l.number(), "unitBeforeAnyEntity", "A unit line before any entity line: put the emitter''s entity line first");
            }
            for (Column c : ENTITY_ONLY) {
                if (!l.blank(c)) {
                    problem(l.number(), "entityFiguresOnUnitLine", "A unit line has no {0}: give it on the emitter''s entity line", c.title);
                    break;
                }
            }
            UnitCategory category = null;
            if (!l.blank(Column.CATEGORY)) {
                category = category(l.get(Column.CATEGORY));
                if (category == null) {
                    problem(l.number(), "unknownCategory", "Unknown unit category {0}: I, II, III or IV", l.get(Column.CATEGORY));
                }
            }
            BigDecimal capacity = number(l, Column.CAPACITY, false, SMALL_LIMIT);
            if (capacity != null && capacity.signum() <= 0) {
                problem(l.number(), "capacity", "The rated capacity must be above 0 MW");
            }
            BigDecimal generation = number(l, Column.GENERATION, true, FIGURE_LIMIT);
            BigDecimal heat = number(l, Column.HEAT, true, FIGURE_LIMIT);
            BigDecimal hours = number(l, Column.HOURS, false, SMALL_LIMIT);
            BigDecimal emissions = number(l, Column.UNIT_EMISSIONS, true, FIGURE_LIMIT);
            if (owner != null) {
                String unit = l.get(Column.UNIT);
                owner.units.add(new VerifiedBasis.Unit(unit, category, capacity, generation, heat, hours, emissions));
                rows.putIfAbsent(owner.uscc.value() + "/" + unit, l.number());
            }
        }

        private Optional<Uscc> uscc(Line l, boolean report) {
            try {
                return Optional.of(Uscc.of(l.get(Column.USCC)));
            } catch (InvalidValueException e) {
                if (report) {
                    problems.add(new FieldViolation("row." + l.number(), e.messageKey(), e.getMessage(), List.of(e.arguments())));
                }
                return Optional.empty();
            }
        }

        /** A number of at most 2 decimals below {@code limit}; null when blank (a problem if required) or wrong. */
        private BigDecimal number(Line l, Column c, boolean required, BigDecimal limit) {
            Cell cell = l.cells().get(c);
            String text = l.get(c);
            if (text.isEmpty()) {
                if (required) {
                    problem(l.number(), "missing", "{0} is missing", c.title);
                }
                return null;
            }
            BigDecimal v = null;
            if (cell != null && type(cell) == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
                double d = cell.getNumericCellValue();
                if (Double.isFinite(d)) {
                    v = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros(); // a formula's binary noise is not a decimal
                }
            } else if (cell == null || type(cell) == CellType.STRING) {
                try {
                    v = new BigDecimal(text.replace(",", "").replace("，", "").replace(" ", "").replace("\u3000", ""));
                } catch (NumberFormatException e) {
                    v = null;
                }
            }
            if (v == null) {
                problem(l.number(), "notNumber", "{0}: \"{1}\" is not a number", c.title, text);
                return null;
            }
            if (v.scale() > 2) {
                problem(l.number(), "decimals", "{0}: {1} has more than 2 decimals", c.title, v.toPlainString());
                return null;
            }
            if (v.abs().compareTo(limit) >= 0) {
                problem(l.number(), "tooBig", "{0}: {1} is too large", c.title, v.toPlainString());
                return null;
            }
            return v.scale() < 0 ? v.setScale(0) : v;
        }

        private void problem(int row, String what, String message, Object... args) {
            problems.add(FieldViolation.of("row." + row, "allocation.tables.import." + what, message, args));
        }
    }

    /** I–IV, also as Ⅰ–Ⅳ, lower case, or with 类 (Ⅰ类). */
    static UnitCategory category(String text) {
        String t = text.strip().toUpperCase().replace("类", "").replace("Ⅰ", "I").replace("Ⅱ", "II").replace("Ⅲ", "III").replace("Ⅳ", "IV").strip();
        for (UnitCategory c : UnitCategory.values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        return null;
    }

    /** A cell as text: numbers plainly, formulas by their cached result, errors by their code, missing cells as "". */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (type(cell)) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? String.valueOf(cell.getLocalDateTimeCellValue().toLocalDate())
                    : Double.isFinite(cell.getNumericCellValue()) ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                            : String.valueOf(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
