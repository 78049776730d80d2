package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LineRangeTest {
    @Test
    void spanCoversBothRanges() {
        assertEquals(new LineRange(3, 12), new LineRange(10, 12).span(new LineRange(3, 4)));
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new LineRange(5, 4));
    }
}
