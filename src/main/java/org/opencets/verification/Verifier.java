package org.opencets.verification;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.opencets.shared.Sector;

/** A firm's verifier (核查员) and the credential that lets them verify the given sectors. */
public record Verifier(UUID id, UUID firmId, String name, String credentialNumber, LocalDate credentialUntil, Set<Sector> sectors, boolean active) {

    public boolean qualifiedFor(Sector sector, LocalDate on) {
        return active && !credentialUntil.isBefore(on) && sectors.contains(sector);
    }
}
