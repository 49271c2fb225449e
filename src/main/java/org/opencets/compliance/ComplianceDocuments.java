package org.opencets.compliance;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencets.documents.PdfFonts;
import org.opencets.shared.WorkClock;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The compliance module's two official documents as PDFs with the embedded Chinese font: the pre-filled application
 * to use CCER to offset surrender (seed 001 附表1/2, 《使用CCER抵销配额清缴申请表》), with the allowances of the same
 * request listed below the official form, and the compliance certificate (履约证明, seed 003 §五(三)).
 * <p>
 * Both are official Chinese forms, so their wording is Chinese whatever the reader's language: it is kept here, in
 * the constants below, rather than in the message bundles. A document whose figures do not add up (CCER rows that do
 * not sum to the offset quantity, a ratio that is not the offset over the obligation, a certificate whose surrenders
 * do not cover the obligation) is a bug upstream and fails loudly rather than printing a form that contradicts itself.
 */
@Component
class ComplianceDocuments {

    // ---- the wording (official Chinese forms, not localised) -------------------------------------------------------

    /** The application's title: seed 001 附表1 (2021) and 附表2 (2022); later years follow the same pattern. */
    static final String FORM_TITLE = "%d 年全国碳市场重点排放单位使用 CCER 抵销配额清缴申请表";
    static final String FORM_REQUEST = "申请编号：%s　　第 %d 版　　提交日期：%s";
    static final String FORM_LATE = "逾期履约申请";
    static final String FORM_BASIC = "申请单位基本信息";
    static final String FORM_ENTITY = "单位名称";
    static final String FORM_USCC = "统一社会信用代码";
    static final String FORM_CCER_ACCOUNT = "自愿减排注册登记系统账户 ID";
    static final String FORM_ETS_ACCOUNT = "全国碳排放权注册登记系统账户 ID";
    static final String FORM_OBLIGATION = "%d 年应清缴配额量（吨）";
    static final String FORM_OFFSET = "申请抵销量（吨）";
    static final String FORM_RATIO = "CCER 抵销量占应清缴配额量比例（%）";
    static final String FORM_CONTACT = "联系人";
    static final String FORM_PHONE = "联系电话";
    static final String FORM_EMAIL = "联系邮箱";
    static final String FORM_CCER = "申请配额清缴的 CCER 基本信息";
    static final String FORM_CANCELLED = "注销量";
    static final String FORM_PROJECT = "项目编号";
    static final String FORM_NOTE = "（注：如涉及多个项目来源，可自行加行逐一列明。此栏由生态环境部统一组织核验）";
    static final String DECLARATION = "声　明";
    /** The authority the declaration is addressed to when the province's name is given without it. */
    static final String DECLARATION_AUTHORITY = "生态环境厅";
    static final String DECLARATION_TO = "%s：";
    static final String DECLARATION_REQUEST = "我单位申请使用国家核证自愿减排量（CCER）%s tCO₂e，用于 %d 年全国碳市场抵销配额清缴，抵销比例占我单位 %d 年应清缴配额量的 %s%%。";
    static final String DECLARATION_UNDERTAKING = "我单位知悉 %s 年全国碳市场重点排放单位使用 CCER 抵销配额清缴的相关条件和工作流程，承诺拟用于配额清缴抵销的 CCER 不再用于交易和其他用途。以上信息真实、准确、有效，不包含任何虚假信息或误导性陈述，请予审核。";
    /** The years 附表1/2's undertaking names ("2021、2022 年"); for any other year, that year. */
    static final String DECLARATION_YEARS_2021_2022 = "2021、2022";
    static final String DECLARATION_SEAL = "申请单位名称（公章）";
    static final String DECLARATION_DATE = "年　　月　　日";
    static final String ALLOWANCES = "附：同一申请清缴的配额（按年度，不属于《申请表》正式内容）";
    static final String ALLOWANCES_VINTAGE = "配额年度";
    static final String ALLOWANCES_QUANTITY = "清缴配额量（吨）";
    static final String ALLOWANCES_TOTAL = "合计";
    static final String ALLOWANCES_WITH_OFFSET = "本申请清缴合计：配额 %s 吨 + CCER %s 吨 = %s 吨（应清缴配额量 %s 吨）";

