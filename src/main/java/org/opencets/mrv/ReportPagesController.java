package org.opencets.mrv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencets.accounting.Figure;
import org.opencets.accounting.StreamKind;
import org.opencets.directory.Fuel;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FormErrors;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Uscc;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The annual report page: figures with "how computed", explanation, documents, streams, submit, review, PDF and Excel. */
@Controller
@RequestMapping("/mrv/reports")
class ReportPagesController {

    private final AnnualReports reports;
    private final MessageSource messages;
    private final MrvLabels labels;
    private final ReportDocuments documents;

    ReportPagesController(AnnualReports reports, MessageSource messages, MrvLabels labels, ReportDocuments documents) {
        this.reports = reports;
        this.messages = messages;
        this.labels = labels;
        this.documents = documents;
    }

    @GetMapping("/{uscc}/{year}")
    String show(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, Model model, Locale locale) {
        AnnualReportView view = reports.view(user, uscc, year);
        model.addAttribute("view", view);
        model.addAttribute("report", view.report());
        model.addAttribute("isEmitter", MrvAccess.isEmitter(user, uscc));
        model.addAttribute("blockers", FormErrors.of(labels.violations(view.blockers(), locale), messages, locale).values());
        model.addAttribute("gapMessages", FormErrors.of(labels.violations(view.figures().gaps().stream().map(AnnualReports::gapViolation).toList(),
                locale), messages, locale).values());
        model.addAttribute("canReview", view.report() != null && view.report().status().waitingFor(view.emitter().sector())
                .map(l -> l.mayAct(user, view.emitter().region())).orElse(false));
        model.addAttribute("kinds", StreamKind.values());
        model.addAttribute("fuels", Stream.of(Fuel.values()).filter(Fuel::isFossil).toList());
        model.addAttribute("base", "/mrv/reports/" + uscc.value() + "/" + year);
        if (view.report() != null) {
            model.addAttribute("returnReasons", ReviewEvent.lastReturnReasons(reports.history(user, view.report().status() == ReportStatus.RETURNED
                    || view.report().replaces() == null ? view.report().id() : view.report().replaces())));
            model.addAttribute("receipt", reports.receipt(user, view.report().id()).orElse(null));
        }
        return "mrv/report";
    }

    /** The "how computed" panel of one figure (htmx). */
    @GetMapping("/{uscc}/{year}/figure")
    String figure(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam(defaultValue = "") String unit,
            @RequestParam String key, Model model) {
        ReportFigures figures = reports.figures(user, uscc, year);
        Figure figure = find(figures, unit, key).orElseThrow(() -> new RecordNotFound("Figure", key));
        model.addAttribute("figure", figure);
        model.addAttribute("unit", unit);
        return "mrv/report :: how";
    }

    @PostMapping("/{uscc}/{year}/draft")
    String draft(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.started", () -> reports.draft(user, uscc, year));
    }

    @PostMapping("/{uscc}/{year}/explanation")
    String explanation(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String explanation, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.saved", () -> reports.saveExplanation(user, id, version, explanation));
    }

    @PostMapping("/{uscc}/{year}/streams")
    String streams(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam UUID id, @RequestParam int version,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes flash) {
        model.addAttribute("typed", form); // shown again if the rows are refused
        return act(user, uscc, year, model, locale, flash, "report.saved", () -> {
            StreamForm parsed = StreamForm.parse(form);
            reports.saveStreams(user, id, version, parsed.streams(), parsed.products());
        });
    }

    @PostMapping("/{uscc}/{year}/attachments")
    String attach(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam UUID id,
            @RequestParam("file") MultipartFile file, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.attached", () -> {
            try (InputStream in = file.getInputStream()) {
                reports.attach(user, id, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/{uscc}/{year}/attachments/{uploadId}/delete")
    String detach(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam UUID id, @PathVariable UUID uploadId,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.detached", () -> reports.detach(user, id, uploadId));
    }

    @PostMapping("/{uscc}/{year}/submit")
    String submit(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @RequestParam UUID id, @RequestParam int version,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.submitted", () -> reports.submit(user, id, version));
    }

    @PostMapping("/{uscc}/{year}/versions/{id}/approve")
    String approve(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.approved", () -> reports.approve(user, id, version));
    }

    @PostMapping("/{uscc}/{year}/versions/{id}/return")
    String returnReport(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String reasons, Model model, Locale locale, RedirectAttributes flash) {
        return act(user, uscc, year, model, locale, flash, "report.returned",
                () -> reports.returnWithReasons(user, id, version, DepositForm.reasons(reasons)));
    }

    @GetMapping("/{uscc}/{year}/report.pdf")
    void pdf(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, Locale locale, HttpServletResponse response) throws IOException {
        AnnualReportView view = reports.view(user, uscc, year);
        byte[] pdf = documents.pdf(view, locale);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.inline()
                .filename("年度排放报告-" + view.emitter().name() + "-" + year + ".pdf", StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(pdf);
    }

    @GetMapping("/{uscc}/{year}/report.xlsx")
    void xlsx(CurrentUser user, @PathVariable Uscc uscc, @PathVariable int year, Locale locale, HttpServletResponse response) throws IOException {
        AnnualReportView view = reports.view(user, uscc, year);
        byte[] workbook = documents.xlsx(view, locale);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("年度排放报告-" + view.emitter().name() + "-" + year + ".xlsx", StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(workbook);
    }

    static Optional<Figure> find(ReportFigures figures, String unit, String key) {
        return switch (figures) {
            case ReportFigures.Power p -> {
                if (unit.isEmpty()) {
                    yield Stream.of(p.account().fuelEmissions(), p.account().electricityEmissions(), p.account().totalEmissions(),
                            p.account().complianceEmissions()).filter(f -> f.key().equals(key)).findFirst();
                }
                yield p.account().units().stream().filter(u -> u.unit().equals(unit)).findFirst().flatMap(u -> u.figure(key));
            }
            case ReportFigures.Streams s -> Stream.concat(s.account().streams().stream(), Stream.concat(Stream.of(s.account().fuelCombustion(),
                    s.account().process(), s.account().purchasedElectricity(), s.account().purchasedHeat(), s.account().totalEmissions(),
                    s.account().complianceEmissions()), s.account().intensities().stream())).filter(f -> f.key().equals(key)).findFirst();
        };
    }

    private String act(CurrentUser user, Uscc uscc, int year, Model model, Locale locale, RedirectAttributes flash, String doneKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", doneKey);
            return "redirect:/mrv/reports/" + uscc.value() + "/" + year;
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(labels.violations(e.violations(), locale), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        return show(user, uscc, year, model, locale);
    }

}
