package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.documents.PdfFonts;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * The two documents of the compliance module, rendered without Spring and read back with OpenPDF's text extractor:
 * the CCER offset application (seed 001 附表1/2) and the compliance certificate (seed 003 §五(三) 履约证明).
 */
class ComplianceDocumentsTest {

    static final String USCC = "91330206MA2H7XK33L";
    static final String CCER_ACCOUNT = "CCER-330206-000123";
    static final String ETS_ACCOUNT = "E0000000006";
    static final String PROJECT_1 = "CCER-14-V01-2024-0001";
    static final String PROJECT_2 = "CCER-01-V03-2024-0017";
    static final String FINGERPRINT = "3f5a9c0e1b2d4f6a8c0e2b4d6f8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a";

    final ComplianceDocuments documents = new ComplianceDocuments(new PdfFonts());

    /** Obligation 1,234,567 t; 40,000 + 21,728 = 61,728 t of CCER, 61,728 / 1,234,567 = 4.99997 % → 5.00 %; the rest in allowances. */
    static ApplicationForm form(int year, boolean late) {
        return new ApplicationForm("CR-2021-330000-0007", 2, year, "浙江省", "宁波北仑滨海热电有限公司", USCC, CCER_ACCOUNT, ETS_ACCOUNT, 1_234_567, 61_728,
                new BigDecimal("5.00"), "张三", "0574-86801234", "zhangsan@example.com",
                List.of(new ApplicationForm.Row(PROJECT_1, "浙江某海上风电项目", "海上风电", 40_000),
                        new ApplicationForm.Row(PROJECT_2, "宁波某光热发电项目", "并网光热发电", 21_728)),
                List.of(new ApplicationForm.AllowancePart("2021", 1_000_000), new ApplicationForm.AllowancePart("2022", 172_839)),
                LocalDate.of(2023, 12, 8), late);
    }

    static ComplianceCertificate certificate(boolean onTime, boolean forced) {
        return new ComplianceCertificate("LY-2023-330000-000042", 2023, "宁波北仑滨海热电有限公司", USCC, ETS_ACCOUNT, 1_234_567, 1_172_839, 61_728,
                // on time: completed 20 December, deadline 31 December; late: completed 31 December, deadline 24 December
                LocalDate.of(2024, 12, onTime ? 20 : 31), LocalDate.of(2024, 12, onTime ? 31 : 24), onTime, forced,
                // 2025-01-05T17:30Z is 2025-01-06 01:30 in Asia/Shanghai: the certificate shows the China date
                Instant.parse("2025-01-05T17:30:00Z"), "全国碳排放权注册登记机构", FINGERPRINT);
    }

    @Test
    void the2021ApplicationIsAnnex1PreFilledWithTheFiguresProjectsAndDeclaration() throws Exception {
        byte[] pdf = documents.applicationForm(form(2021, false));
        String text = text(pdf);
        String flat = flat(text);

        assertThat(flat).contains(flat("2021 年全国碳市场重点排放单位使用 CCER 抵销配额清缴申请表"), "CR-2021-330000-0007", "第2版", "2023年12月8日");
        assertThat(flat).contains("申请单位基本信息", "单位名称宁波北仑滨海热电有限公司", "统一社会信用代码" + USCC, CCER_ACCOUNT, ETS_ACCOUNT,
                "2021年应清缴配额量（吨）1,234,567", "申请抵销量（吨）61,728", flat("CCER 抵销量占应清缴配额量比例（%）") + "5.00", "联系人张三",
                "联系电话0574-86801234", "联系邮箱zhangsan@example.com");
        // one row per project: 注销量 then 项目编号, the project's name and type for the reviewer
        assertThat(flat).contains(flat("申请配额清缴的 CCER 基本信息"), "注销量40,000项目编号" + PROJECT_1 + "浙江某海上风电项目，海上风电",
                "注销量21,728项目编号" + PROJECT_2);
        // the 声明 addressed to the province's bureau with the quantity and the ratio filled in (附表1)
        assertThat(flat).contains("浙江省生态环境厅：",
                flat("我单位申请使用国家核证自愿减排量（CCER）61,728 tCO₂e，用于 2021 年全国碳市场抵销配额清缴，抵销比例占我单位 2021 年应清缴配额量的 5.00%。"),
                flat("我单位知悉 2021、2022 年全国碳市场重点排放单位使用 CCER 抵销配额清缴的相关条件和工作流程"), "申请单位名称（公章）");
        assertThat(flat).doesNotContain("逾期履约");
        // below the form: the allowances by vintage, which with the CCER make up the obligation
        assertThat(flat).contains("20211,000,000", "2022172,839", "合计1,172,839",
                flat("本申请清缴合计：配额 1,172,839 吨 + CCER 61,728 吨 = 1,234,567 吨（应清缴配额量 1,234,567 吨）"));
        assertFontEmbedded(pdf);
    }

