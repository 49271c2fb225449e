package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One source stream of a non-power entity's year (activity data × emission factor). Fuel streams name a
 * {@code fuel} of the year's factors and carry NCV, carbon per GJ (CC) and oxidation rate (each may be left to the
 * year's default); process streams carry their emission factor (e.g. clinker, tCO2/t); purchased electricity and
 * heat take the year's factors.
 */
public record SourceStream(String key, StreamKind kind, String name, String fuel, BigDecimal activity, String activityUnit, Reported ncv,
        Reported carbonPerGj, Reported oxidationRate, Reported emissionFactor, String source) {

    public SourceStream {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }
}
