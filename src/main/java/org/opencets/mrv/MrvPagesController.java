package org.opencets.mrv;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monitoring overview: an emitter's year (units × months, plans), or a bureau's review queue. */
@Controller
class MrvPagesController {

    private final MonthlyDeposits deposits;
    private final QualityControlPlans plans;
    private final KeyEmitterDirectory directory;
    private final Deadlines deadlines;
    private final AnnualReports reports;

    MrvPagesController(MonthlyDeposits deposits, QualityControlPlans plans, KeyEmitterDirectory directory, Deadlines deadlines,
            AnnualReports reports) {
        this.reports = reports;
        this.deposits = deposits;
        this.plans = plans;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    @GetMapping("/mrv")
    String overview(CurrentUser user, @RequestParam Optional<Integer> year, Model model) {
        int today = deadlines.today().getYear();
        int shownYear = year.orElse(today);
        model.addAttribute("year", shownYear);
        model.addAttribute("years", List.of(today - 2, today - 1, today, today + 1));
        model.addAttribute("currentMonth", YearMonth.from(deadlines.today()));
        if (user.kind() == OrganisationKind.KEY_EMITTER && user.uscc() != null) {
            KeyEmitter emitter = directory.get(user, user.uscc());
            List<GeneratingUnit> units = directory.units(user, emitter.id());
            Map<String, Deposit> cells = new LinkedHashMap<>();
            deposits.year(user, emitter, shownYear).forEach(d -> cells.put(d.unitId() + "/" + d.month(), d));
            Map<String, QcPlan> planCells = new LinkedHashMap<>();
            for (int y : List.of(shownYear, shownYear + 1)) {
                plans.ofEmitter(user, emitter, y).forEach(p -> planCells.putIfAbsent(p.unitId() + "/" + p.year(), p));
            }
            model.addAttribute("emitter", emitter);
            model.addAttribute("units", units);
            model.addAttribute("cells", cells);
            model.addAttribute("planCells", planCells);
            model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(shownYear, m)).toList());
            model.addAttribute("reportYears", List.of(today - 2, today - 1));
            return "mrv/emitter";
        }
        model.addAttribute("depositQueue", deposits.reviewQueue(user));
        model.addAttribute("planQueue", plans.reviewQueue(user));
        model.addAttribute("reportQueue", reports.reviewQueue(user));
        model.addAttribute("isDistrict", user.kind() == OrganisationKind.DISTRICT_BUREAU);
        model.addAttribute("isCity", user.kind() == OrganisationKind.CITY_BUREAU);
        return "mrv/queue";
    }
}
