package org.opencets.identity;

import org.opencets.shared.RegionCode;

/** A known administrative division (GB/T 2260) with its name. */
public record Region(RegionCode code, String name, RegionCode parent, RegionCode.Level level) {
}
