package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.accounting.Figure;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * The official allocation tables as Excel (seed 003 §一 §三 §五): the unit-level final allocation detail
 * (机组核定配额明细表) and the entity-level actual issuance summary (重点排放单位核定配额实际发放汇总表), each for a year
 * and what the user may see. The column titles are those of the official tables and therefore Chinese whatever the
 * user's language; numbers are numeric cells (whole tonnes as integers).
 */
@Component
class AllocationTables {

    static final String UNITS_TITLE = "机组核定配额明细表";
    static final String SUMMARY_TITLE = "重点排放单位核定配额实际发放汇总表";
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The title is row 1, the note row 2, the column titles row 3; data from row 4 (Excel's numbering). */
    static final int HEADER_ROW = 2;

    static final String ACCOUNT_EMITTER = "重点排放单位账户";
    static final String ACCOUNT_PROVINCIAL = "省级生态环境主管部门账户";
    static final String ACCOUNT_NONE = "不发放";
    static final String STATUS_OPEN = "未核定";
    static final String STATUS_PRE = "已预分配";
    static final String STATUS_FINAL = "已核定";
    static final String STATUS_CORRECTION = "需更正";
    static final String TOTAL = "合计";

    /** Seed 003 §一's wording of the special cases for the column 需特殊说明的事项. */
    static final Map<SpecialCaseKind, String> SPECIAL_CASES = Map.of(
            SpecialCaseKind.FACILITIES_SHUT, "全部排放设施关停或淘汰后仍存续",
            SpecialCaseKind.LEGAL_RISK, "涉法、涉诉、涉债或涉司法冻结等情况存在履约风险",
            SpecialCaseKind.DISSOLVED, "全部排放设施关停或淘汰后不再存续（营业执照已注销）");

    /** How a column's numbers are shown. */
    enum Kind { TEXT, INTEGER, INDEX, DECIMAL, FACTOR, PERCENT }

    record Column(String title, int width, Kind kind) {
    }

    static final List<Column> UNIT_COLUMNS = List.of(
            new Column("序号", 6, Kind.INDEX), new Column("省份", 10, Kind.TEXT), new Column("重点排放单位名称", 34, Kind.TEXT),
            new Column("统一社会信用代码", 22, Kind.TEXT), new Column("机组编号", 14, Kind.TEXT), new Column("机组类别", 9, Kind.TEXT),
            new Column("额定容量(MW)", 12, Kind.DECIMAL), new Column("发电量(MWh)", 16, Kind.DECIMAL), new Column("供热量(GJ)", 16, Kind.DECIMAL),
            new Column("运行小时数(h)", 13, Kind.DECIMAL), new Column("负荷率", 10, Kind.PERCENT), new Column("负荷修正系数", 12, Kind.FACTOR),
            new Column("供电基准值", 11, Kind.FACTOR), new Column("供热基准值", 11, Kind.FACTOR), new Column("电量配额", 16, Kind.DECIMAL),
            new Column("热量配额", 14, Kind.DECIMAL), new Column("机组核定配额(基准法)", 18, Kind.INTEGER), new Column("燃气机组补足量", 14, Kind.INTEGER),
            new Column("机组核定配额合计", 16, Kind.INTEGER));

    static final List<Column> SUMMARY_COLUMNS = List.of(
            new Column("序号", 6, Kind.INDEX), new Column("省份", 10, Kind.TEXT), new Column("重点排放单位名称", 34, Kind.TEXT),
            new Column("统一社会信用代码", 22, Kind.TEXT), new Column("经核查排放量(tCO2)", 18, Kind.DECIMAL), new Column("应清缴配额量", 14, Kind.INTEGER),
            new Column("机组核定配额合计", 16, Kind.INTEGER), new Column("缺口调整量", 12, Kind.INTEGER), new Column("应发配额量", 14, Kind.INTEGER),
            new Column("预分配已发放量", 15, Kind.INTEGER), new Column("预支扣减量", 12, Kind.INTEGER), new Column("核定后补发/收回量", 17, Kind.INTEGER),
            new Column("实发配额量合计", 15, Kind.INTEGER), new Column("发放账户", 24, Kind.TEXT), new Column("需特殊说明的事项", 40, Kind.TEXT),
            new Column("状态", 9, Kind.TEXT));

    /** One unit of an emitter with a final allocation, as the detail table shows it. */
    record UnitRow(String province, String emitterName, String uscc, String unit, String category, BigDecimal ratedCapacityMw, BigDecimal generationMwh,
            BigDecimal heatGj, BigDecimal operatingHours, BigDecimal loadRate, BigDecimal loadFactor, BigDecimal electricityBenchmark,
            BigDecimal heatBenchmark, BigDecimal electricityAllowance, BigDecimal heatAllowance, Long benchmarkAllowance, Long gasTopUp,
            long unitTotal) {

        List<Object> cells(int no) {
            return java.util.Arrays.asList(no, province, emitterName, uscc, unit, category, ratedCapacityMw, generationMwh, heatGj, operatingHours,
                    loadRate, loadFactor, electricityBenchmark, heatBenchmark, electricityAllowance, heatAllowance, benchmarkAllowance, gasTopUp,
                    unitTotal);
        }
    }

    /** One emitter of the year, as the summary table shows it. */
    record SummaryRow(String province, String emitterName, String uscc, BigDecimal verifiedEmissions, Long obligation, Long unitsTotal,
            Long gapCapTopUp, Long allocationDue, long preAllocated, long borrowed, long finalIssued, long issued, String account, String specialNote,
            String status) {

        List<Object> cells(int no) {
            return java.util.Arrays.asList(no, province, emitterName, uscc, verifiedEmissions, obligation, unitsTotal, gapCapTopUp, allocationDue,
                    preAllocated, borrowed, finalIssued, issued, account, specialNote, status);
        }
    }

    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Allocations allocations;
    private final BasisStore bases;
    private final Regions regions;
    private final WorkClock clock;

    AllocationTables(Allocations allocations, BasisStore bases, Regions regions, WorkClock clock) {
        this.allocations = allocations;
        this.bases = bases;
        this.regions = regions;
        this.clock = clock;
    }

    /** Bureaus, the ministry and the registry operator read the tables; an emitter reads its own rows; nobody else. */
    static void requireReader(CurrentUser user) {
        if (!AllocationAccess.seesYear(user) && user.kind() != OrganisationKind.KEY_EMITTER) {
            throw new AccessDenied("allocation.tables.denied", "Only bureaus, the ministry, the registry operator and emitters read the allocation tables");
        }
    }

    static String unitsFileName(int year) {
        return year + "年度" + UNITS_TITLE + ".xlsx";
    }

    static String summaryFileName(int year) {
        return year + "年度" + SUMMARY_TITLE + ".xlsx";
    }

    // ---- the rows ---------------------------------------------------------------------------------

    /** A row per unit of every emitter in the user's view with a final allocation for the year (its latest). */
    List<UnitRow> unitRows(CurrentUser user, int year) {
        requireReader(user);
        List<UnitRow> rows = new ArrayList<>();
        Map<RegionCode, String> provinces = new HashMap<>();
        for (EntityYear y : allocations.year(user, year)) {
            Optional<AllocationDecision> last = y.finalDecision();
            if (last.isEmpty()) {
                continue;
            }
            AllocationDecision d = last.get();
            Optional<VerifiedBasis> basis = d.basisId() == null ? Optional.empty() : bases.find(d.basisId());
            Map<String, Figure> figures = new HashMap<>();
            d.figures().forEach(f -> figures.put(f.key(), f));
            String province = province(provinces, y.region());
            for (VerifiedBasis.Unit u : basis.map(VerifiedBasis::units).orElse(List.of())) {
                Figure electricity = figures.get("electricity:" + u.unit());
                Figure heat = figures.get("heat:" + u.unit());
                Long benchmark = tonnes(figures.get("benchmark:" + u.unit()));
                Long topUp = tonnes(figures.get("gasTopUp:" + u.unit()));
                long total = (benchmark == null ? 0 : benchmark) + (topUp == null ? 0 : topUp);
                rows.add(new UnitRow(province, d.emitterName(), d.emitter().value(), u.unit(), u.category() == null ? null : u.category().name(),
                        u.ratedCapacityMw(), u.generationMwh(), u.heatGj(), u.operatingHours(), value(figures.get("loadRate:" + u.unit())),
                        value(figures.get("loadFactor:" + u.unit())), input(electricity, "Be"), input(heat, "Bh"), value(electricity), value(heat),
                        benchmark, topUp, total));
            }
        }
        return rows;
    }

    /** A row per power emitter in the user's view, decided or not. */
    List<SummaryRow> summaryRows(CurrentUser user, int year) {
        requireReader(user);
        List<SummaryRow> rows = new ArrayList<>();
        Map<RegionCode, String> provinces = new HashMap<>();
        for (EntityYear y : allocations.year(user, year)) {
            Optional<AllocationDecision> fin = y.finalDecision();
            Optional<AllocationDecision> pre = y.preAllocation();
            Optional<AllocationDecision> latest = y.decisions().isEmpty() ? Optional.empty() : Optional.of(y.decisions().getLast());
            Map<String, Figure> figures = new HashMap<>();
            fin.ifPresent(d -> d.figures().forEach(f -> figures.put(f.key(), f)));
            Optional<VerifiedBasis> basis = fin.isPresent() && fin.get().basisId() != null ? bases.find(fin.get().basisId()) : y.basis();
            long finalIssued = y.decisions().stream().filter(AllocationDecision::isFinal).mapToLong(AllocationDecision::toIssue).sum();
            rows.add(new SummaryRow(province(provinces, y.region()), y.emitterName(), y.emitter().value(),
                    basis.map(VerifiedBasis::verifiedCompliance).orElse(null),
                    fin.map(AllocationDecision::obligation).orElse(null),
                    fin.map(d -> Optional.ofNullable(tonnes(figures.get("unitsTotal"))).orElse(0L)).orElse(null),
                    fin.map(d -> Optional.ofNullable(tonnes(figures.get("gapCapTopUp"))).orElse(0L)).orElse(null),
                    fin.map(AllocationDecision::allocationDue).orElse(null),
                    pre.map(AllocationDecision::toIssue).orElse(0L),
                    fin.map(AllocationDecision::borrowed).orElse(y.borrowed()),
                    finalIssued, y.issued(), latest.map(d -> account(d.account())).orElse(null), special(y, latest), status(y)));
        }
        return rows;
    }

    static String account(AllocationDecision.Account account) {
        return switch (account) {
            case EMITTER -> ACCOUNT_EMITTER;
            case PROVINCIAL -> ACCOUNT_PROVINCIAL;
            case NONE -> ACCOUNT_NONE;
        };
    }

    static String status(EntityYear y) {
        if (y.decisions().isEmpty()) {
            return STATUS_OPEN;
        }
        if (y.finalDecision().isEmpty()) {
            return STATUS_PRE;
        }
        return y.correctionDue() ? STATUS_CORRECTION : STATUS_FINAL;
    }

    /** The special case in force, else the one the latest decision followed: its kind in seed 003's words and its note. */
    private static String special(EntityYear y, Optional<AllocationDecision> latest) {
        if (y.specialCase().isPresent()) {
            return SPECIAL_CASES.get(y.specialCase().get().kind()) + "：" + y.specialCase().get().note();
        }
        return latest.filter(d -> d.specialCase() != null)
                .map(d -> SPECIAL_CASES.get(d.specialCase()) + (d.specialNote() == null ? "" : "：" + d.specialNote())).orElse(null);
    }

    private String province(Map<RegionCode, String> cache, RegionCode region) {
        return cache.computeIfAbsent(region.province(), regions::nameOf);
    }

    private static BigDecimal value(Figure f) {
        return f == null ? null : f.value();
    }

    private static Long tonnes(Figure f) {
        return f == null || f.value() == null ? null : f.value().longValueExact();
    }

    private static BigDecimal input(Figure f, String symbol) {
        return f == null ? null : f.inputs().stream().filter(i -> symbol.equals(i.symbol())).map(Figure.Input::value).findFirst().orElse(null);
    }

    // ---- the workbooks ----------------------------------------------------------------------------

    byte[] unitsWorkbook(CurrentUser user, int year) {
        List<UnitRow> rows = unitRows(user, year);
        List<List<Object>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            cells.add(rows.get(i).cells(i + 1));
        }
        return workbook(year + "年度" + UNITS_TITLE, UNITS_TITLE, note(user), UNIT_COLUMNS, cells, null);
    }

