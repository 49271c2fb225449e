package org.opencets.directory;

import java.util.UUID;

/** A site (设施) of a key emitter. */
public record Facility(UUID id, UUID emitterId, String name, String address) {
}
