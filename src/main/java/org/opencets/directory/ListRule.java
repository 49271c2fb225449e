package org.opencets.directory;

import org.opencets.shared.Tonnes;

/**
 * The yearly numbers of a list (data per year in {@code directory.list_rule}, never constants): the inclusion
 * threshold and how many consecutive years below it lead to exit. Its due dates come from the calendar.
 */
public record ListRule(int year, ListType type, Tonnes inclusionThreshold,
        int exitYearsBelow, String source) {
}
