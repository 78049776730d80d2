package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter of {@link BadRequestLog} on a clock the test moves. */
class BadRequestLogTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final BadRequestLog log = new BadRequestLog(lines::add, now::get);

    @Test
    void aBurstThenTheRateAndTheLeftOutAreCounted() {
        for (int i = 0; i < 100; i++) {
            log.refused(400, "GET", "/sparql", "127.0.0.1");
        }
        assertEquals(BadRequestLog.BURST, lines.size());
        assertEquals("400 GET /sparql from 127.0.0.1", lines.get(0));
        now.addAndGet(1_000_000_000L); // one second: PER_SECOND lines are due again
        for (int i = 0; i < 100; i++) {
            log.refused(404, "GET", "/id/x", "127.0.0.1");
        }
        assertEquals(BadRequestLog.BURST + BadRequestLog.PER_SECOND, lines.size());
        assertEquals("404 GET /id/x from 127.0.0.1 (" + (100 - BadRequestLog.BURST) + " more refused requests not logged)",
                lines.get(BadRequestLog.BURST));
    }

    @Test
    void aLongOrStrangePathIsShownShortAndPrintable() {
        log.refused(414, "GET", "/id/" + "a".repeat(200_000) + "\n\u202E", "::1");
        assertTrue(lines.get(0).length() < 200, lines.get(0));
        assertTrue(lines.get(0).contains("(200006 chars)"), lines.get(0));
        assertEquals("/a?b", BadRequestLog.shortened("/a\nb"));
    }
}