    @Test
    void the2022FormNamesItsYearAndALaterYearFollowsThePatternWithItsOwnYearInTheUndertaking() throws Exception {
        String y2022 = flat(text(documents.applicationForm(form(2022, false))));
        assertThat(y2022).contains(flat("2022 年全国碳市场重点排放单位使用 CCER 抵销配额清缴申请表"), "2022年应清缴配额量（吨）1,234,567",
                flat("用于 2022 年全国碳市场抵销配额清缴，抵销比例占我单位 2022 年应清缴配额量的 5.00%"), flat("我单位知悉 2021、2022 年"));

        String y2025 = flat(text(documents.applicationForm(form(2025, false))));
        assertThat(y2025).contains(flat("2025 年全国碳市场重点排放单位使用 CCER 抵销配额清缴申请表"), "2025年应清缴配额量（吨）1,234,567",
                flat("用于 2025 年全国碳市场抵销配额清缴"), flat("我单位知悉 2025 年全国碳市场"));
        assertThat(y2025).doesNotContain("2021、2022");
    }

    @Test
    void aLateRequestIsMarkedAsSuch() throws Exception {
        String flat = flat(text(documents.applicationForm(form(2021, true))));
        assertThat(flat).contains("逾期履约申请", flat("2021 年全国碳市场重点排放单位使用 CCER 抵销配额清缴申请表"), "申请抵销量（吨）61,728");
    }

    @Test
    void withoutCcerTheFormHasOneDashRowAndAnOffsetOfZero() throws Exception {
        ApplicationForm f = form(2023, false);
        ApplicationForm none = new ApplicationForm(f.requestNumber(), 1, 2023, "浙江省生态环境厅", f.entityName(), f.uscc(), null, f.etsAccount(),
                f.obligation(), 0, new BigDecimal("0.00"), f.contactName(), f.contactPhone(), f.contactEmail(), List.of(),
                List.of(new ApplicationForm.AllowancePart("2023", 1_234_567)), f.submittedOn(), false);
        String flat = flat(text(documents.applicationForm(none)));
        assertThat(flat).contains("申请抵销量（吨）0", "注销量—项目编号—", "浙江省生态环境厅：", flat("（CCER）0 tCO₂e"), "应清缴配额量的0.00%",
                "合计1,234,567");
        assertThat(flat).doesNotContain("生态环境厅生态环境厅", PROJECT_1);
    }

