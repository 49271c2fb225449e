package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Borrowing (预支) of next year's allowances (seed 003 §三; 2021/22 only): an entity whose gap is at least the threshold
 * share of its obligation may borrow up to the maximum share of the gap, rounded down.
 *
 * @param gap       obligation − allocation due, whole tonnes (0 when there is none)
 * @param gapRate   gap ÷ obligation, 4 decimals (for display; eligibility compares the exact ratio)
 * @param eligible  the gap rate reaches the threshold
 * @param maximum   what may be borrowed (0 when not eligible)
 */
public record BorrowingLimit(long gap, BigDecimal gapRate, boolean eligible, long maximum) {

    public static BorrowingLimit of(long obligation, long allocationDue, BigDecimal threshold, BigDecimal maxShare) {
        long gap = Math.max(0, obligation - allocationDue);
        BigDecimal rate = obligation == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(gap).divide(BigDecimal.valueOf(obligation), 4, RoundingMode.HALF_UP);
        // compared unrounded: a 9.995 % gap must not round up to the 10 % threshold
        boolean eligible = gap > 0 && BigDecimal.valueOf(gap).compareTo(threshold.multiply(BigDecimal.valueOf(obligation))) >= 0;
        long max = eligible ? maxShare.multiply(BigDecimal.valueOf(gap)).setScale(0, RoundingMode.FLOOR).longValueExact() : 0;
        return new BorrowingLimit(gap, rate, eligible, max);
    }
}
