package org.opencets.mrv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.opencets.accounting.Figure;
import org.opencets.accounting.FuelYearAccount;
import org.opencets.accounting.Gap;
import org.opencets.accounting.MonthAccount;
import org.opencets.accounting.UnitAccount;
import org.opencets.accounting.Warning;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual report as a PDF (Chinese text in the embedded, subsetted WenQuanYi Micro Hei font, Apache-2.0, shipped in
 * the application so every installation renders it) and as an Excel workbook. Both show the same report view.
 */
@Component
class ReportDocuments {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final MrvLabels labels;
    private final org.opencets.documents.PdfFonts fonts;

    ReportDocuments(MessageSource messages, MrvLabels labels, org.opencets.documents.PdfFonts fonts) {
        this.messages = messages;
        this.labels = labels;
        this.fonts = fonts;
    }

    byte[] pdf(AnnualReportView view, Locale locale) {
        Texts t = new Texts(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 42, 42);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(t.msg("report.pdf.title", view.year()));
        doc.addCreator("OpenCETS");
        doc.open();
        Font title = font(16, Font.BOLD);
        Font h2 = font(12, Font.BOLD);
        Font body = font(9, Font.NORMAL);
        Paragraph heading = new Paragraph(t.msg("report.pdf.title", view.year()), title);
        heading.setAlignment(Element.ALIGN_CENTER);
        doc.add(heading);
        doc.add(new Paragraph(" ", body));
        doc.add(table(body, 2, header(view, t)));
        doc.add(new Paragraph(t.msg("report.summary"), h2));
        doc.add(table(body, 2, summary(view, t)));
        switch (view.figures()) {
            case ReportFigures.Power p -> {
                for (UnitAccount u : p.account().units()) {
                    doc.add(new Paragraph(u.unit(), h2));
                    doc.add(table(body, 5, fuelRows(u, t)));
                    doc.add(new Paragraph(" ", body));
                    doc.add(table(body, 6, monthRows(u, t)));
                    doc.add(new Paragraph(" ", body));
                    doc.add(table(body, 2, indicatorRows(u, t)));
                }
            }
            case ReportFigures.Streams s -> {
                doc.add(new Paragraph(t.msg("report.streams"), h2));
                doc.add(table(body, 4, streamRows(view, s, t)));
            }
        }
        List<String> issues = issues(view, t);
        if (!issues.isEmpty()) {
            doc.add(new Paragraph(t.msg("report.issues"), h2));
            issues.forEach(i -> doc.add(new Paragraph("• " + i, body)));
        }
        if (view.report() != null && !view.report().explanation().isBlank()) {
            doc.add(new Paragraph(t.msg("report.explanation"), h2));
            doc.add(new Paragraph(view.report().explanation(), body));
        }
        if (view.report() != null && !view.report().attachments().isEmpty()) {
            doc.add(new Paragraph(t.msg("report.attachments"), h2));
            view.report().attachments().forEach(a -> doc.add(new Paragraph("• " + a.fileName() + "  SHA-256 " + a.sha256(), body)));
        }
        doc.add(new Paragraph(" ", body));
        doc.add(new Paragraph(t.msg("report.pdf.footer"), font(8, Font.ITALIC)));
        doc.close();
        return out.toByteArray();
    }

    byte[] xlsx(AnnualReportView view, Locale locale) {
        Texts t = new Texts(locale);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            var f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            List<List<String>> summary = new ArrayList<>(header(view, t));
            summary.addAll(summary(view, t));
            issues(view, t).forEach(i -> summary.add(List.of(t.msg("report.issues"), i)));
            sheet(wb, t.msg("report.summary"), summary, bold, 2);
            switch (view.figures()) {
                case ReportFigures.Power p -> {
                    for (UnitAccount u : p.account().units()) {
                        List<List<String>> rows = new ArrayList<>(fuelRows(u, t));
                        rows.add(List.of());
                        rows.addAll(monthRows(u, t));
                        rows.add(List.of());
                        rows.addAll(indicatorRows(u, t));
                        sheet(wb, u.unit(), rows, bold, 0);
                    }
                }
                case ReportFigures.Streams s -> sheet(wb, t.msg("report.streams"), streamRows(view, s, t), bold, 4);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<String>> header(AnnualReportView view, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.msg("report.emitter"), view.emitter().name()));
        rows.add(List.of("USCC", view.emitter().uscc().value()));
        rows.add(List.of(t.msg("report.year"), String.valueOf(view.year())));
        rows.add(List.of(t.msg("report.sector"), t.msg("sector." + view.emitter().sector())));
        AnnualReport r = view.report();
        rows.add(List.of(t.msg("report.status"), r == null ? t.msg("report.none") : "v" + r.reportVersion() + " " + t.msg("reportStatus." + r.status())));
        if (r != null && r.submittedAt() != null) {
            rows.add(List.of(t.msg("report.submittedAt"), TIME.format(r.submittedAt().atZone(CHINA)) + " · " + r.submittedBy()
                    + (r.late() ? " · " + t.msg("report.late") : "")));
            rows.add(List.of(t.msg("report.hash"), r.contentSha256() + " (#" + r.logIndex() + ")"));
        }
        if (view.due() != null) {
            rows.add(List.of(t.msg("report.due"), view.due().due().toString()));
        }
        return rows;
    }

