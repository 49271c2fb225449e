package org.opencets.accounting;

import java.time.YearMonth;
import java.util.List;

/** A generating unit's year: the months it had to deposit (its operating months) and the deposits found. */
public record UnitYear(String unit, List<YearMonth> requiredMonths, List<UnitMonth> months) {

    public UnitYear {
        requiredMonths = List.copyOf(requiredMonths);
        months = List.copyOf(months);
    }
}