    static final String CERT_SYSTEM = "全国碳排放权注册登记系统";
    static final String CERT_TITLE = "履约证明";
    static final String CERT_NUMBER = "证明编号：%s";
    static final String CERT_TEXT = "兹证明 %s（统一社会信用代码 %s）已完成 %d 年度全国碳排放权交易市场配额清缴履约，清缴情况如下：";
    static final String CERT_ENTITY = "重点排放单位";
    static final String CERT_USCC = "统一社会信用代码";
    static final String CERT_ACCOUNT = "全国碳排放权注册登记系统账户";
    static final String CERT_YEAR = "履约年度";
    static final String CERT_OBLIGATION = "应清缴配额量（吨）";
    static final String CERT_ALLOWANCES = "清缴配额量（吨）";
    static final String CERT_CCER = "使用 CCER 抵销量（吨）";
    static final String CERT_TOTAL = "清缴合计（吨）";
    static final String CERT_COMPLETED = "履约完成日期";
    static final String CERT_STATUS = "履约情况";
    static final String CERT_ON_TIME = "按时履约";
    static final String CERT_LATE = "逾期履约（截止日 %s）";
    static final String CERT_LATE_NO_DEADLINE = "逾期履约";
    static final String CERT_MANNER = "履约方式";
    static final String CERT_FORCED = "由注登机构强制履约";
    static final String CERT_SELF = "重点排放单位自行清缴";
    static final String CERT_FINGERPRINT = "证明指纹（SHA-256）：%s";
    static final String CERT_CHECK = "本证明的副本可在全国碳排放权注册登记系统核验：以证明编号 %s 查询，所示指纹应与本证明一致。";
    static final String BLANK = "—";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PdfFonts fonts;

    ComplianceDocuments(PdfFonts fonts) {
        this.fonts = fonts;
    }

    // ---- the application form (附表1/2) ----------------------------------------------------------------------------

    byte[] applicationForm(ApplicationForm f) {
        List<ApplicationForm.Row> rows = f.rows() == null ? List.of() : f.rows();
        List<ApplicationForm.AllowancePart> allowances = f.allowances() == null ? List.of() : f.allowances();
        long cancelled = rows.stream().mapToLong(ApplicationForm.Row::quantity).sum();
        if (cancelled != f.offsetQuantity()) {
            throw new IllegalArgumentException("Application " + f.requestNumber() + " r" + f.revision() + ": its CCER rows cancel " + cancelled
                    + " t but its offset quantity is " + f.offsetQuantity() + " t");
        }
        String ratio = ratio(f);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 54, 54, 48, 48);
        PdfWriter.getInstance(doc, out);
        String title = title(f.year());
        doc.addTitle(title + " " + f.requestNumber());
        doc.addCreator("OpenCETS");
        doc.open();
        Font h1 = fonts.font(15, Font.BOLD);
        Font h2 = fonts.font(12, Font.BOLD);
        Font body = fonts.font(10.5f, Font.NORMAL);
        Font bold = fonts.font(10.5f, Font.BOLD);
        Font small = fonts.font(8.5f, Font.NORMAL);
        Font mark = fonts.font(12, Font.BOLD);

        if (f.late()) {
            Paragraph late = new Paragraph(FORM_LATE, mark);
            late.setAlignment(Element.ALIGN_RIGHT);
            doc.add(late);
        }
        Paragraph heading = new Paragraph(title, h1);
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(4);
        doc.add(heading);
        Paragraph request = new Paragraph(String.format(FORM_REQUEST, text(f.requestNumber()), f.revision(), day(f.submittedOn())), small);
        request.setAlignment(Element.ALIGN_CENTER);
        request.setSpacingAfter(8);
        doc.add(request);

