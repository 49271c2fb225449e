package org.opencets.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A region's compliance for a year: how many emitters must surrender (exempt ones apart), how many have, the rate
 * now and against the year's interim and final targets (e.g. 95 % by the interim date, 100 % by the final date),
 * and the emitters with gaps, largest gap first (then fewest days left).
 */
public record ComplianceDashboard(int year, String regionPrefix, int emitters, int complied, int compliedOnTime, int late, int partial,
        int notComplied, int outstanding, int exempt, BigDecimal rate, LocalDate interimDate, BigDecimal interimTarget, BigDecimal rateByInterim,
        LocalDate finalDate, BigDecimal finalTarget, BigDecimal rateByFinal, List<Gap> gaps, List<YearStanding> standings) {

    public record Gap(YearStanding standing, long daysLeft) {
    }

    public boolean interimMet() {
        return interimTarget != null && rateByInterim.compareTo(interimTarget) >= 0;
    }

    public boolean finalMet() {
        return finalTarget != null && rateByFinal.compareTo(finalTarget) >= 0;
    }
}
