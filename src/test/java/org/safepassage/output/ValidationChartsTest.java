package org.safepassage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Observed;
import org.safepassage.validation.PointResult;

/** The validation chart counts an observation within the band only when its figure is. */
class ValidationChartsTest {

    private static PointResult point(double persons, double low, double high, double p5, double p95) {
        boolean overlaps = high >= p5 && low <= p95;
        return new PointResult(new Observed.Point(10, persons, low, high, Observed.Quality.E, "s"), persons, p5, p95,
                overlaps, 0);
    }

    @Test
    void aFigureOutsideTheBandIsNotCountedWithinItEvenWhenItsRangeOverlaps() {
        PointResult inside = point(100, 80, 120, 90, 110);
        PointResult overlapping = point(200, 100, 300, 50, 150); // 200 is above the band's 150
        PointResult missed = point(1000, 900, 1100, 50, 150);
        String title = ValidationCharts.title("ep", List.of(inside, overlapping, missed), 0.5);
        assertEquals("ep: 1 of 3 figures inside the 90 % band (2 ranges overlap it), |log10 error| 0.50",
                title);
        assertEquals("", ValidationCharts.label(inside));
        assertEquals(" (outside, range overlaps)", ValidationCharts.label(overlapping));
        assertEquals(" (missed)", ValidationCharts.label(missed));
    }
}
