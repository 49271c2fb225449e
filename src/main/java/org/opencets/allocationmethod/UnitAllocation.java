package org.opencets.allocationmethod;

import org.opencets.accounting.Figure;

/**
 * One unit's final allocation: {@code benchmark} = floor(Qe × Be × Ff + Qh × Bh), plus for gas units the top-up to
 * their verified emissions. {@code loadRate} and {@code loadFactor} are only set for conventional coal units.
 */
public record UnitAllocation(String unit, Figure loadRate, Figure loadFactor, Figure electricity, Figure heat, Figure benchmark, Figure gasTopUp,
        long allowances) {
}
