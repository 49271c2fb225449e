package org.opencets.verification;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.opencets.documents.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The verification report (核查报告) as a PDF: the task, the work done, the findings, the verified figures and the opinion. */
@Component
class VerificationDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final PdfFonts fonts;
    private final MessageSource messages;

    VerificationDocuments(PdfFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] pdf(TaskView view, Locale locale) {
        VerificationTask t = view.task();
        Conclusion c = view.latestConclusion();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 42, 42);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(msg(locale, "verification.pdf.title", t.year()));
        doc.addCreator("OpenCETS");
        doc.open();
        Font h1 = fonts.font(16, Font.BOLD);
        Font h2 = fonts.font(12, Font.BOLD);
        Font body = fonts.font(9, Font.NORMAL);
        Paragraph heading = new Paragraph(msg(locale, "verification.pdf.title", t.year()), h1);
        heading.setAlignment(Element.ALIGN_CENTER);
        doc.add(heading);
        doc.add(fonts.table(body, 2, List.of(
                List.of(msg(locale, "verification.emitter"), t.emitterName() + "（" + t.emitter().value() + "）"),
                List.of(msg(locale, "verification.year"), String.valueOf(t.year())),
                List.of(msg(locale, "verification.firm"), t.firmName()),
                List.of(msg(locale, "verification.reportChecked"), "v" + t.reportVersion()),
                List.of(msg(locale, "verification.conclusionNo"), "#" + c.number() + " · " + msg(locale, "verification.reason." + c.reason())),
                List.of(msg(locale, "verification.issuedAt"), DAY.format(c.issuedAt()) + " · " + c.issuedBy()))));
        doc.add(new Paragraph(msg(locale, "verification.figures"), h2));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg(locale, "verification.unit"), msg(locale, "verification.reported"), msg(locale, "verification.verified"),
                msg(locale, "verification.verifiedCompliance"), msg(locale, "verification.generation"), msg(locale, "verification.heat")));
        for (Conclusion.Line l : c.lines()) {
            BigDecimal reported = t.lines().stream().filter(r -> r.unit().equals(l.unit())).findFirst().map(VerificationTask.ReportedLine::emissions)
                    .orElse(null);
            rows.add(List.of(unit(locale, l.unit()), plain(reported), plain(l.emissions()), plain(l.compliance()), plain(l.generationMwh()),
                    plain(l.heatGj())));
        }
        rows.add(List.of(msg(locale, "verification.entityTotal"), plain(t.reportedTotal()), plain(c.verifiedTotal()), plain(c.verifiedCompliance()), "", ""));
        doc.add(fonts.table(body, 6, rows));
        if (!c.products().isEmpty()) {
            doc.add(new Paragraph(msg(locale, "verification.products"), h2));
            List<List<String>> products = new ArrayList<>();
            c.products().forEach((k, v) -> products.add(List.of(msg(locale, "product." + k), plain(t.products().get(k)), plain(v))));
            doc.add(fonts.table(body, 3, products));
        }
        doc.add(new Paragraph(msg(locale, "verification.documentReview"), h2));
        doc.add(new Paragraph(t.documentReview() == null ? "—" : t.documentReview(), body));
        doc.add(new Paragraph(msg(locale, "verification.visits"), h2));
        if (view.visits().isEmpty()) {
            doc.add(new Paragraph(msg(locale, "verification.noVisit"), body));
        }
        view.visits().forEach(v -> doc.add(new Paragraph(v.date() + " · " + v.verifiers() + " · " + v.places() + (v.notes().isBlank() ? "" : " · " + v.notes()), body)));
        doc.add(new Paragraph(msg(locale, "verification.findings"), h2));
        List<List<String>> findings = new ArrayList<>();
        findings.add(List.of("#", msg(locale, "verification.finding.subject"), msg(locale, "verification.finding.response"), msg(locale, "verification.status")));
        view.findings().forEach(f -> findings.add(List.of(String.valueOf(f.number()), f.subject() + "：" + f.description(),
                f.response() == null ? "—" : f.response(), msg(locale, "findingStatus." + f.status()))));
        doc.add(fonts.table(body, 4, findings));
        doc.add(new Paragraph(msg(locale, "verification.opinion"), h2));
        doc.add(new Paragraph(c.opinion(), body));
        doc.add(new Paragraph(" ", body));
        doc.add(new Paragraph(msg(locale, "verification.pdf.fingerprint", c.contentSha256()), fonts.font(8, Font.ITALIC)));
        doc.close();
        return out.toByteArray();
    }

    private String unit(Locale locale, String unit) {
        return unit.equals(org.opencets.mrv.ApprovedReport.ENTITY) ? msg(locale, "verification.entity") : unit;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
