package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.List;
import org.opencets.accounting.EntityAccount;
import org.opencets.accounting.Gap;
import org.opencets.accounting.StreamsAccount;
import org.opencets.accounting.Warning;

/** A report's computed figures: per unit and month for power, per source stream for the other sectors. */
public sealed interface ReportFigures {

    BigDecimal totalEmissions();

    /** What counts towards the surrender obligation under the year's rules. */
    BigDecimal complianceEmissions();

    List<Gap> gaps();

    List<Warning> warnings();

    default boolean complete() {
        return gaps().isEmpty();
    }

    record Power(EntityAccount account) implements ReportFigures {
        public BigDecimal totalEmissions() {
            return account.totalEmissions().value();
        }

        public BigDecimal complianceEmissions() {
            return account.complianceEmissions().value();
        }

        public List<Gap> gaps() {
            return account.gaps();
        }

        public List<Warning> warnings() {
            return account.warnings();
        }
    }

    record Streams(StreamsAccount account) implements ReportFigures {
        public BigDecimal totalEmissions() {
            return account.totalEmissions().value();
        }

        public BigDecimal complianceEmissions() {
            return account.complianceEmissions().value();
        }

        public List<Gap> gaps() {
            return account.gaps();
        }

        public List<Warning> warnings() {
            return List.of();
        }
    }
}
