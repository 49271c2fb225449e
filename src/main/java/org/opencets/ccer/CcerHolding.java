package org.opencets.ccer;

/** One account's quantity (tCO₂e) of one project's CCER in one state. */
public record CcerHolding(String projectNumber, String projectName, boolean projectInNationalEts, CcerHoldingState state, long quantity) {
}
