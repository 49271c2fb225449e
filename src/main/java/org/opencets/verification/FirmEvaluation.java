package org.opencets.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A city's evaluation of the firms that verified in it for a data year: computed live from the records until the city
 * publishes it (then a frozen edition on the public page), with a rating and, for D or below, a notice and interview.
 */
public record FirmEvaluation(int year, String city, UUID id, Integer edition, Instant publishedAt, String publishedBy, List<Row> rows) {

    public record Row(UUID firmId, String firmName, int tasks, int onTime, int overturned, int upheldObjections, int processDefects, BigDecimal quality,
            BigDecimal compliance, BigDecimal timeliness, BigDecimal score, Rating rating, Interview interview) {
    }

    public record Interview(UUID id, String notice, Instant noticedAt, LocalDate heldOn, String firmHead, String participants, String record,
            Instant recordedAt, String recordedBy) {

        public boolean held() {
            return recordedAt != null;
        }
    }

    public boolean published() {
        return publishedAt != null;
    }
}
