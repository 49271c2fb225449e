package org.opencets.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.directory.EmitterImportWorkbook.Column;
import org.opencets.directory.EmitterImportWorkbook.Kind;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.Uscc;

/**
 * The downloadable import template: the two data sheets with their header row and one example row,
 * and a sheet of instructions listing the allowed values. Text columns are formatted as text so that
 * codes keep their leading zeros; date columns as yyyy-mm-dd.
 */
final class EmitterImportTemplate {

    /** The example rows' USCC ("EXAMPLE00" as organisation code). A row that still uses it is refused. */
    static final String EXAMPLE_USCC = "91330206EXAMPLE00" + Uscc.checkCharacter("91330206EXAMPLE00");

    static final String FILE_NAME = "重点排放单位及机组导入模板.xlsx";
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int FORMATTED_ROWS = EmitterImportWorkbook.MAX_ROWS + 1;

    private static final Map<EmitterStatus, String> STATUS = Map.of(
            EmitterStatus.NORMAL, "正常经营 (normal operation)",
            EmitterStatus.ALL_FACILITIES_SHUT, "全部设施关停，法人存续 (all facilities shut, legal entity survives)",
            EmitterStatus.LEGAL_OR_DEBT_RISK, "存在法律、债务或司法冻结风险 (legal, debt or judicial-freeze risk)",
            EmitterStatus.DISSOLVED, "已注销 (licence cancelled)");
    private static final Map<UnitCategory, String> CATEGORY = Map.of(
            UnitCategory.I, "300MW 等级以上常规燃煤机组 (conventional coal ≥ 400 MW)",
            UnitCategory.II, "300MW 等级及以下常规燃煤机组 (conventional coal < 400 MW)",
            UnitCategory.III, "燃煤矸石、煤泥、水煤浆等非常规燃煤机组（含燃煤循环流化床）(unconventional coal, CFB)",
            UnitCategory.IV, "燃气机组 (natural gas)");
    private static final Map<CoolingType, String> COOLING = Map.of(
            CoolingType.WATER, "水冷 (water)", CoolingType.AIR, "空冷 (air)", CoolingType.BACK_PRESSURE, "背压 (back pressure)");

    private EmitterImportTemplate() {
    }

