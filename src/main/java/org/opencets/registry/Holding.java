package org.opencets.registry;

import org.opencets.shared.Vintage;

/** One account's quantity of one unit type and vintage in one state. */
public record Holding(String account, UnitType unitType, Vintage vintage, HoldingState state, long balance) {
}
