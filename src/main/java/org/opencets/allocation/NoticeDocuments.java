package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencets.accounting.Figure;
import org.opencets.documents.PdfFonts;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The allocation notice (配额分配通知书) of a decision and its service receipt (送达回证, seed 004 附件2) as PDFs with
 * the embedded Chinese font. The notice states what was decided (a pre-allocation with its basis, or the final
 * allocation with the true-up and the units' allocation), where the allowances go, any special case, the issuing
 * bureau and the decision's content SHA-256 as the document's fingerprint.
 */
@Component
class NoticeDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkClock.CHINA);

    /** One unit's allocation on the notice: the benchmark allocation, a gas unit's top-up (or null) and the sum. */
    record UnitRow(String unit, long benchmark, Long gasTopUp, long total) {
    }

    /** The pre-allocation's basis: the previous year's verified emissions and the ratio (a fraction). */
    record PreBasis(BigDecimal previousEmissions, BigDecimal ratio) {

        /** The ratio as a percentage, e.g. 70. */
        public BigDecimal percent() {
            return ratio.movePointRight(2).stripTrailingZeros();
        }
    }

    private final PdfFonts fonts;
    private final MessageSource messages;

    NoticeDocuments(PdfFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    // ---- what the notice says (also used by the pages) ------------------------------------------

    /** The units' allocation from the decision's figures ({@code benchmark:<unit>}, {@code gasTopUp:<unit>}), in their order. */
    static List<UnitRow> units(AllocationDecision d) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        Map<String, Boolean> gas = new LinkedHashMap<>();
        for (Figure f : d.figures()) {
            if (!f.computed()) {
                continue;
            }
            if (f.key().startsWith("benchmark:")) {
                rows.computeIfAbsent(f.key().substring("benchmark:".length()), k -> new long[2])[0] = f.value().longValue();
            } else if (f.key().startsWith("gasTopUp:")) {
                String unit = f.key().substring("gasTopUp:".length());
                rows.computeIfAbsent(unit, k -> new long[2])[1] = f.value().longValue();
                gas.put(unit, true);
            }
        }
        List<UnitRow> out = new ArrayList<>();
        rows.forEach((unit, v) -> out.add(new UnitRow(unit, v[0], gas.containsKey(unit) ? v[1] : null, v[0] + v[1])));
        return out;
    }

    /** The entity's top-up to the gap cap (20% in 2023/24), when the final allocation needed one. */
    static Optional<Long> gapCapTopUp(AllocationDecision d) {
        return figure(d, "gapCapTopUp").filter(f -> f.value().signum() > 0).map(f -> f.value().longValue());
    }

    /** A pre-allocation's basis from its figure's inputs ({@code r} and {@code E(y−1)}). */
    static Optional<PreBasis> preBasis(AllocationDecision d) {
        return figure(d, "preAllocation").flatMap(f -> {
            BigDecimal r = input(f, "r");
            BigDecimal e = input(f, "E(y−1)");
            return r == null || e == null ? Optional.empty() : Optional.of(new PreBasis(e, r));
        });
    }

    /** "issue", "takeBack" or "none": what the decision's true-up does. */
    static String trueUpKind(AllocationDecision d) {
        return d.toIssue() > 0 ? "issue" : d.toIssue() < 0 ? "takeBack" : "none";
    }

    /** PRE_ALLOCATION, FINAL or CORRECTION (a final decision after the first). */
    static String kindKey(AllocationDecision d) {
        return d.isFinal() && d.isCorrection() ? "CORRECTION" : d.kind().name();
    }

    private static Optional<Figure> figure(AllocationDecision d, String key) {
        return d.figures().stream().filter(f -> f.key().equals(key) && f.computed()).findFirst();
    }

    private static BigDecimal input(Figure f, String symbol) {
        return f.inputs().stream().filter(i -> i.symbol().equals(symbol)).map(Figure.Input::value).findFirst().orElse(null);
    }

    // ---- the notice ------------------------------------------------------------------------------

    byte[] noticePdf(AllocationNotice n, AllocationDecision d, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 54, 54, 54, 54);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(msg(locale, "allocation.notice.title") + " " + n.number());
        doc.addCreator("OpenCETS");
        doc.open();
        Font h1 = fonts.font(18, Font.BOLD);
        Font h2 = fonts.font(12, Font.BOLD);
        Font body = fonts.font(10.5f, Font.NORMAL);
        Font small = fonts.font(8, Font.ITALIC);

        Paragraph title = new Paragraph(msg(locale, "allocation.notice.title"), h1);
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph kind = new Paragraph(msg(locale, "allocation.notice.subtitle." + kindKey(d), n.year()), body);
        kind.setAlignment(Element.ALIGN_CENTER);
        doc.add(kind);
        Paragraph number = new Paragraph(n.number(), body);
        number.setAlignment(Element.ALIGN_CENTER);
        number.setSpacingAfter(10);
        doc.add(number);

        doc.add(new Paragraph(msg(locale, "allocation.notice.greeting", n.emitterName(), n.emitter().value()), body));
        Paragraph intro = new Paragraph(msg(locale, "allocation.notice.intro." + kindKey(d), n.year(), d.revision()), body);
        intro.setFirstLineIndent(21);
        intro.setSpacingAfter(6);
        doc.add(intro);

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg(locale, "allocation.notice.emitter"), n.emitterName()));
        rows.add(List.of(msg(locale, "allocation.notice.uscc"), n.emitter().value()));
        rows.add(List.of(msg(locale, "allocation.notice.year"), String.valueOf(n.year())));
        if (d.isFinal()) {
            rows.add(List.of(msg(locale, "allocation.notice.due"), tonnes(locale, d.allocationDue())));
            rows.add(List.of(msg(locale, "allocation.notice.obligation"), d.obligation() == null ? "—" : tonnes(locale, d.obligation())));
            rows.add(List.of(msg(locale, "allocation.notice.issued"), tonnes(locale, d.alreadyIssued())));
            rows.add(List.of(msg(locale, "allocation.notice.borrowed"), tonnes(locale, d.borrowed())));
            rows.add(List.of(msg(locale, "allocation.notice.trueUp"), msg(locale, "allocation.notice.trueUp." + trueUpKind(d), Math.abs(d.toIssue()))));
        } else {
            rows.add(List.of(msg(locale, "allocation.notice.preAllocation"), tonnes(locale, d.allocationDue())));
            rows.add(List.of(msg(locale, "allocation.notice.basis"), preBasis(d).map(b -> msg(locale, "allocation.notice.basisText", n.year() - 1,
                    b.previousEmissions().toPlainString(), b.percent().toPlainString(), d.allocationDue())).orElse("—")));
        }
        rows.add(List.of(msg(locale, "allocation.notice.account"), msg(locale, "allocation.notice.account." + d.account())));
        if (d.specialCase() != null) {
            rows.add(List.of(msg(locale, "allocation.notice.specialCase"), msg(locale, "allocation.notice.specialCase." + d.specialCase())));
            rows.add(List.of(msg(locale, "allocation.notice.specialNote"), d.specialNote() == null ? "—" : d.specialNote()));
        }
        doc.add(labelled(body, rows));

        List<UnitRow> units = units(d);
        if (d.isFinal() && !units.isEmpty()) {
            Paragraph heading = new Paragraph(msg(locale, "allocation.notice.units"), h2);
            heading.setSpacingBefore(10);
            doc.add(heading);
            List<List<String>> table = new ArrayList<>();
            table.add(List.of(msg(locale, "allocation.notice.unit"), msg(locale, "allocation.notice.benchmark"), msg(locale, "allocation.notice.gasTopUp"),
                    msg(locale, "allocation.notice.unitTotal")));
            for (UnitRow u : units) {
                table.add(List.of(u.unit(), String.valueOf(u.benchmark()), u.gasTopUp() == null ? "—" : String.valueOf(u.gasTopUp()),
                        String.valueOf(u.total())));
            }
            gapCapTopUp(d).ifPresent(cap -> table.add(List.of(msg(locale, "allocation.notice.gapCapTopUp"), "", "", String.valueOf(cap))));
            table.add(List.of(msg(locale, "allocation.notice.due"), "", "", String.valueOf(d.allocationDue())));
            doc.add(fonts.table(body, 4, table));
        }

        Paragraph closing = new Paragraph(msg(locale, "allocation.notice.closing." + d.account()), body);
        closing.setFirstLineIndent(21);
        closing.setSpacingBefore(10);
        doc.add(closing);
        Paragraph sign = new Paragraph(msg(locale, "allocation.notice.signRequest"), body);
        sign.setFirstLineIndent(21);
        doc.add(sign);

        Paragraph issuer = new Paragraph(n.issuedBy(), body);
        issuer.setAlignment(Element.ALIGN_RIGHT);
        issuer.setSpacingBefore(24);
        doc.add(issuer);
        Paragraph date = new Paragraph(DAY.format(n.issuedAt()), body);
        date.setAlignment(Element.ALIGN_RIGHT);
        doc.add(date);

        Paragraph fingerprint = new Paragraph(msg(locale, "allocation.notice.fingerprint", n.contentSha256()), small);
        fingerprint.setSpacingBefore(24);
        doc.add(fingerprint);
        doc.close();
        return out.toByteArray();
    }

    // ---- the service receipt (附件2) ---------------------------------------------------------------

    byte[] receiptPdf(AllocationNotice n, Locale locale) {
        AllocationNotice.Receipt r = n.receipt();
        boolean pending = r.status() == AllocationNotice.ReceiptStatus.PENDING;
        boolean refused = r.status() == AllocationNotice.ReceiptStatus.REFUSED;
        String served = r.servedAt() == null ? null : DAY.format(r.servedAt());
        String blankDate = msg(locale, "allocation.notice.receipt.blankDate");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 72, 72, 72, 72);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(msg(locale, "allocation.notice.receipt.name") + " " + n.number());
        doc.addCreator("OpenCETS");
        doc.open();
        Font h1 = fonts.font(20, Font.BOLD);
        Font body = fonts.font(11, Font.NORMAL);
        Paragraph title = new Paragraph(msg(locale, "allocation.notice.receipt.title"), h1);
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph seal = new Paragraph(msg(locale, "allocation.notice.receipt.seal"), body);
        seal.setAlignment(Element.ALIGN_CENTER);
        seal.setSpacingAfter(8);
        doc.add(seal);

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg(locale, "allocation.notice.receipt.document"), msg(locale, "allocation.notice.title") + "（" + n.number() + "）"));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.recipient"), n.emitterName()));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.place"), orBlank(r.place())));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.recipientSignature"), pending ? "" : orBlank(r.recipient())));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.agent"), pending ? "" : orBlank(r.agent())));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.agentRelation"), pending ? "" : orBlank(r.agentRelation())));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.date"), served == null ? blankDate : served));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.method"), pending ? "" : orBlank(r.method())));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.refusalReason"), refused ? orBlank(r.refusalReason()) : ""));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.witness"), refused ? signed(r.witness(), served) : pending ? "\n" + blankDate : ""));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.servedBy"), pending ? "\n" + blankDate : signed(r.servedBy(), served)));
        rows.add(List.of(msg(locale, "allocation.notice.receipt.note"), pending ? "" : orBlank(r.note())));
        PdfPTable table = labelled(body, rows);
        doc.add(table);

        if (!pending) {
            Paragraph status = new Paragraph(msg(locale, "allocation.notice.receipt.recorded", msg(locale, "allocation.notice.status." + r.status())),
                    fonts.font(8, Font.ITALIC));
            status.setSpacingBefore(12);
            doc.add(status);
        }
        doc.close();
        return out.toByteArray();
    }

    /** The two-column form of 附件2: the label, then the value, rows tall enough to sign in. */
    private PdfPTable labelled(Font body, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(new float[] {3, 7});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (List<String> row : rows) {
            PdfPCell label = new PdfPCell(new Phrase(row.get(0), body));
            label.setPadding(6);
            label.setMinimumHeight(28);
            label.setVerticalAlignment(Element.ALIGN_MIDDLE);
            label.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(label);
            PdfPCell value = new PdfPCell(new Phrase(row.get(1) == null ? "" : row.get(1), body));
            value.setPadding(6);
            value.setMinimumHeight(28);
            value.setVerticalAlignment(Element.ALIGN_MIDDLE);
            table.addCell(value);
        }
        return table;
    }

    private String tonnes(Locale locale, long t) {
        return msg(locale, "allocation.notice.tonnes", t);
    }

    private static String signed(String name, String date) {
        return orBlank(name) + (date == null ? "" : "\n" + date);
    }

    private static String orBlank(String v) {
        return v == null ? "" : v;
    }

    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
