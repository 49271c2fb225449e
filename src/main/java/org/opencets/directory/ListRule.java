package org.opencets.directory;

import java.time.LocalDate;
import org.opencets.shared.Tonnes;

/**
 * The yearly numbers of a list (data per year in {@code directory.list_rule}, never constants):
 * when the district's proposal and the city's publication are due, the inclusion threshold and how
 * many consecutive years below it lead to exit.
 */
public record ListRule(int year, ListType type, LocalDate proposalDue, LocalDate publicationDue, Tonnes inclusionThreshold,
        int exitYearsBelow, String source) {
}
