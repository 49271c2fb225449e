package org.opencets.registry;

import java.time.LocalDate;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** An emitter's allowances bought and sold through settled trades in one week (Monday first), and the net purchase (净购入量). */
public record NetPurchase(String account, Uscc emitter, String emitterName, RegionCode region, LocalDate weekStart, long bought, long sold) {

    public long net() {
        return bought - sold;
    }
}
