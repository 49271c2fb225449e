package org.opencets.directory;

import org.opencets.calendar.Deadline;

/** When a list's district proposal and city publication are due for a region (null where no rule is recorded). */
public record ListDue(ListRule rule, Deadline proposal, Deadline publication) {
}
