package org.opencets.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The city's yearly evaluation of a firm (seed 002 §二(八)): weights 50/30/20, bounds A 90, B 80, C 70, D 60. */
class FirmScoringTest {

    private static final FirmScoring SCORING = new FirmScoring(bd("50"), bd("30"), bd("20"), bd("90"), bd("80"), bd("70"), bd("60"));

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private static FirmScoring.Score score(int tasks, int onTime, int overturned, int upheld, int defects) {
        return SCORING.score(new FirmScoring.Record(tasks, onTime, overturned, upheld, defects));
    }

    private static void assertScore(FirmScoring.Score s, String quality, String compliance, String timeliness, String total, Rating rating) {
        // exact BigDecimal equality: every part and the total carry one decimal
        assertThat(s.quality()).as("quality").isEqualTo(bd(quality));
        assertThat(s.compliance()).as("compliance").isEqualTo(bd(compliance));
        assertThat(s.timeliness()).as("timeliness").isEqualTo(bd(timeliness));
        assertThat(s.total()).as("total").isEqualTo(bd(total));
        assertThat(s.rating()).as("rating").isEqualTo(rating);
    }

    @Test
    void workedExample() {
        // 4 tasks, 3 on time, 1 overturned, 0 upheld, 1 defect:
        // quality 50×(1−1/4)=37.5, compliance 30×3/4=22.5, timeliness 20×3/4=15.0 → 75.0 → C (70 ≤ 75 < 80)
        assertScore(score(4, 3, 1, 0, 1), "37.5", "22.5", "15.0", "75.0", Rating.C);
    }

    @Test
    void perfectRecord() {
        // 50×1 + 30×5/5 + 20×5/5 = 100.0 → A
        assertScore(score(5, 5, 0, 0, 0), "50.0", "30.0", "20.0", "100.0", Rating.A);
    }

    @Test
    void upheldObjectionsCountAgainstQualityLikeOverturns() {
        // quality 50×(1−2/4)=25.0; 30×4/4=30.0; 20×4/4=20.0 → 75.0
        assertScore(score(4, 4, 0, 2, 0), "25.0", "30.0", "20.0", "75.0", Rating.C);
        // overturned 1 + upheld 1 over 4 → same quality
        assertScore(score(4, 4, 1, 1, 0), "25.0", "30.0", "20.0", "75.0", Rating.C);
    }

    @Test
    void totalExactly90IsA() {
        // 10 tasks, 5 on time: 50.0 + 30.0 + 20×5/10=10.0 → 90.0 → A
        assertScore(score(10, 5, 0, 0, 0), "50.0", "30.0", "10.0", "90.0", Rating.A);
    }

    @Test
    void totalExactly60IsDAndBelowIsE() {
        // 10 tasks, 0 on time, 4 overturned: 50×0.6=30.0 + 30.0 + 0.0 → 60.0 → D
        assertScore(score(10, 0, 4, 0, 0), "30.0", "30.0", "0.0", "60.0", Rating.D);
        // one process defect more: 30×9/10=27.0 → 57.0 → E
        assertScore(score(10, 0, 4, 0, 1), "30.0", "27.0", "0.0", "57.0", Rating.E);
    }

    @Test
    void totalExactly70IsC() {
        // 2 tasks, 5 defects (more than tasks): compliance max(0, 2−5)=0 → 0.0; 50.0 + 0.0 + 20.0 → 70.0 → C
        assertScore(score(2, 2, 0, 0, 5), "50.0", "0.0", "20.0", "70.0", Rating.C);
    }

    @Test
    void qualityIsNeverNegative() {
        // 2 tasks, 2 overturned + 1 upheld: 1 − 3/2 = −0.5 → max 0 → 0.0; 30.0 + 20.0 → 50.0 → E
        assertScore(score(2, 2, 2, 1, 0), "0.0", "30.0", "20.0", "50.0", Rating.E);
        assertThat(score(1, 0, 10, 10, 0).quality()).isEqualTo(bd("0.0"));
    }