    static byte[] build() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet emitters = dataSheet(workbook, styles, EmitterImportWorkbook.EMITTER_SHEET, EmitterImportWorkbook.EMITTER_COLUMNS,
                    List.of(EXAMPLE_USCC, "示例：宁波某某热电有限公司", "330206", "4412", EmitterStatus.NORMAL.name(),
                            "浙江省宁波市北仑区某某路1号", "张三", "李四", "0574-87000000", "energy@example.com"));
            choices(emitters, EmitterImportWorkbook.EMITTER_COLUMNS, "industryCode",
                    IndustryCode.covered().stream().map(IndustryCode::code).toArray(String[]::new));
            choices(emitters, EmitterImportWorkbook.EMITTER_COLUMNS, "status", names(EmitterStatus.values()));
            Sheet units = dataSheet(workbook, styles, EmitterImportWorkbook.UNIT_SHEET, EmitterImportWorkbook.UNIT_COLUMNS,
                    List.of(EXAMPLE_USCC, "示例热电厂", "1号机组", 300, UnitCategory.II.name(), Fuel.BITUMINOUS.name() + ";" + Fuel.FUEL_OIL.name(),
                            CoolingType.WATER.name(), LocalDate.of(2010, 6, 30), ""));
            choices(units, EmitterImportWorkbook.UNIT_COLUMNS, "category", names(UnitCategory.values()));
            choices(units, EmitterImportWorkbook.UNIT_COLUMNS, "coolingType", names(CoolingType.values()));
            notes(workbook, styles);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the import template", e);
        }
    }

    private static Sheet dataSheet(XSSFWorkbook workbook, Styles styles, String name, List<Column> columns, List<Object> example) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        Row sample = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            CellStyle style = switch (column.kind()) {
                case TEXT -> styles.text;
                case NUMBER -> styles.number;
                case DATE -> styles.date;
            };
            sheet.setColumnWidth(c, column.width() * 256);
            sheet.setDefaultColumnStyle(c, style);
            Cell title = header.createCell(c);
            title.setCellValue(column.header());
            title.setCellStyle(styles.header);
            Cell cell = sample.createCell(c);
            cell.setCellStyle(style);
            switch (example.get(c)) {
                case Number n when column.kind() == Kind.NUMBER -> cell.setCellValue(n.doubleValue());
                case LocalDate d -> cell.setCellValue(d);
                case Object o when o.toString().isEmpty() -> cell.setBlank();
                case Object o -> cell.setCellValue(o.toString());
            }
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** A drop-down of the allowed values (a warning only: the import checks the values anyway). */
    private static void choices(Sheet sheet, List<Column> columns, String field, String[] values) {
        int c = columns.stream().map(Column::field).toList().indexOf(field);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, FORMATTED_ROWS - 1, c, c));
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.createErrorBox("取值不在允许范围", "请从下拉列表选择（见“说明”工作表）。Choose one of the listed values.");
        validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        sheet.addValidationData(validation);
    }

    private static void notes(XSSFWorkbook workbook, Styles styles) {
        Sheet sheet = workbook.createSheet(EmitterImportWorkbook.NOTES_SHEET);
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 26 * 256);
        sheet.setColumnWidth(2, 22 * 256);
        sheet.setColumnWidth(3, 10 * 256);
        sheet.setColumnWidth(4, 90 * 256);
        Lines lines = new Lines(sheet, styles);
        lines.title("重点排放单位和机组导入模板 — 填写说明 (Import template — instructions)");
        lines.text("1. 在“重点排放单位”工作表每行填写一家重点排放单位，在“机组”工作表每行填写一台发电机组。第 1 行是表头，请勿修改表头、增删列或调整列的顺序。");
        lines.text("   One key emitter per row on sheet “重点排放单位”, one generating unit per row on sheet “机组”. Keep row 1 (the header) and the columns as they are.");
        lines.text("2. 第 2 行是示例（统一社会信用代码 " + EXAMPLE_USCC + "），请改为实际数据或删除；仍使用示例代码的行会被拒绝。");
        lines.text("   Row 2 is an example: overwrite or delete it. Rows still using the example USCC are refused.");
        lines.text("3. 只要有一行有错误，整个文件都不导入。系统会列出每一处错误（工作表、行号、列、原因），请修改后重新上传整个文件。");
        lines.text("   If any row is wrong nothing is imported; every error is listed with sheet, row, column and reason. Fix them and upload the whole file again.");
        lines.text("4. 只接受 .xlsx 文件，不超过 5 MB，两个工作表合计不超过 " + EmitterImportWorkbook.MAX_ROWS + " 行数据。");
        lines.text("   Only .xlsx files of at most 5 MB and " + EmitterImportWorkbook.MAX_ROWS + " data rows (both sheets together).");
        lines.text("5. 只能导入本辖区内的重点排放单位；机组所属单位必须在本文件中，或已在名录中且属于本辖区。统一社会信用代码不得与名录中已有单位重复。");
        lines.text("   Only emitters inside your jurisdiction. A unit's emitter must be in this file or already in the directory within your jurisdiction.");
        lines.blank();

        lines.headers("工作表 Sheet", "列 Column", "字段 Field", "必填 Required", "说明和允许值 Meaning and allowed values");
        String emitters = EmitterImportWorkbook.EMITTER_SHEET;
        lines.row(emitters, "A 统一社会信用代码", "uscc", "是", "18 位统一社会信用代码（GB 32100-2015），含校验位 (18-character USCC with its check character)");
        lines.row(emitters, "B 单位名称", "name", "是", "不超过 200 字 (at most 200 characters)");
        lines.row(emitters, "C 行政区划代码", "regionCode", "是", "区县级 6 位代码（GB/T 2260），如北仑区 330206 (6-digit district code)");
        lines.row(emitters, "D 行业代码", "industryCode", "是", "纳入全国碳市场的 4 位国民经济行业代码，见下表 (covered GB/T 4754-2017 class, see below)");
        lines.row(emitters, "E 经营状态", "status", "是", "见下表代码 (a status code, see below)");
        lines.row(emitters, "F 地址", "address", "否", "");
        lines.row(emitters, "G 法定代表人", "legalRepresentative", "否", "");
        lines.row(emitters, "H 联系人", "contactName", "否", "");
        lines.row(emitters, "I 联系电话", "contactPhone", "否", "数字、空格、+ - ( )，5–40 位，如 0574-87000000");
        lines.row(emitters, "J 电子邮箱", "contactEmail", "否", "如 energy@example.com");
        String units = EmitterImportWorkbook.UNIT_SHEET;
        lines.row(units, "A 所属单位统一社会信用代码", "emitterUscc", "是", "本文件“重点排放单位”中的单位，或名录中本辖区已有的单位 (an emitter of this file or of the directory)");
        lines.row(units, "B 设施名称", "facilityName", "是", "机组所在的设施（厂区）；同名设施自动合并 (units with the same facility name share the facility)");
        lines.row(units, "C 机组编号", "unitCode", "是", "同一单位内不得重复，如 1号机组 (unique within the emitter)");
        lines.row(units, "D 额定装机容量MW", "ratedCapacityMw", "是", "大于 0、不超过 5000 的数字，最多 2 位小数 (MW, > 0, ≤ 5000, 2 decimals)");
        lines.row(units, "E 机组类别", "category", "是", "I、II、III 或 IV，见下表 (see below)");
        lines.row(units, "F 燃料类型", "fuels", "是", "一种或多种燃料代码，用英文分号分隔，如 BITUMINOUS;FUEL_OIL (fuel codes separated by semicolons)");
        lines.row(units, "G 冷却方式", "coolingType", "是", "见下表代码 (see below)");
        lines.row(units, "H 投运日期", "commissioningDate", "是", "yyyy-mm-dd，如 2010-06-30");
        lines.row(units, "I 关停日期", "shutdownDate", "否", "yyyy-mm-dd，不早于投运日期；仍在运行则留空 (blank while operating)");
        lines.blank();

        lines.headers("经营状态 status", "代码 Code", "", "", "含义 Meaning");
        for (EmitterStatus status : EmitterStatus.values()) {
            lines.row("", status.name(), "", "", STATUS.getOrDefault(status, ""));
        }
        lines.blank();
        lines.headers("机组类别 category", "代码 Code", "", "", "含义 Meaning");
        for (UnitCategory category : UnitCategory.values()) {
            lines.row("", category.name(), "", "", CATEGORY.getOrDefault(category, ""));
        }
        lines.blank();
        lines.headers("燃料 fuels", "代码 Code", "", "", "含义 Meaning");
        for (Fuel fuel : Fuel.values()) {
            lines.row("", fuel.name(), "", "", fuel.chineseName());
        }
        lines.blank();
        lines.headers("冷却方式 coolingType", "代码 Code", "", "", "含义 Meaning");
        for (CoolingType cooling : CoolingType.values()) {
            lines.row("", cooling.name(), "", "", COOLING.getOrDefault(cooling, ""));
        }
        lines.blank();
        lines.headers("行业代码 industryCode", "代码 Code", "行业 Sector", "", "名称 Name");
        for (IndustryCode industry : IndustryCode.covered()) {
            lines.row("", industry.code(), industry.sector().name(), "", industry.nameZh() + " (" + industry.nameEn() + ")");
        }
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle title;
        final CellStyle plain;

        Styles(XSSFWorkbook workbook) {
            var format = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setDataFormat(format.getFormat("@"));
            text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            number = workbook.createCellStyle();
            number.setDataFormat(format.getFormat("General"));
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = workbook.createCellStyle();
            title.setFont(big);
            plain = workbook.createCellStyle();
            plain.setDataFormat(format.getFormat("@"));
        }
    }

    /** Writes the instructions sheet line by line. */
    private static final class Lines {
        private final Sheet sheet;
        private final Styles styles;
        private int next;

        Lines(Sheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void title(String text) {
            cell(sheet.createRow(next++), 0, text, styles.title);
        }

        void text(String text) {
            cell(sheet.createRow(next++), 0, text, styles.plain);
        }

        void blank() {
            next++;
        }

        void headers(String... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c], styles.header);
            }
        }

        void row(String... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                if (!values[c].isEmpty()) {
                    cell(row, c, values[c], styles.plain);
                }
            }
        }

        private static void cell(Row row, int c, String value, CellStyle style) {
            Cell cell = row.createCell(c);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
