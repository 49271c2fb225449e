package org.opencets.allocationmethod;

import java.util.List;

/** The method's answer for an entity: allocated, or refused with every problem at once. */
public sealed interface AllocationOutcome {

    record Allocated(EntityAllocation allocation) implements AllocationOutcome {
    }

    record Refused(List<MethodProblem> problems) implements AllocationOutcome {

        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
