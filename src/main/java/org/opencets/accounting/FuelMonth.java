package org.opencets.accounting;

import java.math.BigDecimal;

/** One fuel's month: consumption (t or 10⁴Nm³), NCV and as-received carbon content as reported. */
public record FuelMonth(String fuel, BigDecimal consumption, Reported ncv, Reported carbon) {
}