        PdfPTable form = new PdfPTable(new float[] {3.2f, 3.3f, 3.2f, 3.3f});
        form.setWidthPercentage(100);
        spanning(form, bold, FORM_BASIC);
        pair(form, body, FORM_ENTITY, text(f.entityName()), FORM_USCC, text(f.uscc()));
        pair(form, body, FORM_CCER_ACCOUNT, text(f.ccerAccount()), FORM_ETS_ACCOUNT, text(f.etsAccount()));
        pair(form, body, String.format(FORM_OBLIGATION, f.year()), tonnes(f.obligation()), FORM_OFFSET, tonnes(f.offsetQuantity()));
        pair(form, body, FORM_RATIO, ratio, FORM_CONTACT, text(f.contactName()));
        pair(form, body, FORM_PHONE, text(f.contactPhone()), FORM_EMAIL, text(f.contactEmail()));
        spanning(form, bold, FORM_CCER);
        if (rows.isEmpty()) {
            pair(form, body, FORM_CANCELLED, BLANK, FORM_PROJECT, BLANK);
        }
        for (ApplicationForm.Row r : rows) {
            form.addCell(label(body, FORM_CANCELLED));
            form.addCell(value(new Phrase(tonnes(r.quantity()), body)));
            form.addCell(label(body, FORM_PROJECT));
            Phrase project = new Phrase(text(r.projectNumber()), body);
            String about = about(r);
            if (!about.isEmpty()) {
                project.add(new Chunk("\n" + about, small));
            }
            form.addCell(value(project));
        }
        PdfPCell note = new PdfPCell(new Phrase(FORM_NOTE, small));
        note.setColspan(4);
        note.setPadding(5);
        form.addCell(note);
        doc.add(form);

        Paragraph declaration = new Paragraph(DECLARATION, h2);
        declaration.setAlignment(Element.ALIGN_CENTER);
        declaration.setSpacingBefore(14);
        declaration.setSpacingAfter(6);
        doc.add(declaration);
        doc.add(new Paragraph(String.format(DECLARATION_TO, authority(f.provinceName())), body));
        Paragraph requestText = new Paragraph(declarationRequest(f), body);
        requestText.setFirstLineIndent(21);
        requestText.setLeading(18);
        doc.add(requestText);
        Paragraph undertaking = new Paragraph(String.format(DECLARATION_UNDERTAKING, undertakingYears(f.year())), body);
        undertaking.setFirstLineIndent(21);
        undertaking.setLeading(18);
        doc.add(undertaking);
        Paragraph seal = new Paragraph(DECLARATION_SEAL, body);
        seal.setAlignment(Element.ALIGN_RIGHT);
        seal.setSpacingBefore(18);
        seal.setIndentationRight(24);
        doc.add(seal);
        Paragraph date = new Paragraph(DECLARATION_DATE, body);
        date.setAlignment(Element.ALIGN_RIGHT);
        date.setSpacingBefore(6);
        date.setIndentationRight(24);
        doc.add(date);

