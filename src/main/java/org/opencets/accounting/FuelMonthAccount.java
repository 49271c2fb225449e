package org.opencets.accounting;

/** A fuel's month worked out: consumption, NCV, C_ar and emissions, each with how it was obtained. */
public record FuelMonthAccount(String fuel, Figure consumption, Figure ncv, Figure carbon, Figure emissions) {
}
