package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.NoticeFixtures.Plant;
import org.opencets.identity.AccessDenied;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The allocation notice and its service receipt: both PDFs of a fresh 嵊州 power emitter's 2023 notices, the emitter
 * signing once (the inbox obligation closed), refusals that change nothing, the district recording a refusal, and who
 * may not see or record.
 *
 * <p>Data ownership: power emitters registered here in 330683 with their own officer; the demo logins zj.officer,
 * sx.city, shengzhou.district, nb.city, ministry.viewer and beilun.power only read or are refused.
 */
@IntegrationTest
class NoticeDocumentsAndReceiptsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    ApplicationContext context;
    @Autowired
    Notices notices;
    @Autowired
    NoticeDocuments documents;
    @Autowired
    Obligations obligations;

    NoticeFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new NoticeFixtures(context);
    }

    @Test
    void bothDocumentsRenderWithTheNumberTheFiguresAndTheReceiptForm() throws Exception {
        Plant p = fx.plant("嵊州通知文书测试热电有限公司");
        AllocationDecision fin = p.fin();
        assertThat(fin.allocationDue()).isPositive();
        assertThat(fin.alreadyIssued()).isEqualTo(p.pre().allocationDue());
        assertThat(p.pre().allocationDue()).isEqualTo(875000L); // 70% of 1,250,000 t

        String notice = text(documents.noticePdf(p.finalNotice(), fin, ZH));
        assertThat(notice).contains("配额分配通知书", p.finalNotice().number(), p.emitter().name(), p.uscc().value(),
                String.valueOf(fin.allocationDue()), String.valueOf(fin.obligation()), "送达回证", NoticeFixtures.UNIT, fin.contentSha256(),
                p.finalNotice().issuedBy());
        assertThat(notice).contains(fin.toIssue() > 0 ? "补发 " + fin.toIssue() + " 吨" : "收回 " + -fin.toIssue() + " 吨");
        assertThat(NoticeDocuments.units(fin)).extracting(NoticeDocuments.UnitRow::unit, NoticeDocuments.UnitRow::gasTopUp)
                .containsExactly(tuple(NoticeFixtures.UNIT, null));

        String pre = text(documents.noticePdf(p.preNotice(), p.pre(), ZH));
        assertThat(pre).contains(p.preNotice().number(), "875000", "1250000", "70%");

        byte[] receipt = documents.receiptPdf(p.finalNotice(), ZH);
        assertThat(new String(receipt, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String receiptText = text(receipt);
        assertThat(receiptText).contains("送达文书名称", p.finalNotice().number(), p.emitter().name(), "见证人", "拒收原因", "代收人与受送达人关系")
                .doesNotContain("通知测试经办人");

        // once signed, the receipt carries the signature and the way it was served
        notices.acknowledge(p.officer(), p.finalNotice().id(), 0, "通知测试经办人");
        String signed = text(documents.receiptPdf(fx.reload(p.finalNotice()), ZH));
        assertThat(signed).contains("通知测试经办人", Notices.ELECTRONIC);
    }

    @Test
    void aSpecialCaseIsOnTheNoticeWithItsNoteAndTheProvincialAccount() throws Exception {
        Plant p = fx.plant("嵊州通知特殊情形测试热电有限公司", SpecialCaseKind.LEGAL_RISK, "该单位涉及司法冻结，配额发放至省级账户");
        assertThat(p.fin().account()).isEqualTo(AllocationDecision.Account.PROVINCIAL);
        String notice = text(documents.noticePdf(p.finalNotice(), p.fin(), ZH));
        assertThat(notice).contains("特殊情形", "存在法律、诉讼、债务或司法冻结风险", "特殊说明", "该单位涉及司法冻结，配额发放至省级账户", "省级生态环境主管部门账户");
        String pre = text(documents.noticePdf(p.preNotice(), p.pre(), ZH));
        assertThat(pre).contains("该单位涉及司法冻结，配额发放至省级账户", "省级生态环境主管部门账户");
    }

    @Test
    void theEmitterSignsOnceAndTheInboxObligationCloses() {
        Plant p = fx.plant("嵊州通知签收测试热电有限公司");
        AllocationNotice n = p.finalNotice();
        Obligation open = obligations.find(Notices.key(n.id())).orElseThrow();
        assertThat(open.isOpen()).isTrue();
        assertThat(open.link()).isEqualTo("/allocation/notices/" + n.id());
        assertThat(open.responsibleOrganisation()).isEqualTo(p.officer().organisationId());

        // a signature without a name is refused and changes nothing
        assertRefused(() -> notices.acknowledge(p.officer(), n.id(), 0, "  "), "recipient", "allocation.receipt.recipientMissing");
        assertThat(fx.reload(n)).isEqualTo(n);
        // the bureau may not sign for the emitter
        assertThatThrownBy(() -> notices.acknowledge(fx.district(), n.id(), 0, "向炜")).isInstanceOf(AccessDenied.class);
        assertThat(fx.reload(n)).isEqualTo(n);

        AllocationNotice signed = notices.acknowledge(p.officer(), n.id(), 0, "通知测试经办人");
        assertThat(signed.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.ACKNOWLEDGED);
        assertThat(signed.receipt().recipient()).isEqualTo("通知测试经办人");
        assertThat(signed.receipt().servedAt()).isNotNull();
        assertThat(signed.receipt().version()).isEqualTo(1);
        Obligation closed = obligations.find(Notices.key(n.id())).orElseThrow();
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.outcome()).isEqualTo(Obligation.Outcome.DONE);

        // signing twice (with the old or the new version) is refused and changes nothing
        assertRefused(() -> notices.acknowledge(p.officer(), n.id(), 0, "再签"), "receipt", "allocation.receipt.alreadyRecorded");
        assertRefused(() -> notices.acknowledge(p.officer(), n.id(), 1, "再签"), "receipt", "allocation.receipt.alreadyRecorded");
        assertRefused(() -> notices.recordRefusal(fx.district(), n.id(), 1, "拒签", "见证人", ""), "receipt", "allocation.receipt.alreadyRecorded");
        assertThat(fx.reload(n)).isEqualTo(signed);
        // the pre-allocation's notice is still to be signed
        assertThat(fx.reload(p.preNotice()).receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.PENDING);
    }

    @Test
    void theDistrictRecordsARefusalWithReasonAndWitnessOthersMayNot() {
        Plant p = fx.plant("嵊州通知拒收测试热电有限公司");
        AllocationNotice n = p.preNotice();

        // without a witness (or a reason) refused, nothing changed
        assertRefused(() -> notices.recordRefusal(fx.district(), n.id(), 0, "企业拒绝签收", " ", "当面送达"), "witness",
                "allocation.receipt.witnessMissing");
        assertThatThrownBy(() -> notices.recordRefusal(fx.district(), n.id(), 0, "", "", ""))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("refusalReason", "witness"));
        assertThat(fx.reload(n)).isEqualTo(n);
        assertThat(obligations.find(Notices.key(n.id())).orElseThrow().isOpen()).isTrue();

        // another region's bureau does not see the notice; the ministry and the emitter see it but may not record
        assertThatThrownBy(() -> notices.recordRefusal(fx.user("nb.city"), n.id(), 0, "拒签", "见证人", "")).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> notices.get(fx.user("nb.city"), n.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> notices.recordRefusal(fx.user("ministry.viewer"), n.id(), 0, "拒签", "见证人", ""))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> notices.recordRefusal(p.officer(), n.id(), 0, "拒签", "见证人", "")).isInstanceOf(AccessDenied.class);
        // another emitter does not see it at all
        assertThatThrownBy(() -> notices.get(fx.user("beilun.power"), n.id())).isInstanceOf(RecordNotFound.class);
        assertThat(notices.ofYear(fx.user("beilun.power"), NoticeFixtures.YEAR)).extracting(AllocationNotice::id).doesNotContain(n.id());
        assertThat(notices.ofYear(p.officer(), NoticeFixtures.YEAR)).extracting(AllocationNotice::id)
                .containsExactlyInAnyOrder(p.preNotice().id(), p.finalNotice().id());
        // a stale version is a conflict
        assertThatThrownBy(() -> notices.recordRefusal(fx.district(), n.id(), 7, "拒签", "见证人", "")).isInstanceOf(ConcurrentModification.class);
        assertThat(fx.reload(n)).isEqualTo(n);

        AllocationNotice refused = notices.recordRefusal(fx.district(), n.id(), 0, "企业以对预分配量有异议为由拒绝签收", "嵊州市某街道工作人员李某", "留置送达");
        assertThat(refused.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.REFUSED);
        assertThat(refused.receipt().refusalReason()).isEqualTo("企业以对预分配量有异议为由拒绝签收");
        assertThat(refused.receipt().witness()).isEqualTo("嵊州市某街道工作人员李某");
        assertThat(refused.receipt().servedBy()).isEqualTo(fx.district().displayName());
        assertThat(obligations.find(Notices.key(n.id())).orElseThrow().isOpen()).isFalse();
        assertThat(fx.receiptRows(n)).isEqualTo(1);

        // a paper service on the final notice: an agent needs the relation
        AllocationNotice f = p.finalNotice();
        assertRefused(() -> notices.recordDelivery(fx.district(), f.id(), 0, "直接送达", "企业办公室", "", "王某", "", ""), "agentRelation",
                "allocation.receipt.relationMissing");
        assertThat(fx.reload(f)).isEqualTo(f);
        AllocationNotice delivered = notices.recordDelivery(fx.district(), f.id(), 0, "直接送达", "企业办公室", "", "王某", "办公室主任", "");
        assertThat(delivered.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.ACKNOWLEDGED);
        assertThat(delivered.receipt().agent()).isEqualTo("王某");
        assertThat(delivered.receipt().method()).isEqualTo("直接送达");
    }

    private static String text(byte[] pdf) throws Exception {
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

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactly(tuple(field, key)));
    }
}
