package org.opencets.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The city's evaluation of a firm for a data year (seed 002 §二(八): 工作质量、合规性、及时性), from the platform's own
 * records of the firm's N concluded tasks in the city:
 * <pre>
 * quality    = W_q × max(0, 1 − (overturned + upheld objections) / N)   overturned: a re-verification changed the figures
 * compliance = W_c × (N − tasks with a process defect) / N               defect: no site visit, a finding closed without the
 *                                                                        emitter's answer, or a revision issued late
 * timeliness = W_t × (first conclusions issued by the deadline) / N
 * score      = quality + compliance + timeliness, each to one decimal (half up)
 * rating     = A ≥ min_A, B ≥ min_B, C ≥ min_C, D ≥ min_D, else E
 * </pre>
 * The weights W and the rating bounds are data per year (VERIFIER_SCORE_WEIGHT, VERIFIER_RATING_MIN).
 */
record FirmScoring(BigDecimal qualityWeight, BigDecimal complianceWeight, BigDecimal timelinessWeight, BigDecimal minA, BigDecimal minB,
        BigDecimal minC, BigDecimal minD) {

    /** What the platform recorded of one firm's year. */
    record Record(int tasks, int onTime, int overturned, int upheldObjections, int processDefects) {
    }

    record Score(BigDecimal quality, BigDecimal compliance, BigDecimal timeliness, BigDecimal total, Rating rating) {
    }

    Score score(Record r) {
        if (r.tasks() <= 0) {
            throw new IllegalArgumentException("A firm without concluded tasks is not scored");
        }
        BigDecimal n = BigDecimal.valueOf(r.tasks());
        BigDecimal qualityShare = BigDecimal.ONE.subtract(BigDecimal.valueOf(r.overturned() + r.upheldObjections()).divide(n, 10, RoundingMode.HALF_UP))
                .max(BigDecimal.ZERO);
        BigDecimal quality = points(qualityWeight.multiply(qualityShare));
        BigDecimal compliance = points(complianceWeight.multiply(BigDecimal.valueOf(Math.max(0, r.tasks() - r.processDefects()))).divide(n, 10, RoundingMode.HALF_UP));
        BigDecimal timeliness = points(timelinessWeight.multiply(BigDecimal.valueOf(r.onTime())).divide(n, 10, RoundingMode.HALF_UP));
        BigDecimal total = quality.add(compliance).add(timeliness);
        return new Score(quality, compliance, timeliness, total, rating(total));
    }

    Rating rating(BigDecimal total) {
        if (total.compareTo(minA) >= 0) {
            return Rating.A;
        }
        if (total.compareTo(minB) >= 0) {
            return Rating.B;
        }
        if (total.compareTo(minC) >= 0) {
            return Rating.C;
        }
        return total.compareTo(minD) >= 0 ? Rating.D : Rating.E;
    }

    private static BigDecimal points(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP);
    }
}
