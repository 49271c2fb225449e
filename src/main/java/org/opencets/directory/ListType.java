package org.opencets.directory;

import org.opencets.shared.Sector;

/** The two yearly lists of seed 002 §一: the power sector, and every other covered sector. */
public enum ListType {
    POWER, NON_POWER;

    public static ListType of(Sector sector) {
        return sector.isPower() ? POWER : NON_POWER;
    }
}
