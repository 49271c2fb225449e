package org.opencets.compliance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.Vintage;

/**
 * Everything the rules need to judge a surrender for one emitter and year, read at one moment: the obligation (null
 * when none is recorded), what was already surrendered, the allowed vintages, the CCER cap, the holdings usable now
 * (available and borrowed, by vintage), allowances in the trading holding (usable once moved back) and the pending
 * CCER lots.
 */
record SurrenderPosition(int year, Long obligation, long surrenderedAllowances, long surrenderedCcer, List<Vintage> allowedVintages,
        BigDecimal offsetCapPercent, boolean firstPeriodCcerUsable, Map<Vintage, Long> available, Map<Vintage, Long> borrowed,
        Map<Vintage, Long> trading, List<PendingOffset> pendingOffsets) {

    long surrendered() {
        return surrenderedAllowances + surrenderedCcer;
    }

    long gap() {
        return obligation == null ? 0 : Math.max(0, obligation - surrendered());
    }

    /** CCER still allowed for the year: the cap less what earlier surrenders used. */
    long offsetRoom() {
        return obligation == null ? 0 : Math.max(0, ComplianceRules.offsetCap(obligation, offsetCapPercent) - surrenderedCcer);
    }
}