    @Test
    void aFormWhoseFiguresContradictThemselvesIsNotPrinted() {
        ApplicationForm f = form(2021, false);
        // the rows cancel 61,728 t but the form claims 61,729 t
        ApplicationForm rowsOff = new ApplicationForm(f.requestNumber(), f.revision(), f.year(), f.provinceName(), f.entityName(), f.uscc(),
                f.ccerAccount(), f.etsAccount(), f.obligation(), 61_729, f.ratioPercent(), f.contactName(), f.contactPhone(), f.contactEmail(), f.rows(),
                f.allowances(), f.submittedOn(), false);
        assertThatThrownBy(() -> documents.applicationForm(rowsOff)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("61729");
        // 61,728 / 1,234,567 is 5.00 %, not 4.99 % (truncated) or 5 % of another obligation
        ApplicationForm ratioOff = new ApplicationForm(f.requestNumber(), f.revision(), f.year(), f.provinceName(), f.entityName(), f.uscc(),
                f.ccerAccount(), f.etsAccount(), f.obligation(), f.offsetQuantity(), new BigDecimal("4.99"), f.contactName(), f.contactPhone(),
                f.contactEmail(), f.rows(), f.allowances(), f.submittedOn(), false);
        assertThatThrownBy(() -> documents.applicationForm(ratioOff)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5.00");
        assertThat(ComplianceDocuments.ratio(f)).isEqualTo("5.00");
        assertThat(ComplianceDocuments.tonnes(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void anOnTimeCertificateShowsTheNumberFiguresIssuerChinaDateAndFingerprint() throws Exception {
        byte[] pdf = documents.certificate(certificate(true, false));
        String flat = flat(text(pdf));
        assertThat(flat).contains("履约证明", "证明编号：LY-2023-330000-000042", "宁波北仑滨海热电有限公司", USCC, ETS_ACCOUNT, "履约年度2023",
                "应清缴配额量（吨）1,234,567", "清缴配额量（吨）1,172,839", flat("使用 CCER 抵销量（吨）61,728"), "清缴合计（吨）1,234,567",
                "履约完成日期2024年12月20日", "履约情况按时履约", "履约方式重点排放单位自行清缴", "全国碳排放权注册登记机构2025年1月6日",
                "证明指纹（SHA-256）：" + FINGERPRINT, "核验");
        assertThat(flat).doesNotContain("逾期履约", "强制履约", "2025年1月5日");
        assertFontEmbedded(pdf);
    }

    @Test
    void aLateForcedCertificateSaysSoWithTheDeadline() throws Exception {
        String flat = flat(text(documents.certificate(certificate(false, true))));
        assertThat(flat).contains("证明编号：LY-2023-330000-000042", "履约年度2023", "履约完成日期2024年12月31日", "履约情况逾期履约（截止日2024年12月24日）",
                "由注登机构强制履约", FINGERPRINT);
        assertThat(flat).doesNotContain("按时履约");
    }

    @Test
    void aCertificateWhoseSurrendersDoNotCoverTheObligationIsNotPrinted() {
        ComplianceCertificate c = certificate(true, false);
        ComplianceCertificate shortBy1 = new ComplianceCertificate(c.number(), c.year(), c.entityName(), c.uscc(), c.etsAccount(), c.obligation(),
                c.allowances() - 1, c.ccer(), c.completedOn(), c.deadline(), true, false, c.issuedAt(), c.issuer(), c.fingerprint());
        assertThatThrownBy(() -> documents.certificate(shortBy1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.number());
    }

    // ---- helpers

    /** The text without any whitespace: line breaks and the extractor's spacing fall wherever the layout puts them. */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }

    /** Every font on every page is the embedded (FontFile2) subset of WenQuanYi Micro Hei. */
    static void assertFontEmbedded(byte[] pdf) throws Exception {
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("FontFile2");
        PdfReader reader = new PdfReader(pdf);
        try {
            List<String> fonts = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary pageFonts = resources.getAsDict(PdfName.FONT);
                for (PdfName key : pageFonts.getKeys()) {
                    PdfDictionary font = pageFonts.getAsDict(key);
                    PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
                    assertThat(descendants).as("a Type0 (Identity-H) font").isNotNull();
                    PdfDictionary descriptor = descendants.getAsDict(0).getAsDict(PdfName.FONTDESCRIPTOR);
                    assertThat(descriptor.get(PdfName.FONTFILE2)).as("the font program is embedded").isNotNull();
                    fonts.add(font.getAsName(PdfName.BASEFONT).toString());
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).matches("/[A-Z]{6}\\+.*"));
        } finally {
            reader.close();
        }
    }
}
