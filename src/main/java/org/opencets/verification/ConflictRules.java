package org.opencets.verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/**
 * Conflicts of interest and qualification, checked for every assignment, by hand or by draw (issue 6; 条例 2024 第十四条;
 * seed 004 §三(三)6 "客观独立、公平公正"). Pure: the caller loads the firm's staff, engagements and verification history.
 *
 * @param maxConsecutiveYears the year's rule: a firm verifies the same emitter at most this many years in a row
 * @param preparationExclusion the year's rule: a firm preparing reports in a province may verify nobody there
 */
record ConflictRules(int maxConsecutiveYears, boolean preparationExclusion) {

    /** The emitter to verify. */
    record Target(Uscc emitter, String province, Sector sector, int year) {
    }

    List<Conflict> check(Firm firm, Collection<Verifier> staff, Target target, Collection<Engagement> engagements, Set<Integer> yearsVerified,
            LocalDate today) {
        List<Conflict> conflicts = new ArrayList<>();
        if (!firm.active()) {
            conflicts.add(Conflict.of(Conflict.Code.FIRM_INACTIVE));
        }
        if (!firm.sectors().contains(target.sector())) {
            conflicts.add(Conflict.of(Conflict.Code.SECTOR_NOT_QUALIFIED, target.sector().name()));
        } else if (staff.stream().noneMatch(v -> v.qualifiedFor(target.sector(), today))) {
            conflicts.add(Conflict.of(Conflict.Code.NO_QUALIFIED_VERIFIER, target.sector().name()));
        }
        engagements.stream().filter(e -> e.emitter().equals(target.emitter()) && e.year() == target.year()).findFirst()
                .ifPresent(e -> conflicts.add(Conflict.of(Conflict.Code.CONSULTED_EMITTER, e.kind().name(), target.year())));
        if (preparationExclusion && engagements.stream().anyMatch(e -> e.kind() == Engagement.Kind.REPORT_PREPARATION
                && e.year() == target.year() && e.province().equals(target.province()) && !e.emitter().equals(target.emitter()))) {
            conflicts.add(Conflict.of(Conflict.Code.PREPARES_REPORTS_IN_PROVINCE, target.year()));
        }
        int run = consecutiveYearsBefore(target.year(), yearsVerified);
        if (run >= maxConsecutiveYears) {
            conflicts.add(Conflict.of(Conflict.Code.CONSECUTIVE_YEARS, run, maxConsecutiveYears));
        }
        return conflicts;
    }

    /** How many years directly before {@code year} the firm verified the emitter without a gap. */
    static int consecutiveYearsBefore(int year, Set<Integer> yearsVerified) {
        int run = 0;
        while (yearsVerified.contains(year - run - 1)) {
            run++;
        }
        return run;
    }
}
