package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.util.List;
import org.opencets.accounting.Figure;
import org.opencets.accounting.Figure.Input;

/**
 * The true-up (多退少补) after the final allocation: what is still to issue (positive) or to take back (negative) given
 * what was already issued for the year (pre-allocation, earlier final decisions) and what was borrowed against it.
 */
public final class TrueUp {

    private TrueUp() {
    }

    public static Figure of(long allocationDue, long alreadyIssued, long borrowedAgainst) {
        long diff = allocationDue - alreadyIssued - borrowedAgainst;
        return new Figure("trueUp", BigDecimal.valueOf(diff), "t", "A_due − issued − borrowed",
                List.of(Input.of("A_due", BigDecimal.valueOf(allocationDue), "t", "allocationDue"),
                        Input.of("issued", BigDecimal.valueOf(alreadyIssued), "t", "issued"),
                        Input.of("borrowed", BigDecimal.valueOf(borrowedAgainst), "t", "borrowing")));
    }
}
