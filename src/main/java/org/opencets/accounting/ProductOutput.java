package org.opencets.accounting;

import java.math.BigDecimal;

/** A product line of the sector's supplementary data table (e.g. clinker, t) used for the emission intensity. */
public record ProductOutput(String key, String name, BigDecimal output, String unit) {
}
