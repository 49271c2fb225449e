package org.opencets.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.UUID;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's administrator issues API keys for the organisation's systems (the full key is
 * shown once, right after issuing) and revokes them. {@link ApiKeys} checks the administrator role.
 */
@Controller
@RequestMapping("/admin/api-keys")
class AdminApiKeysController {

    static final int MAX_NAME = 100;
    /** The scheme's time zone: times are shown as Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ApiKeys apiKeys;
    private final AdminFormErrors errors;

    AdminApiKeysController(ApiKeys apiKeys, AdminFormErrors errors) {
        this.apiKeys = apiKeys;
        this.errors = errors;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        listModel(user, "", new AdminFormErrors.Errors(), model);
        return "admin/api-keys";
    }

    @PostMapping
    String issue(CurrentUser user, @RequestParam(name = "name", required = false) String name, Model model,
            HttpServletResponse response) {
        AdminFormErrors.Errors problems = new AdminFormErrors.Errors();
        if (name != null && name.strip().length() > MAX_NAME) {
            problems.field("name", errors.text("invalid.apikey.name.length", MAX_NAME));
        } else {
            try {
                ApiKeys.Issued issued = apiKeys.issue(user, name);
                model.addAttribute("key", issued.key());
                model.addAttribute("secretKey", issued.secretKey());
                model.addAttribute("user", user);
                return "admin/api-key-issued";
            } catch (InvalidValueException e) {
                problems.field("name", errors.text(e));
            }
        }
        response.setStatus(422);
        listModel(user, name, problems, model);
        return "admin/api-keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable("id") UUID id, RedirectAttributes redirect) {
        // ApiKeys.revoke ignores another organisation's key silently; say so instead of "revoked"
        if (apiKeys.of(user).stream().noneMatch(k -> k.id().equals(id))) {
            throw new RecordNotFound("api key", id);
        }
        apiKeys.revoke(user, id);
        redirect.addFlashAttribute("notice", errors.text("admin.apikeys.revoked.done"));
        return "redirect:/admin/api-keys";
    }

    private void listModel(CurrentUser user, String name, AdminFormErrors.Errors problems, Model model) {
        model.addAttribute("keys", apiKeys.of(user)); // checks the administrator role
        model.addAttribute("user", user);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", problems);
        model.addAttribute("zone", ZONE);
    }
}
