package org.opencets.notary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /public/receipts}: anyone pastes or uploads a receipt and sees whether it is in the log (signed head,
 * inclusion proof) and whether the log has only grown since (consistency with the latest signed head).
 */
@Controller
@RequestMapping("/public/receipts")
class ReceiptPagesController {

    private final TransparencyLog log;

    ReceiptPagesController(TransparencyLog log) {
        this.log = log;
    }

    /** One check with its message key below {@code receipts.check.}. */
    public record PageCheck(String code, boolean ok, List<Object> arguments) {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("publicKey", log.publicKeyPem());
        log.latestTreeHead().ifPresent(h -> model.addAttribute("head", h));
        return "public/receipts";
    }

    @PostMapping
    String verify(@RequestParam(required = false) String receipt, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        String json = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : receipt;
        model.addAttribute("receiptText", json);
        Receipt parsed;
        try {
            parsed = ReceiptJson.read(json == null ? "" : json);
        } catch (RuntimeException e) {
            model.addAttribute("malformed", true);
            return form(model);
        }
        model.addAttribute("receipt", parsed);
        model.addAttribute("checks", checks(parsed));
        return form(model);
    }

    List<PageCheck> checks(Receipt r) {
        List<PageCheck> checks = new ArrayList<>();
        List<ReceiptVerifier.Check> own = ReceiptVerifier.verify(r, log.publicKey());
        checks.add(new PageCheck("leaf", own.get(0).ok(), List.of(r.entryKind(), r.entryRef())));
        checks.add(new PageCheck("signature", own.get(1).ok(), List.of(r.treeHead().size())));
        checks.add(new PageCheck("inclusion", own.get(2).ok(), List.of(r.index(), r.treeHead().size())));
        SignedTreeHead latest = log.latestTreeHead().orElse(null);
        if (latest == null || latest.size() < r.treeHead().size()) {
            checks.add(new PageCheck("unknownHead", false, List.of(r.treeHead().size())));
            return checks;
        }
        List<ReceiptVerifier.Check> growth = ReceiptVerifier.verifyGrowth(r.treeHead(), latest,
                log.consistencyProof(r.treeHead().size(), latest.size()), log.publicKey());
        checks.add(new PageCheck("consistency", ReceiptVerifier.allHold(growth), List.of(r.treeHead().size(), latest.size())));
        return checks;
    }
}
