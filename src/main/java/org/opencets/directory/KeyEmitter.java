package org.opencets.directory;

import java.util.UUID;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/** A key emitter (重点排放单位) as the directory records it. */
public record KeyEmitter(UUID id, Uscc uscc, String name, RegionCode region, IndustryCode industry, EmitterStatus status,
        String address, String legalRepresentative, String contactName, String contactPhone, String contactEmail, int version) {

    public Sector sector() {
        return industry.sector();
    }
}