    private List<List<String>> summary(AnnualReportView view, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        switch (view.figures()) {
            case ReportFigures.Power p -> {
                rows.add(List.of(t.msg("report.fuelEmissions"), num(p.account().fuelEmissions())));
                rows.add(List.of(t.msg("report.electricityEmissions"), num(p.account().electricityEmissions())));
            }
            case ReportFigures.Streams s -> {
                rows.add(List.of(t.msg("streamKind.FUEL_COMBUSTION"), num(s.account().fuelCombustion())));
                rows.add(List.of(t.msg("streamKind.PROCESS"), num(s.account().process())));
                rows.add(List.of(t.msg("streamKind.PURCHASED_ELECTRICITY"), num(s.account().purchasedElectricity())));
                rows.add(List.of(t.msg("streamKind.PURCHASED_HEAT"), num(s.account().purchasedHeat())));
            }
        }
        rows.add(List.of(t.msg("report.totalEmissions"), plain(view.figures().totalEmissions()) + " tCO2"));
        rows.add(List.of(t.msg("report.complianceEmissions"), plain(view.figures().complianceEmissions()) + " tCO2"));
        return rows;
    }

    private List<List<String>> fuelRows(UnitAccount u, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.msg("report.fuel"), t.msg("report.consumption"), "NCV", "C_ar", t.msg("report.emissions")));
        for (FuelYearAccount f : u.fuels()) {
            rows.add(List.of(t.msg("fuel." + f.fuel()), num(f.consumption()), num(f.ncv()), num(f.carbon()), num(f.emissions())));
        }
        return rows;
    }

    private List<List<String>> monthRows(UnitAccount u, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.msg("report.month"), t.msg("report.fuelEmissions"), t.msg("report.electricityEmissions"), t.msg("param.GENERATION"),
                t.msg("param.POWER_SUPPLIED"), t.msg("param.HEAT_SUPPLIED")));
        for (MonthAccount m : u.months()) {
            rows.add(List.of(m.month().toString() + (m.approved() ? "" : " " + t.msg("report.notApproved")), num(m.fuelEmissions()),
                    num(m.electricityEmissions()), plain(m.generation()), plain(m.powerSupplied()), plain(m.heatSupplied())));
        }
        rows.add(List.of(t.msg("report.yearTotal"), num(u.fuelEmissions()), num(u.electricityEmissions()), num(u.generation()),
                num(u.powerSupplied()), num(u.heatSupplied())));
        return rows;
    }

    private List<List<String>> indicatorRows(UnitAccount u, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.msg("report.totalEmissions"), num(u.totalEmissions())));
        rows.add(List.of(t.msg("report.complianceEmissions"), num(u.complianceEmissions())));
        rows.add(List.of(t.msg("report.heatInput"), num(u.heatInput())));
        for (Figure f : u.indicators().all()) {
            rows.add(List.of(t.msg("figure." + f.key()), num(f)));
        }
        return rows;
    }

    private List<List<String>> streamRows(AnnualReportView view, ReportFigures.Streams s, Texts t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.msg("report.stream"), t.msg("report.kind"), t.msg("report.activity"), t.msg("report.emissions")));
        List<StreamEntry> entries = view.report() == null ? List.of() : view.report().streams();
        for (int i = 0; i < entries.size() && i < s.account().streams().size(); i++) {
            StreamEntry e = entries.get(i);
            rows.add(List.of(e.name(), t.msg("streamKind." + e.kind()), plain(e.activity()) + " " + e.activityUnit(), num(s.account().streams().get(i))));
        }
        for (Figure f : s.account().intensities()) {
            rows.add(List.of(t.msg("product." + f.key().substring("year/intensity/".length())), t.msg("report.intensity"), "", num(f)));
        }
        return rows;
    }

    private List<String> issues(AnnualReportView view, Texts t) {
        List<String> issues = new ArrayList<>();
        for (Gap g : view.figures().gaps()) {
            var v = AnnualReports.gapViolation(g);
            var labelled = labels.violations(List.of(v), t.locale).getFirst();
            issues.add(messages.getMessage("invalid." + labelled.messageKey(), labelled.arguments().toArray(), labelled.defaultMessage(), t.locale));
        }
        for (Warning w : view.figures().warnings()) {
            issues.add(w.unit() + ": " + messages.getMessage("warning." + w.code(), w.args().toArray(), w.code(), t.locale));
        }
        return issues;
    }

    private PdfPTable table(Font body, int columns, List<List<String>> rows) {
        return fonts.table(body, columns, rows);
    }

    private static void sheet(XSSFWorkbook wb, String name, List<List<String>> rows, CellStyle bold, int width) {
        Sheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = row.createCell(c);
                String v = values.get(c);
                BigDecimal number = numeric(v);
                if (number != null) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(v);
                }
                if (c == 0 || r == 0 && width == 0) {
                    cell.setCellStyle(bold);
                }
            }
        }
        for (int c = 0; c < 6; c++) {
            sheet.setColumnWidth(c, 22 * 256);
        }
    }

    /** A plain number cell stays a number in the spreadsheet; "—" and text stay text. */
    private static BigDecimal numeric(String v) {
        if (v == null || v.isEmpty() || v.endsWith("*")) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String num(Figure f) {
        return f.computed() ? f.value().toPlainString() + (f.usesDefault() ? "*" : "") : "—";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private Font font(float size, int style) {
        return fonts.font(size, style);
    }

    private final class Texts {
        private final Locale locale;

        Texts(Locale locale) {
            this.locale = locale;
        }

        String msg(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }
    }
}
