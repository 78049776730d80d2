package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.atlas.web.AcceptList;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {
    private static final AcceptList JSON_OR_CSV = AcceptList.create("application/json", "text/csv");

    @Test
    void theTypeTheHeaderPrefersWins() {
        assertTrue(AcceptHeader.prefers("text/csv", JSON_OR_CSV, "text/csv"));
        assertTrue(AcceptHeader.prefers("application/json;q=0.5, text/csv", JSON_OR_CSV, "text/csv"));
        assertFalse(AcceptHeader.prefers("application/json, text/csv;q=0.5", JSON_OR_CSV, "text/csv"));
        assertTrue(AcceptHeader.prefers("text/*", JSON_OR_CSV, "text/csv"));
    }

    @Test
    void noPreferenceIsTheFirstOffer() {
        assertFalse(AcceptHeader.prefers("*/*", JSON_OR_CSV, "text/csv"));
        assertTrue(AcceptHeader.prefers("*/*", JSON_OR_CSV, "application/json"));
    }

    @Test
    void absentUnreadableOrUnmatchedHeadersGetTheDefault() {
        assertFalse(AcceptHeader.prefers(null, JSON_OR_CSV, "text/csv"));
        assertFalse(AcceptHeader.prefers("  ", JSON_OR_CSV, "text/csv"));
        assertFalse(AcceptHeader.prefers("image/png", JSON_OR_CSV, "text/csv"));
        assertFalse(AcceptHeader.prefers(";;;===", JSON_OR_CSV, "text/csv"));
    }
}
