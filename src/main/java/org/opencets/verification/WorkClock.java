package org.opencets.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opencets.shared.Backdating;
import org.springframework.stereotype.Component;

/** The time verification records: the clock's, unless {@link Backdating} loads history. */
@Component
class WorkClock {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Clock clock;

    WorkClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        Instant at = Backdating.current();
        return at != null ? at : clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }
}