    byte[] summaryWorkbook(CurrentUser user, int year) {
        List<SummaryRow> rows = summaryRows(user, year);
        List<List<Object>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            cells.add(rows.get(i).cells(i + 1));
        }
        return workbook(year + "年度" + SUMMARY_TITLE, SUMMARY_TITLE, note(user), SUMMARY_COLUMNS, cells, totals(rows));
    }

    /** The totals row: every number column summed (a blank counts nothing). */
    static List<Object> totals(List<SummaryRow> rows) {
        BigDecimal verified = BigDecimal.ZERO;
        long[] sums = new long[9];
        for (SummaryRow r : rows) {
            verified = verified.add(r.verifiedEmissions() == null ? BigDecimal.ZERO : r.verifiedEmissions());
            Long[] values = {r.obligation(), r.unitsTotal(), r.gapCapTopUp(), r.allocationDue(), r.preAllocated(), r.borrowed(), r.finalIssued(),
                    r.issued()};
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i] == null ? 0 : values[i];
            }
        }
        return java.util.Arrays.asList(null, null, TOTAL, null, verified, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
                null, null, null);
    }

    private String note(CurrentUser user) {
        return "编制单位：" + user.organisationName() + "　　导出时间：" + EXPORTED.format(LocalDateTime.ofInstant(clock.now(), WorkClock.CHINA))
                + "　　计量单位：配额、排放量为吨二氧化碳（tCO2）";
    }

    static byte[] workbook(String title, String sheetName, String note, List<Column> columns, List<List<Object>> rows, List<Object> totals) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(24);
            text(titleRow, 0, title, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            text(sheet.createRow(1), 0, note, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(30);
            for (int c = 0; c < columns.size(); c++) {
                text(header, c, columns.get(c).title(), styles.header);
                sheet.setColumnWidth(c, columns.get(c).width() * 256);
            }
            int r = HEADER_ROW + 1;
            for (List<Object> values : rows) {
                write(sheet.createRow(r++), columns, values, styles, false);
            }
            if (totals != null) {
                write(sheet.createRow(r), columns, totals, styles, true);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build " + title, e);
        }
    }

    private static void write(Row row, List<Column> columns, List<Object> values, Styles styles, boolean total) {
        for (int c = 0; c < columns.size(); c++) {
            Object v = values.get(c);
            Kind kind = columns.get(c).kind();
            Cell cell = row.createCell(c);
            cell.setCellStyle(styles.of(kind, total));
            switch (v) {
                case null -> {
                }
                case String s -> {
                    cell.setCellStyle(styles.of(Kind.TEXT, total));
                    cell.setCellValue(s);
                }
                case BigDecimal b -> cell.setCellValue(b.doubleValue());
                case Number n -> cell.setCellValue(n.doubleValue());
                default -> cell.setCellValue(v.toString());
            }
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Cell styles per kind of column, for data rows and the bold totals row. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        private final Map<Kind, CellStyle> plain = new java.util.EnumMap<>(Kind.class);
        private final Map<Kind, CellStyle> bold = new java.util.EnumMap<>(Kind.class);

        Styles(XSSFWorkbook workbook) {
            var format = workbook.createDataFormat();
            title = workbook.createCellStyle();
            title.setFont(font(workbook, true, 14));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            note = workbook.createCellStyle();
            note.setFont(font(workbook, false, 10));
            header = workbook.createCellStyle();
            header.setFont(font(workbook, true, 11));
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            bordered(header);
            Font boldFont = font(workbook, true, 11);
            Map<Kind, String> formats = Map.of(Kind.TEXT, "@", Kind.INDEX, "0", Kind.INTEGER, "#,##0", Kind.DECIMAL, "#,##0.00", Kind.FACTOR, "0.0000",
                    Kind.PERCENT, "0.00%");
            for (Kind k : Kind.values()) {
                for (boolean b : new boolean[] {false, true}) {
                    CellStyle s = workbook.createCellStyle();
                    s.setDataFormat(format.getFormat(formats.get(k)));
                    bordered(s);
                    if (k == Kind.INDEX) {
                        s.setAlignment(HorizontalAlignment.CENTER);
                    }
                    if (b) {
                        s.setFont(boldFont);
                    }
                    (b ? bold : plain).put(k, s);
                }
            }
        }

        CellStyle of(Kind kind, boolean total) {
            return (total ? bold : plain).get(kind);
        }

        private static void bordered(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }

        private static Font font(XSSFWorkbook workbook, boolean bold, int points) {
            Font f = workbook.createFont();
            f.setBold(bold);
            f.setFontHeightInPoints((short) points);
            return f;
        }
    }
}
