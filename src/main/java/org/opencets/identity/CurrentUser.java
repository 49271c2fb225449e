package org.opencets.identity;

import java.util.Set;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * The authenticated person (or machine client with an organisation's API key) making a request.
 *
 * @param uscc set for key emitters, verifiers and other firms; null for bureaus
 */
public record CurrentUser(UUID userId, String username, String displayName, UUID organisationId,
        String organisationName, OrganisationKind kind, RegionCode region, Uscc uscc, Set<Role> roles) implements org.springframework.security.core.AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }


    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Jurisdiction jurisdiction() {
        return switch (kind) {
            case MINISTRY, REGISTRY_OPERATOR, CCER_REGISTRY_OPERATOR -> new Jurisdiction.Nationwide();
            case PROVINCE_BUREAU, CITY_BUREAU, DISTRICT_BUREAU -> new Jurisdiction.WithinRegion(region);
            case KEY_EMITTER -> new Jurisdiction.OwnEmitter(uscc);
            case VERIFIER, EXCHANGE, BANK -> new Jurisdiction.NoEmitters();
        };
    }
}
