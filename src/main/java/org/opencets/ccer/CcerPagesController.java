package org.opencets.ccer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CCER registry's pages: the operator's projects, accounts and forms; a holder's account with its holdings by
 * project and state, the binding, the national compliance offset, its lots and its period-1 cancellations. Every form
 * that moves CCER carries an id made when the page was drawn, so a double click acts once; a refused form shows why
 * next to itself, keeps what was typed, and changes nothing.
 */
@Controller
@RequestMapping("/ccer")
class CcerPagesController {

    private static final List<String> INDEX_FORMS = List.of("project", "account", "issue", "firstPeriod");
    private static final List<String> ACCOUNT_FORMS = List.of("binding", "offset");

    private final CcerRegistry registry;
    private final ComplianceOffsets offsets;
    private final Regions regions;
    private final MessageSource messages;

    CcerPagesController(CcerRegistry registry, ComplianceOffsets offsets, Regions regions, MessageSource messages) {
        this.registry = registry;
        this.offsets = offsets;
        this.regions = regions;
        this.messages = messages;
    }

    /** One project's CCER in an account, by state. */
    record HoldingRow(String projectNumber, String projectName, boolean inNationalEts, long available, long frozen, long cancelled) {
    }

    // ---- the operator's (and the authorities') overview

    @GetMapping
    String index(CurrentUser user, Model model) {
        if (user.kind() == OrganisationKind.KEY_EMITTER) {
            var own = registry.ownAccount(user);
            if (own.isPresent()) {
                return "redirect:/ccer/accounts/" + own.get().id();
            }
        }
        return renderIndex(user, model);
    }

    private String renderIndex(CurrentUser user, Model model) {
        model.addAttribute("isOperator", registry.isOperator(user));
        model.addAttribute("isEmitter", user.kind() == OrganisationKind.KEY_EMITTER);
        model.addAttribute("projects", registry.projects(user));
        List<CcerAccount> accounts = registry.accounts(user);
        model.addAttribute("accounts", accounts);
        Map<String, String> regionNames = new LinkedHashMap<>();
        accounts.forEach(a -> regionNames.computeIfAbsent(a.region().value(), r -> regions.nameOf(a.region())));
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("ids", ids(INDEX_FORMS));
        model.addAttribute("zone", WorkClock.CHINA);
        return "ccer/index";
    }

    @PostMapping("/projects")
    String registerProject(CurrentUser user, @RequestParam(defaultValue = "") String projectNumber, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String methodology,
            @RequestParam(required = false) String inNationalEts, Model model, Locale locale, RedirectAttributes flash) {
        Map<String, String> typed = typed("projectNumber", projectNumber, "name", name, "type", type, "methodology", methodology, "inNationalEts",
                inNationalEts);
        return indexAction(user, "project", typed, model, locale, flash, () -> {
            Recorded<CcerProject> r = registry.registerProject(user, projectNumber, name, type, methodology, yesNo(inNationalEts));
            return done("ccer.pages.done.project", r.replayed(), r.value().projectNumber());
        });
    }

    @PostMapping("/accounts")
    String openAccount(CurrentUser user, @RequestParam(defaultValue = "") String uscc, @RequestParam(defaultValue = "") String holderName,
            @RequestParam(defaultValue = "") String region, Model model, Locale locale, RedirectAttributes flash) {
        return indexAction(user, "account", typed("uscc", uscc, "holderName", holderName, "region", region), model, locale, flash, () -> {
            Recorded<CcerAccount> r = registry.openAccount(user, uscc, holderName, region);
            return done("ccer.pages.done.account", r.replayed(), r.value().id(), r.value().holderName());
        });
    }

