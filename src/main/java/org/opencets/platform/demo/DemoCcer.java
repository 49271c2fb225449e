package org.opencets.platform.demo;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The CCER side of the demo (projects, accounts, binding, national compliance offsets): filled in with the CCER registry module. */
@Component
class DemoCcer {

    void load(LocalDate day) {
    }
}
