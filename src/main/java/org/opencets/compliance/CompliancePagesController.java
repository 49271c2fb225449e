package org.opencets.compliance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance pages: an emitter's year (obligation, status, what it may surrender, its pending CCER, the 5 % cap,
 * a proposal, the surrender request with a live check as it types, its requests with the province's deficiencies and
 * the amendment), the province's review (approve, or reject listing every deficiency at once — seed 001 第四步), the
 * regional dashboard, forced compliance, and the two PDFs (application form, 履约证明). Every form that records
 * something carries the request's version or a fresh id, so a double click does its business once.
 */
@Controller
@RequestMapping("/compliance")
class CompliancePagesController {

    /** The deficiencies a reviewer ticks (message keys {@code compliance.pages.deficiency.<code>}). */
    static final List<String> DEFICIENCIES = List.of("obligation", "cap", "ineligible", "form", "contact");
    /** Deficiencies are recorded in the official language, whatever the reviewer's page language. */
    static final Locale RECORD_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final Compliance compliance;
    private final ComplianceOverview overview;
    private final ForcedCompliance forced;
    private final MessageSource messages;
    private final WorkClock clock;

    CompliancePagesController(Compliance compliance, ComplianceOverview overview, ForcedCompliance forced, MessageSource messages, WorkClock clock) {
        this.compliance = compliance;
        this.overview = overview;
        this.forced = forced;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- where a user starts

    @GetMapping
    String index(CurrentUser user) {
        return switch (user.kind()) {
            case KEY_EMITTER -> "redirect:/compliance/" + emitterYear(user);
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU, MINISTRY -> "redirect:/compliance/dashboard";
            case REGISTRY_OPERATOR -> "redirect:/compliance/forced";
            default -> throw new AccessDenied("denied.compliance.region", "Only emitters, bureaus, the ministry and the registry operator use compliance");
        };
    }

    /** The latest year the emitter has an obligation for (else the latest year anyone has, else last year). */
    private int emitterYear(CurrentUser user) {
        List<Integer> years = compliance.years();
        for (int year : years) {
            if (user.uscc() != null && compliance.obligation(user, user.uscc().value(), year).isPresent()) {
                return year;
            }
        }
        return years.isEmpty() ? clock.today().getYear() - 1 : years.getFirst();
    }

    private int defaultYear(Integer year) {
        if (year != null) {
            return year;
        }
        List<Integer> years = compliance.years();
        return years.isEmpty() ? clock.today().getYear() - 1 : years.getFirst();
    }

    // ---- the emitter's year

    @GetMapping("/{year:\\d{4}}")
    String own(CurrentUser user, @PathVariable int year, Model model, Locale locale) {
        if (user.kind() != OrganisationKind.KEY_EMITTER || user.uscc() == null) {
            return "redirect:/compliance/dashboard?year=" + year;
        }
        return emitterPage(user, user.uscc().value(), year, model, locale);
    }

    @GetMapping("/{year:\\d{4}}/emitters/{uscc}")
    String emitter(CurrentUser user, @PathVariable int year, @PathVariable String uscc, Model model, Locale locale) {
        if (user.uscc() != null && user.uscc().value().equals(uscc) && user.kind() == OrganisationKind.KEY_EMITTER) {
            return "redirect:/compliance/" + year;
        }
        return emitterPage(user, uscc, year, model, locale);
    }

    /** One allowance line of the form: a vintage the year accepts, with its available and borrowed fields. */
    record AllowanceRow(EmitterYear.UsableHolding holding, String field, String borrowedField) {
    }

    /** A request with its revisions, each revision's CCER lots, and (when rejected) the amendment's pre-filled values. */
    record RequestView(SurrenderRequest request, List<RevisionView> revisions, boolean amendable, Map<String, String> amendValues) {
    }

    record RevisionView(SurrenderRequest.Revision revision, List<Map.Entry<PendingOffset, Long>> lots) {
    }

    private String emitterPage(CurrentUser user, String uscc, int year, Model model, Locale locale) {
        EmitterYear ey = compliance.emitterYear(user, uscc, year);
        boolean self = user.kind() == OrganisationKind.KEY_EMITTER && user.uscc() != null && user.uscc().value().equals(uscc);
        model.addAttribute("ey", ey);
        model.addAttribute("self", self);
        model.addAttribute("mayAct", self && ComplianceAccess.actor(user));
        model.addAttribute("years", compliance.years());
        model.addAttribute("daysLeft", ey.deadline() == null ? null : ChronoUnit.DAYS.between(clock.today(), ey.deadline()));
        model.addAttribute("allowanceRows", ey.holdings().stream().filter(EmitterYear.UsableHolding::allowed)
                .map(h -> new AllowanceRow(h, allowanceField(h.vintage(), false), allowanceField(h.vintage(), true))).toList());
        model.addAttribute("eligibleLots", ey.pendingOffsets().stream().filter(l -> !l.projectInNationalEts()).count());
        Map<String, Long> proposal = new LinkedHashMap<>();
        ey.proposal().ask().allowances().forEach(a -> proposal.put(allowanceField(a.vintage(), a.borrowed()), a.quantity()));
        ey.proposal().ask().offsets().forEach(o -> proposal.put(offsetField(o.offsetId()), o.quantity()));
        model.addAttribute("proposalFields", proposal);
        Map<UUID, PendingOffset> lots = new LinkedHashMap<>();
        ey.pendingOffsets().forEach(l -> lots.put(l.offsetId(), l));
        List<RequestView> requests = new ArrayList<>();
        for (SurrenderRequest r : ey.requests()) {
            List<RevisionView> revisions = new ArrayList<>();
            for (SurrenderRequest.Revision v : r.revisions().reversed()) {
                List<Map.Entry<PendingOffset, Long>> of = compliance.offsetsOf(v);
                of.forEach(e -> lots.putIfAbsent(e.getKey().offsetId(), e.getKey()));
                revisions.add(new RevisionView(v, of));
            }
            boolean amendable = self && r.status() == SurrenderRequest.Status.REJECTED;
            Map<String, String> values = new LinkedHashMap<>();
            if (amendable && !r.revisions().isEmpty()) {
                SurrenderAsk ask = r.current().ask();
                ask.allowances().forEach(a -> values.put(allowanceField(a.vintage(), a.borrowed()), Long.toString(a.quantity())));
                ask.offsets().forEach(o -> values.put(offsetField(o.offsetId()), Long.toString(o.quantity())));
                values.put("contactName", r.contact().name());
                values.put("contactPhone", r.contact().phone());
                values.put("contactEmail", r.contact().email());
            }
            requests.add(new RequestView(r, revisions, amendable, values));
        }
        model.addAttribute("requests", requests);
        model.addAttribute("lots", lots);
        boolean open = ey.openRequest().isPresent();
        model.addAttribute("maySubmit", self && ComplianceAccess.actor(user) && ey.hasObligation() && !ey.obligation().exempt()
                && !ey.obligation().forcedCompliance() && ey.standing().gap() > 0 && !open);
        if (!model.containsAttribute("newId")) {
            model.addAttribute("newId", UUID.randomUUID().toString());
        }
        model.addAttribute("zone", WorkClock.CHINA);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "compliance/emitter";
    }

    static String allowanceField(Vintage vintage, boolean borrowed) {
        return "allowance." + vintage + (borrowed ? ".borrowed" : "");
    }

    static String offsetField(UUID lot) {
        return "offset." + lot;
    }

    // ---- the live check

    /** A problem told in the reader's language, with its key and field (a page can mark the input it concerns). */
    record Problem(String field, String key, String message) {
    }

    @PostMapping("/{year:\\d{4}}/check")
    String check(CurrentUser user, @PathVariable int year, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        List<FieldViolation> problems;
        long offset = 0;
        try {
            SurrenderAsk ask = ask(params);
            offset = ask.offsetTotal();
            problems = compliance.check(user, year, ask);
        } catch (ValidationFailed e) {
            problems = e.violations();
        }
        long obligation = compliance.obligation(user, user.uscc().value(), year).map(Obligation::tonnes).orElse(0L);
        BigDecimal ratio = compliance.ratioPercent(offset, obligation);
        model.addAttribute("offset", offset);
        model.addAttribute("ratio", ratio);
        model.addAttribute("problems", problems(problems, locale));
        model.addAttribute("checked", true);
        return "compliance/fragments :: check";
    }

    private List<Problem> problems(List<FieldViolation> violations, Locale locale) {
        return violations.stream().map(v -> new Problem(v.field() == null ? "_" : v.field(), v.messageKey(),
                FormErrors.of(List.of(v), messages, locale).values().iterator().next())).toList();
    }

    /** The quantities as the form sent them: {@code allowance.<vintage>[.borrowed]} and {@code offset.<lotId>}. */
    static SurrenderAsk ask(MultiValueMap<String, String> params) {
        List<ComplianceInput.RawAllowance> allowances = new ArrayList<>();
        List<ComplianceInput.RawOffset> offsets = new ArrayList<>();
        params.forEach((name, values) -> {
            String value = values == null || values.isEmpty() ? null : values.getFirst();
            if (name.startsWith("allowance.")) {
                String rest = name.substring("allowance.".length());
                boolean borrowed = rest.endsWith(".borrowed");
                allowances.add(new ComplianceInput.RawAllowance(borrowed ? rest.substring(0, rest.length() - ".borrowed".length()) : rest, value, borrowed));
            } else if (name.startsWith("offset.")) {
                offsets.add(new ComplianceInput.RawOffset(name.substring("offset.".length()), value));
            }
        });
        return ComplianceInput.ask(allowances, offsets);
    }

    private static Map<String, String> typed(MultiValueMap<String, String> params) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if ((name.startsWith("allowance.") || name.startsWith("offset.") || name.startsWith("contact")) && values != null && !values.isEmpty()) {
                typed.put(name, values.getFirst());
            }
        });
        return typed;
    }

    private static SurrenderRequest.Contact contact(MultiValueMap<String, String> params) {
        return new SurrenderRequest.Contact(strip(params.getFirst("contactName")), strip(params.getFirst("contactPhone")),
                strip(params.getFirst("contactEmail")));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    // ---- submitting and amending

    @PostMapping("/{year:\\d{4}}/requests")
    String submit(CurrentUser user, @PathVariable int year, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
            RedirectAttributes flash) {
        ComplianceAccess.requireEmitter(user);
        try {
            UUID id = requestId(params.getFirst("id"));
            SurrenderAsk ask = ask(params);
            boolean replay = compliance.requestIfAny(user, id).isPresent();
            SurrenderRequest r = compliance.submit(user, id, year, ask, contact(params));
            flash.addFlashAttribute("done", messages.getMessage(replay ? "compliance.pages.replayed" : "compliance.pages.submitted",
                    new Object[] {r.number()}, locale));
            return "redirect:/compliance/" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", "submit");
        model.addAttribute("typed", typed(params));
        // the same id again: if the first click did go through, the resubmission shows its outcome instead of a second request
        model.addAttribute("newId", String.valueOf(params.getFirst("id")));
        return emitterPage(user, user.uscc().value(), year, model, locale);
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(String.valueOf(id).strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed(FieldViolation.of("id", "compliance.request.id", "Give the request its own id (a UUID) and the compliance year"));
        }
    }

    @PostMapping("/requests/{id}/amend")
    String amend(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, @RequestParam MultiValueMap<String, String> params,
            Model model, Locale locale, RedirectAttributes flash) {
        ComplianceAccess.requireEmitter(user);
        SurrenderRequest before = compliance.request(user, id);
        try {
            SurrenderRequest r = compliance.amend(user, id, version, ask(params), contact(params));
            flash.addFlashAttribute("done", messages.getMessage("compliance.pages.amended", new Object[] {r.number(), r.revision()}, locale));
            return "redirect:/compliance/" + r.year();
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", "amend-" + id);
        model.addAttribute("typed", typed(params));
        return emitterPage(user, user.uscc().value(), before.year(), model, locale);
    }

    // ---- documents

    @GetMapping("/requests/{id}/form")
    ResponseEntity<byte[]> form(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer revision) {
        SurrenderRequest r = compliance.request(user, id);
        int rev = revision == null ? r.revision() : revision;
        return pdf(overview.applicationFormPdf(user, r, rev), "CCER抵销配额清缴申请表-" + r.number() + "-" + rev + ".pdf");
    }

    @GetMapping("/{year:\\d{4}}/certificate")
    ResponseEntity<byte[]> certificate(CurrentUser user, @PathVariable int year, @RequestParam(required = false) String emitter) {
        String uscc = emitter != null && !emitter.isBlank() ? emitter.strip() : Optional.ofNullable(user.uscc()).map(u -> u.value())
                .orElseThrow(() -> new ValidationFailed(FieldViolation.of("emitter", "compliance.pages.certificate.emitter", "Say whose certificate")));
        ComplianceCertificate c = overview.certificate(user, uscc, year);
        return pdf(overview.certificatePdf(user, uscc, year), "履约证明-" + c.number() + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    // ---- the province's review

    @GetMapping("/requests")
    String requests(CurrentUser user, @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("requests", compliance.requests(user, year, !all));
        model.addAttribute("all", all);
        model.addAttribute("year", year);
        model.addAttribute("years", compliance.years());
        model.addAttribute("zone", WorkClock.CHINA);
        return "compliance/requests";
    }

    @GetMapping("/requests/{id}")
    String review(CurrentUser user, @PathVariable UUID id, Model model) {
        SurrenderRequest r = compliance.request(user, id);
        EmitterYear ey = compliance.emitterYear(user, r.emitter(), r.year());
        SurrenderRequest.Revision current = r.revisions().isEmpty() ? null : r.current();
        long offset = current == null ? 0 : current.ask().offsetTotal();
        long obligation = ey.hasObligation() ? ey.obligation().tonnes() : 0;
        model.addAttribute("r", r);
        model.addAttribute("ey", ey);
        model.addAttribute("current", current);
        model.addAttribute("offset", offset);
        model.addAttribute("allowanceTotal", current == null ? 0 : current.ask().allowanceTotal());
        model.addAttribute("ratio", compliance.ratioPercent(offset, obligation));
        // the cap less what earlier approved surrenders of the year used (this request's lots are only reserved)
        model.addAttribute("overCap", offset > ey.offsetRoom());
        model.addAttribute("lots", current == null ? List.of() : compliance.offsetsOf(current));
        model.addAttribute("history", r.revisions().reversed());
        model.addAttribute("mayDecide", r.status() == SurrenderRequest.Status.SUBMITTED && ComplianceAccess.isReviewer(user, r.regionCode()));
        model.addAttribute("deficiencies", DEFICIENCIES);
        if (!model.containsAttribute("ticked")) {
            model.addAttribute("ticked", List.of());
            model.addAttribute("other", "");
        }
        model.addAttribute("zone", WorkClock.CHINA);
        return "compliance/review";
    }

    @PostMapping("/requests/{id}/approve")
    String approve(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            SurrenderRequest r = compliance.approve(user, id, version);
            flash.addFlashAttribute("done", messages.getMessage("compliance.pages.approved", new Object[] {r.number()}, locale));
            return "redirect:/compliance/requests/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", "approve");
        return review(user, id, model);
    }

    @PostMapping("/requests/{id}/reject")
    String reject(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(name = "deficiency", required = false) List<String> ticked, @RequestParam(defaultValue = "") String other, Model model,
            Locale locale, RedirectAttributes flash) {
        List<String> codes = ticked == null ? List.of() : ticked.stream().filter(DEFICIENCIES::contains).distinct().toList();
        List<String> listed = new ArrayList<>();
        for (String code : codes) {
            listed.add(messages.getMessage("compliance.pages.deficiency." + code, null, RECORD_LOCALE));
        }
        if (!other.isBlank()) {
            listed.add(other.strip());
        }
        try {
            SurrenderRequest r = compliance.reject(user, id, version, listed);
            flash.addFlashAttribute("done", messages.getMessage("compliance.pages.rejected", new Object[] {r.number(), listed.size()}, locale));
            return "redirect:/compliance/requests/" + id;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", "reject");
        model.addAttribute("ticked", codes);
        model.addAttribute("other", other);
        return review(user, id, model);
    }

    // ---- the dashboard

    @GetMapping("/dashboard")
    String dashboard(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = defaultYear(year);
        model.addAttribute("d", overview.dashboard(user, y));
        model.addAttribute("year", y);
        model.addAttribute("years", compliance.years());
        model.addAttribute("today", clock.today());
        model.addAttribute("isProvince", user.kind() == OrganisationKind.PROVINCE_BUREAU);
        return "compliance/dashboard";
    }

    // ---- forced compliance

    @GetMapping("/forced")
    String forcedCases(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = defaultYear(year);
        List<ForcedCase> cases = forced.cases(user, y);
        model.addAttribute("cases", cases);
        model.addAttribute("year", y);
        model.addAttribute("years", compliance.years());
        Map<String, Boolean> mayEntrust = new LinkedHashMap<>();
        cases.forEach(c -> mayEntrust.put(c.obligation().emitter(), !c.entrusted() && ComplianceAccess.isReviewer(user, c.obligation().regionCode())));
        model.addAttribute("mayEntrust", mayEntrust);
        model.addAttribute("mayExecute", user.kind() == OrganisationKind.REGISTRY_OPERATOR && ComplianceAccess.actor(user) && user.userId() != null);
        model.addAttribute("zone", WorkClock.CHINA);
        return "compliance/forced";
    }

    @PostMapping("/forced/{year:\\d{4}}/{uscc}/entrust")
    String entrust(CurrentUser user, @PathVariable int year, @PathVariable String uscc, Model model, Locale locale, RedirectAttributes flash) {
        try {
            ForcedCase c = forced.entrust(user, uscc, year);
            flash.addFlashAttribute("done", messages.getMessage("compliance.pages.forced.entrusted", new Object[] {c.obligation().emitterName()}, locale));
            return "redirect:/compliance/forced?year=" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        }
        model.addAttribute("errorForm", uscc);
        return forcedCases(user, year, model);
    }

    @PostMapping("/forced/cases/{id}/execute")
    String execute(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "0") int year, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            ForcedCase c = forced.execute(user, id);
            flash.addFlashAttribute("done", messages.getMessage("compliance.pages.forced.executed", new Object[] {c.obligation().emitterName()}, locale));
            return "redirect:/compliance/forced?year=" + c.obligation().year();
        } catch (ValidationFailed e) {
            model.addAttribute("errors", problems(e.violations(), locale));
        }
        model.addAttribute("errorForm", id.toString());
        return forcedCases(user, year == 0 ? null : year, model);
    }
}