    @Test
    void thirdsRoundToOneDecimal() {
        // 3 tasks, 2 on time: 20×2/3 = 13.333… → 13.3; 50.0 + 30.0 + 13.3 = 93.3 → A
        assertScore(score(3, 2, 0, 0, 0), "50.0", "30.0", "13.3", "93.3", Rating.A);
        // 3 tasks, 1 overturned: 50×2/3 = 33.333… → 33.3; + 30.0 + 20.0 = 83.3 → B
        assertScore(score(3, 3, 1, 0, 0), "33.3", "30.0", "20.0", "83.3", Rating.B);
        // 3 tasks, 2 on time, 1 overturned, 1 defect: 33.3 + 30×2/3=20.0 + 13.3 = 66.6 → D
        // (the parts are rounded before they are added: the unrounded sum 66.67 would give 66.7)
        assertScore(score(3, 2, 1, 0, 1), "33.3", "20.0", "13.3", "66.6", Rating.D);
    }

    @Test
    void roundingIsHalfUp() {
        // 16 tasks, 1 on time, 1 overturned, 1 defect:
        // quality 50×15/16 = 46.875 → 46.9; compliance 30×15/16 = 28.125 → 28.1; timeliness 20×1/16 = 1.25 → 1.3 (half-even: 1.2)
        assertScore(score(16, 1, 1, 0, 1), "46.9", "28.1", "1.3", "76.3", Rating.C);
        // 8 tasks, 1 on time, 3 overturned, 1 defect:
        // quality 50×5/8 = 31.25 → 31.3 (half-even: 31.2); compliance 30×7/8 = 26.25 → 26.3 (half-even: 26.2); 20×1/8 = 2.5
        assertScore(score(8, 1, 3, 0, 1), "31.3", "26.3", "2.5", "60.1", Rating.D);
    }

    @Test
    void weightsAndBoundsAreTheYearsData() {
        FirmScoring other = new FirmScoring(bd("40"), bd("40"), bd("20"), bd("95"), bd("85"), bd("75"), bd("65"));
        // 40×3/4=30.0 + 40×3/4=30.0 + 20×3/4=15.0 = 75.0 → C under these bounds (75 ≤ 75 < 85)
        FirmScoring.Score s = other.score(new FirmScoring.Record(4, 3, 1, 0, 1));
        assertThat(s.quality()).isEqualTo(bd("30.0"));
        assertThat(s.compliance()).isEqualTo(bd("30.0"));
        assertThat(s.timeliness()).isEqualTo(bd("15.0"));
        assertThat(s.total()).isEqualTo(bd("75.0"));
        assertThat(s.rating()).isEqualTo(Rating.C);
        assertThat(other.rating(bd("90.0"))).isEqualTo(Rating.B);
    }

    @Test
    void firmWithoutTasksIsNotScored() {
        assertThatThrownBy(() -> score(0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without concluded tasks");
        assertThatThrownBy(() -> score(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "100.0, A", "90.0, A", "90.00, A", "90, A", "89.9, B", "89.99, B",
        "80.0, B", "79.9, C",
        "70.0, C", "69.9, D",
        "60.0, D", "60, D", "59.9, E", "0.0, E"
    })
    void ratingBounds(String total, Rating expected) {
        assertThat(SCORING.rating(bd(total))).isEqualTo(expected);
    }

    @Test
    void onlyDAndENeedAnInterview() {
        assertThat(EnumSet.allOf(Rating.class).stream().filter(Rating::needsInterview)).containsExactly(Rating.D, Rating.E);
        assertThat(Rating.A.needsInterview()).isFalse();
        assertThat(Rating.B.needsInterview()).isFalse();
        assertThat(Rating.C.needsInterview()).isFalse();
        assertThat(Rating.D.needsInterview()).isTrue();
        assertThat(Rating.E.needsInterview()).isTrue();
    }
}