        // below the official form: the allowances surrendered with the same request
        Paragraph annex = new Paragraph(ALLOWANCES, h2);
        annex.setSpacingBefore(14);
        annex.setSpacingAfter(2);
        doc.add(annex);
        PdfPTable parts = new PdfPTable(new float[] {1, 1});
        parts.setWidthPercentage(60);
        parts.setHorizontalAlignment(Element.ALIGN_LEFT);
        parts.setSpacingBefore(4);
        parts.addCell(label(bold, ALLOWANCES_VINTAGE));
        parts.addCell(label(bold, ALLOWANCES_QUANTITY));
        long surrendered = 0;
        if (allowances.isEmpty()) {
            parts.addCell(value(new Phrase(BLANK, body)));
            parts.addCell(number(body, tonnes(0)));
        }
        for (ApplicationForm.AllowancePart a : allowances) {
            parts.addCell(value(new Phrase(text(a.vintage()), body)));
            parts.addCell(number(body, tonnes(a.quantity())));
            surrendered += a.quantity();
        }
        parts.addCell(label(bold, ALLOWANCES_TOTAL));
        parts.addCell(number(bold, tonnes(surrendered)));
        doc.add(parts);
        Paragraph sum = new Paragraph(String.format(ALLOWANCES_WITH_OFFSET, tonnes(surrendered), tonnes(f.offsetQuantity()),
                tonnes(surrendered + f.offsetQuantity()), tonnes(f.obligation())), small);
        sum.setSpacingBefore(4);
        doc.add(sum);
        doc.close();
        return out.toByteArray();
    }

    static String title(int year) {
        return String.format(FORM_TITLE, year);
    }

    /** The 声明's first sentence with the quantity and the ratio filled in. */
    static String declarationRequest(ApplicationForm f) {
        return String.format(DECLARATION_REQUEST, tonnes(f.offsetQuantity()), f.year(), f.year(), ratio(f));
    }

    /** "2021、2022" for those years (the wording of 附表1/2), otherwise the form's year. */
    static String undertakingYears(int year) {
        return year == 2021 || year == 2022 ? DECLARATION_YEARS_2021_2022 : Integer.toString(year);
    }

    /** The addressee: the province's name with 生态环境厅 unless it already names the bureau (…厅 or …局). */
    static String authority(String province) {
        if (province == null || province.isBlank()) {
            return "　　　　　" + DECLARATION_AUTHORITY;
        }
        String p = province.strip();
        return p.endsWith("厅") || p.endsWith("局") ? p : p + DECLARATION_AUTHORITY;
    }

    /**
     * The ratio as printed, two decimals: the form's own value, checked against the offset over the obligation
     * (rounded half up) so that the 声明 never states a ratio its figures contradict; "—" without an obligation.
     */
    static String ratio(ApplicationForm f) {
        if (f.obligation() <= 0) {
            return f.ratioPercent() == null ? BLANK : f.ratioPercent().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        BigDecimal computed = BigDecimal.valueOf(f.offsetQuantity()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(f.obligation()), 2, RoundingMode.HALF_UP);
        if (f.ratioPercent() != null && f.ratioPercent().compareTo(computed) != 0) {
            throw new IllegalArgumentException("Application " + f.requestNumber() + " r" + f.revision() + ": ratio " + f.ratioPercent().toPlainString()
                    + " % but " + f.offsetQuantity() + " t over " + f.obligation() + " t is " + computed.toPlainString() + " %");
        }
        return computed.toPlainString();
    }

    private static String about(ApplicationForm.Row r) {
        List<String> parts = new ArrayList<>();
        if (r.projectName() != null && !r.projectName().isBlank()) {
            parts.add(r.projectName().strip());
        }
        if (r.projectType() != null && !r.projectType().isBlank()) {
            parts.add(r.projectType().strip());
        }
        return String.join("，", parts);
    }

    // ---- the certificate (履约证明) ---------------------------------------------------------------------------------

    byte[] certificate(ComplianceCertificate c) {
        long surrendered = c.allowances() + c.ccer();
        if (surrendered < c.obligation()) {
            throw new IllegalArgumentException("Certificate " + c.number() + ": " + c.allowances() + " t of allowances and " + c.ccer()
                    + " t of CCER do not cover the obligation of " + c.obligation() + " t");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 72, 72, 64, 64);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(CERT_TITLE + " " + c.number());
        doc.addCreator("OpenCETS");
        doc.open();
        Font system = fonts.font(12, Font.NORMAL);
        Font h1 = fonts.font(22, Font.BOLD);
        Font body = fonts.font(11, Font.NORMAL);
        Font bold = fonts.font(11, Font.BOLD);
        Font small = fonts.font(8.5f, Font.NORMAL);

        Paragraph head = new Paragraph(CERT_SYSTEM, system);
        head.setAlignment(Element.ALIGN_CENTER);
        doc.add(head);
        Paragraph title = new Paragraph(CERT_TITLE, h1);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(4);
        doc.add(title);
        Paragraph number = new Paragraph(String.format(CERT_NUMBER, text(c.number())), body);
        number.setAlignment(Element.ALIGN_CENTER);
        number.setSpacingAfter(14);
        doc.add(number);

        Paragraph intro = new Paragraph(String.format(CERT_TEXT, text(c.entityName()), text(c.uscc()), c.year()), body);
        intro.setFirstLineIndent(22);
        intro.setLeading(19);
        intro.setSpacingAfter(8);
        doc.add(intro);

        PdfPTable table = new PdfPTable(new float[] {3, 6});
        table.setWidthPercentage(100);
        row(table, body, CERT_ENTITY, text(c.entityName()));
        row(table, body, CERT_USCC, text(c.uscc()));
        row(table, body, CERT_ACCOUNT, text(c.etsAccount()));
        row(table, body, CERT_YEAR, Integer.toString(c.year()));
        row(table, body, CERT_OBLIGATION, tonnes(c.obligation()));
        row(table, body, CERT_ALLOWANCES, tonnes(c.allowances()));
        row(table, body, CERT_CCER, tonnes(c.ccer()));
        row(table, bold, CERT_TOTAL, tonnes(surrendered));
        row(table, body, CERT_COMPLETED, day(c.completedOn()));
        row(table, bold, CERT_STATUS, status(c));
        row(table, body, CERT_MANNER, c.forced() ? CERT_FORCED : CERT_SELF);
        doc.add(table);

        Paragraph issuer = new Paragraph(text(c.issuer()), body);
        issuer.setAlignment(Element.ALIGN_RIGHT);
        issuer.setSpacingBefore(30);
        doc.add(issuer);
        Paragraph date = new Paragraph(c.issuedAt() == null ? BLANK : day(LocalDate.ofInstant(c.issuedAt(), WorkClock.CHINA)), body);
        date.setAlignment(Element.ALIGN_RIGHT);
        doc.add(date);

        Paragraph fingerprint = new Paragraph(String.format(CERT_FINGERPRINT, text(c.fingerprint())), small);
        fingerprint.setSpacingBefore(30);
        doc.add(fingerprint);
        doc.add(new Paragraph(String.format(CERT_CHECK, text(c.number())), small));
        doc.close();
        return out.toByteArray();
    }

    /** 按时履约, or 逾期履约（截止日 …） with the deadline when known. */
    static String status(ComplianceCertificate c) {
        if (c.onTime()) {
            return CERT_ON_TIME;
        }
        return c.deadline() == null ? CERT_LATE_NO_DEADLINE : String.format(CERT_LATE, day(c.deadline()));
    }

    // ---- layout helpers --------------------------------------------------------------------------------------------

    private static void spanning(PdfPTable table, Font font, String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setColspan(table.getNumberOfColumns());
        c.setPadding(5);
        c.setGrayFill(0.9f);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(c);
    }

    private static void pair(PdfPTable table, Font font, String label1, String value1, String label2, String value2) {
        table.addCell(label(font, label1));
        table.addCell(value(new Phrase(value1, font)));
        table.addCell(label(font, label2));
        table.addCell(value(new Phrase(value2, font)));
    }

    private static void row(PdfPTable table, Font font, String label, String value) {
        table.addCell(label(font, label));
        table.addCell(value(new Phrase(value, font)));
    }

    private static PdfPCell label(Font font, String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(5);
        c.setMinimumHeight(22);
        c.setGrayFill(0.96f);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    private static PdfPCell value(Phrase phrase) {
        PdfPCell c = new PdfPCell(phrase);
        c.setPadding(5);
        c.setMinimumHeight(22);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private static PdfPCell number(Font font, String text) {
        PdfPCell c = value(new Phrase(text, font));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    /** Whole tonnes with thousands separators, e.g. 1,234,567. */
    static String tonnes(long t) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(t);
    }

    private static String day(LocalDate d) {
        return d == null ? BLANK : DAY.format(d);
    }

    private static String text(String v) {
        return v == null || v.isBlank() ? "" : v;
    }
}
