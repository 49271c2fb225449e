package org.opencets.verification;

import java.util.Set;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/** A verification firm (核查技术服务机构): its qualification on file and the sectors it may verify. */
public record Firm(UUID organisationId, Uscc uscc, String name, RegionCode region, String qualification, Set<Sector> sectors, boolean active,
        int version) {

    public String province() {
        return region.value().substring(0, 2);
    }
}
