package org.opencets.registry;

import java.time.Instant;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** A registry account. {@code holder} is set for emitter accounts only; {@code region} for all but the national accounts. */
public record Account(long id, String number, AccountKind kind, Uscc holder, String holderName, RegionCode region, AccountStatus status, int version,
        Instant openedAt) {
}
