package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The allocation notices (配额分配通知书) and their service receipts (送达回证, seed 004 §三(二)3): the year's notices
 * the user sees, a notice with its receipt, the emitter's signature, the bureau's record of a paper service or a
 * refusal, and both documents as PDFs.
 */
@Controller
@RequestMapping("/allocation/notices")
class NoticePagesController {

    /** The notice and the receipt are official documents: always in Chinese. */
    private static final Locale DOCUMENTS = Locale.SIMPLIFIED_CHINESE;

    private final Notices notices;
    private final Allocations allocations;
    private final NoticeDocuments documents;
    private final MessageSource messages;
    private final WorkClock clock;

    NoticePagesController(Notices notices, Allocations allocations, NoticeDocuments documents, MessageSource messages, WorkClock clock) {
        this.notices = notices;
        this.allocations = allocations;
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String index(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? clock.today().getYear() - 1 : year;
        model.addAttribute("year", y);
        model.addAttribute("years", IntStream.rangeClosed(Math.min(y, clock.today().getYear() - 4), Math.max(y, clock.today().getYear())).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("notices", notices.ofYear(user, y));
        return "allocation/notices";
    }

    @GetMapping("/{id}")
    String notice(CurrentUser user, @PathVariable UUID id, Model model, Locale locale) {
        AllocationNotice n = notices.get(user, id);
        AllocationDecision d = allocations.decision(user, n.decisionId());
        boolean pending = n.receipt().status() == AllocationNotice.ReceiptStatus.PENDING;
        model.addAttribute("n", n);
        model.addAttribute("r", n.receipt());
        model.addAttribute("d", d);
        model.addAttribute("kind", NoticeDocuments.kindKey(d));
        model.addAttribute("units", NoticeDocuments.units(d));
        model.addAttribute("gapCap", NoticeDocuments.gapCapTopUp(d).orElse(null));
        model.addAttribute("basisText", NoticeDocuments.preBasis(d).map(b -> messages.getMessage("allocation.notice.basisText", new Object[] {n.year() - 1,
                b.previousEmissions().toPlainString(), b.percent().toPlainString(), d.allocationDue()}, locale)).orElse("—"));
        model.addAttribute("trueUp", NoticeDocuments.trueUpKind(d));
        model.addAttribute("issuedOn", NoticeDocuments.day(n.issuedAt()));
        model.addAttribute("servedOn", NoticeDocuments.day(n.receipt().servedAt()));
        model.addAttribute("maySign", pending && AllocationAccess.isEmitter(user, n.emitter()));
        model.addAttribute("mayRecord", pending && AllocationAccess.isDeliverer(user, n.region()));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("place", n.receipt().place() == null ? "" : n.receipt().place()));
        }
        return "allocation/notice";
    }

    /** The emitter signs in the platform (受送达人签字). */
    @PostMapping("/{id}/acknowledge")
    String acknowledge(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String signedBy,
            Model model, Locale locale, RedirectAttributes flash) {
        model.addAttribute("typed", Map.of("signedBy", signedBy));
        return act(user, id, model, locale, flash, "allocation.notice.done.acknowledged", () -> notices.acknowledge(user, id, version, signedBy));
    }

    /** The bureau records a service on paper (the recipient or an agent signed). */
    @PostMapping("/{id}/delivery")
    String delivery(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String agent,
            @RequestParam(defaultValue = "") String agentRelation, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        model.addAttribute("typed", Map.of("method", method, "place", place, "recipient", recipient, "agent", agent, "agentRelation", agentRelation,
                "deliveryNote", note));
        return act(user, id, model, locale, flash, "allocation.notice.done.delivered",
                () -> notices.recordDelivery(user, id, version, method, place, recipient, agent, agentRelation, note));
    }

    /** The bureau records a refusal with its reason and a witness (拒收原因、见证人). */
    @PostMapping("/{id}/refusal")
    String refusal(CurrentUser user, @PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String witness, @RequestParam(defaultValue = "") String note, Model model, Locale locale,
            RedirectAttributes flash) {
        model.addAttribute("typed", Map.of("reason", reason, "witness", witness, "refusalNote", note));
        return act(user, id, model, locale, flash, "allocation.notice.done.refused", () -> notices.recordRefusal(user, id, version, reason, witness, note));
    }

    @GetMapping("/{id}/notice.pdf")
    void noticePdf(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        AllocationNotice n = notices.get(user, id);
        AllocationDecision d = allocations.decision(user, n.decisionId());
        pdf(response, documents.noticePdf(n, d, DOCUMENTS), "配额分配通知书-" + n.emitterName() + "-" + n.year() + ".pdf");
    }

    @GetMapping("/{id}/receipt.pdf")
    void receiptPdf(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        AllocationNotice n = notices.get(user, id);
        pdf(response, documents.receiptPdf(n, DOCUMENTS), "送达回证-" + n.emitterName() + "-" + n.year() + ".pdf");
    }

    private static void pdf(HttpServletResponse response, byte[] pdf, String filename) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(pdf);
    }

    private String act(CurrentUser user, UUID id, Model model, Locale locale, RedirectAttributes flash, String doneKey, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
            return "redirect:/allocation/notices/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return notice(user, id, model, locale);
    }
}
