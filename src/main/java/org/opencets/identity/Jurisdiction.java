package org.opencets.identity;

import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** Which key emitters a user may see: a bureau its region, an emitter itself, the ministry all. */
public sealed interface Jurisdiction {

    boolean covers(RegionCode emitterRegion, Uscc emitter);

    /** The ministry's national read-only view, and national operators (registry, exchange). */
    record Nationwide() implements Jurisdiction {
        public boolean covers(RegionCode emitterRegion, Uscc emitter) {
            return true;
        }
    }

    /** A bureau: everything whose region code lies inside its own (GB/T 2260 prefix). */
    record WithinRegion(RegionCode region) implements Jurisdiction {
        public boolean covers(RegionCode emitterRegion, Uscc emitter) {
            return region.contains(emitterRegion);
        }
    }

    /** A key emitter: only itself. */
    record OwnEmitter(Uscc uscc) implements Jurisdiction {
        public boolean covers(RegionCode emitterRegion, Uscc emitter) {
            return uscc.equals(emitter);
        }
    }

    /** Verifiers and banks see no directory records by default (they get what is assigned to them). */
    record NoEmitters() implements Jurisdiction {
        public boolean covers(RegionCode emitterRegion, Uscc emitter) {
            return false;
        }
    }
}