    @PostMapping("/issuances")
    String issue(CurrentUser user, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String quantity, Model model, Locale locale,
            RedirectAttributes flash) {
        return indexAction(user, "issue", typed("account", account, "project", project, "quantity", quantity), model, locale, flash, () -> {
            CcerAccess.requireOperator(user);
            Recorded<CcerMovement> r = registry.issue(user, id, account, project, CcerInput.quantity(quantity));
            return done("ccer.pages.done.issue", r.replayed(), r.value().quantity(), r.value().projectNumber(), r.value().accountId());
        });
    }

    @PostMapping("/first-period-cancellations")
    String recordFirstPeriod(CurrentUser user, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String quantity,
            @RequestParam(defaultValue = "") String cancelledOn, Model model, Locale locale, RedirectAttributes flash) {
        Map<String, String> typed = typed("account", account, "project", project, "quantity", quantity, "cancelledOn", cancelledOn);
        return indexAction(user, "firstPeriod", typed, model, locale, flash, () -> {
            CcerAccess.requireOperator(user);
            List<FieldViolation> problems = new ArrayList<>();
            long q = 0;
            try {
                q = CcerInput.quantity(quantity);
            } catch (ValidationFailed e) {
                problems.addAll(e.violations());
            }
            java.time.LocalDate on = null;
            try {
                on = CcerApiController.date(cancelledOn);
            } catch (ValidationFailed e) {
                problems.addAll(e.violations());
            }
            if (!problems.isEmpty()) {
                throw new ValidationFailed(problems);
            }
            Recorded<FirstPeriodCancellation> r = registry.recordFirstPeriodCancellation(user, id, account, project, q, on);
            return done("ccer.pages.done.firstPeriod", r.replayed(), r.value().quantity(), r.value().projectNumber(), r.value().accountId());
        });
    }

    private String indexAction(CurrentUser user, String form, Map<String, String> typed, Model model, Locale locale, RedirectAttributes flash,
            Supplier<Done> action) {
        try {
            Done d = action.get();
            flash(d, flash, locale);
            return "redirect:/ccer";
        } catch (ValidationFailed e) {
            refused(form, typed, e, model, locale);
            return renderIndex(user, model);
        }
    }

    // ---- one account

    @GetMapping("/accounts/{id}")
    String account(CurrentUser user, @PathVariable String id, Model model) {
        return renderAccount(user, id, model);
    }

    private String renderAccount(CurrentUser user, String id, Model model) {
        CcerAccount account = registry.account(user, id);
        List<CcerHolding> holdings = registry.holdings(user, account.id());
        Map<String, HoldingRow> rows = new LinkedHashMap<>();
        for (CcerHolding h : holdings) {
            HoldingRow r = rows.getOrDefault(h.projectNumber(), new HoldingRow(h.projectNumber(), h.projectName(), h.projectInNationalEts(), 0, 0, 0));
            rows.put(h.projectNumber(), switch (h.state()) {
                case AVAILABLE -> new HoldingRow(r.projectNumber(), r.projectName(), r.inNationalEts(), h.quantity(), r.frozen(), r.cancelled());
                case FROZEN_FOR_OFFSET -> new HoldingRow(r.projectNumber(), r.projectName(), r.inNationalEts(), r.available(), h.quantity(), r.cancelled());
                case CANCELLED -> new HoldingRow(r.projectNumber(), r.projectName(), r.inNationalEts(), r.available(), r.frozen(), h.quantity());
            });
        }
        List<HoldingRow> offerable = rows.values().stream().filter(r -> r.available() > 0).toList();
        model.addAttribute("account", account);
        model.addAttribute("regionName", regions.nameOf(account.region()));
        model.addAttribute("holdings", List.copyOf(rows.values()));
        model.addAttribute("offerable", offerable);
        model.addAttribute("etsCovered", offerable.stream().filter(HoldingRow::inNationalEts).toList());
        model.addAttribute("offsets", registry.offsets(user, account.id()));
        List<FirstPeriodCancellation> cancellations = registry.firstPeriodCancellations(user, account.id());
        model.addAttribute("cancellations", cancellations);
        model.addAttribute("movements", registry.movements(user, account.id(), 50));
        model.addAttribute("isHolder", registry.isHolder(user, account));
        Map<String, String> ids = ids(ACCOUNT_FORMS);
        cancellations.forEach(c -> ids.put(c.id().toString(), UUID.randomUUID().toString()));
        model.addAttribute("ids", ids);
        model.addAttribute("zone", WorkClock.CHINA);
        return "ccer/account";
    }

