package org.opencets.directory;

import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/** Published when a key emitter enters the directory. */
public record KeyEmitterRegistered(Uscc uscc, String name, RegionCode region, Sector sector) {
}
