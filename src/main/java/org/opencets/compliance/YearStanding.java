package org.opencets.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencets.registry.Surrendered;
import org.opencets.shared.WorkClock;

/**
 * One emitter's standing for a year, computed from its obligation and its effective surrenders: when the cumulative
 * surrender first reached the obligation decides on time (by the end of the final date, China time) or late.
 */
public record YearStanding(String emitter, String emitterName, String regionCode, int year, long obligation, long allowances, long ccer,
        ComplianceStatus status, Instant completedAt, LocalDate deadline, boolean forced) {

    public long surrendered() {
        return allowances + ccer;
    }

    public long gap() {
        return Math.max(0, obligation - surrendered());
    }

    static YearStanding of(String emitter, String name, String region, int year, long obligation, boolean exempt, List<Surrendered> surrenders,
            LocalDate deadline, LocalDate today) {
        long allowances = 0;
        long ccer = 0;
        Instant completed = null;
        boolean forced = false;
        for (Surrendered s : surrenders) {
            allowances += s.allowances();
            ccer += s.ccer();
            forced |= s.forced();
            if (completed == null && allowances + ccer >= obligation) {
                completed = s.at();
            }
        }
        ComplianceStatus status;
        if (exempt) {
            status = ComplianceStatus.EXEMPT;
        } else if (completed != null || obligation == 0) {
            boolean late = completed != null && deadline != null && completed.atZone(WorkClock.CHINA).toLocalDate().isAfter(deadline);
            status = late ? ComplianceStatus.LATE : ComplianceStatus.ON_TIME;
        } else if (deadline == null || !today.isAfter(deadline)) {
            status = ComplianceStatus.OUTSTANDING;
        } else {
            status = allowances + ccer > 0 ? ComplianceStatus.PARTIAL : ComplianceStatus.NOT_COMPLIED;
        }
        return new YearStanding(emitter, name, region, year, obligation, allowances, ccer, status, completed, deadline, forced);
    }
}