    @PostMapping("/accounts/{id}/binding")
    String bind(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String etsAccount, Model model, Locale locale,
            RedirectAttributes flash) {
        return accountAction(user, id, "binding", typed("etsAccount", etsAccount), model, locale, flash, () -> {
            Recorded<CcerAccount> r = offsets.bind(user, id, etsAccount);
            return done("ccer.pages.done.binding", r.replayed(), r.value().boundEtsAccount());
        });
    }

    @PostMapping("/accounts/{id}/offsets")
    String requestOffset(CurrentUser user, @PathVariable String id, @RequestParam(name = "id", defaultValue = "") String requestId,
            @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String quantity, Model model, Locale locale,
            RedirectAttributes flash) {
        return accountAction(user, id, "offset", typed("project", project, "quantity", quantity), model, locale, flash, () -> {
            CcerAccess.requireHolder(user, registry.account(user, id));
            Recorded<CcerOffset> r = offsets.requestOffset(user, requestId, id, project, CcerInput.quantity(quantity));
            CcerOffset o = r.value();
            return done(o.projectInNationalEts() ? "ccer.pages.done.offset.etsCovered" : "ccer.pages.done.offset", r.replayed(), o.quantity(),
                    o.projectNumber(), o.etsAccount());
        });
    }

    @PostMapping("/accounts/{id}/first-period/{cancellation}")
    String applyFirstPeriod(CurrentUser user, @PathVariable String id, @PathVariable UUID cancellation,
            @RequestParam(name = "id", defaultValue = "") String requestId, Model model, Locale locale, RedirectAttributes flash) {
        return accountAction(user, id, "firstPeriod", Map.of(), model, locale, flash, () -> {
            Recorded<CcerOffset> r = offsets.applyFirstPeriodCancellation(user, requestId, cancellation);
            return done("ccer.pages.done.applied", r.replayed(), r.value().quantity(), r.value().projectNumber(), r.value().etsAccount());
        });
    }

    private String accountAction(CurrentUser user, String id, String form, Map<String, String> typed, Model model, Locale locale,
            RedirectAttributes flash, Supplier<Done> action) {
        try {
            Done d = action.get();
            flash(d, flash, locale);
            return "redirect:/ccer/accounts/" + registry.account(user, id).id();
        } catch (ValidationFailed e) {
            refused(form, typed, e, model, locale);
            return renderAccount(user, id, model);
        }
    }

    // ---- helpers

    private record Done(String key, boolean replayed, Object[] args) {
    }

    private static Done done(String key, boolean replayed, Object... args) {
        return new Done(key, replayed, args);
    }

    private void flash(Done d, RedirectAttributes flash, Locale locale) {
        flash.addFlashAttribute("done", messages.getMessage(d.key(), d.args(), locale));
        flash.addFlashAttribute("replayed", d.replayed());
    }

    private void refused(String form, Map<String, String> typed, ValidationFailed e, Model model, Locale locale) {
        model.addAttribute("errors", FormErrors.of(e.violations(), messages, locale));
        model.addAttribute("errorForm", form);
        model.addAttribute("typed", typed);
    }

    private static Map<String, String> ids(List<String> forms) {
        Map<String, String> ids = new LinkedHashMap<>();
        forms.forEach(f -> ids.put(f, UUID.randomUUID().toString()));
        return ids;
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            typed.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return typed;
    }

    private static Boolean yesNo(String value) {
        return switch (value == null ? "" : value) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
