package org.opencets.accounting;

/** A fuel's year: total consumption, consumption-weighted NCV and C_ar, and the sum of the monthly emissions. */
public record FuelYearAccount(String fuel, Figure consumption, Figure ncv, Figure carbon, Figure emissions) {
}
