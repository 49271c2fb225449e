package org.opencets.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The time a workflow step is recorded at: the clock's, unless {@link Backdating} loads history. */
@Component
public class WorkClock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Clock clock;

    WorkClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        Instant at = Backdating.current();
        return at != null ? at : clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }
}
