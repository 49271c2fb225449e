package org.opencets.identity;

import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** An organisation using the platform. Key emitters, verifiers and other firms carry their USCC. */
public record Organisation(UUID id, String name, OrganisationKind kind, RegionCode region, Uscc uscc, boolean active) {
}
