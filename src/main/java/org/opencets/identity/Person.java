package org.opencets.identity;

import java.util.Set;
import java.util.UUID;

/** A person's account as their organisation's administrator sees it. */
public record Person(UUID id, UUID organisationId, String username, String displayName, String email,
        Set<Role> roles, boolean enabled, boolean locked) {
}
