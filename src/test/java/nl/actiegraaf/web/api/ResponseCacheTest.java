package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private final AtomicLong now = new AtomicLong();

    private static ResponseCache.Answer answer(int bytes) {
        return new ResponseCache.Answer("", new byte[bytes], Map.of());
    }

    private ResponseCache cache(int entries, long bytes) {
        return new ResponseCache(entries, bytes, Duration.ofSeconds(60), now::get);
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenTheCountIsReached() {
        ResponseCache cache = cache(2, 1000);
        cache.get("v1", "a");
        cache.put("v1", "a", answer(10));
        cache.put("v1", "b", answer(10));
        assertTrue(cache.get("v1", "a").isPresent()); // a is now the most recent
        cache.put("v1", "c", answer(10));
        assertTrue(cache.get("v1", "a").isPresent());
        assertFalse(cache.get("v1", "b").isPresent());
        assertTrue(cache.get("v1", "c").isPresent());
        assertEquals(2, cache.size());
    }

    @Test
    void theByteBudgetHoldsAndAnOversizedAnswerIsNotKept() {
        ResponseCache cache = cache(100, 400);
        cache.get("v1", "x");
        for (int i = 0; i < 10; i++) {
            cache.put("v1", "k" + i, answer(90));
        }
        assertTrue(cache.bytes() <= 400, "bytes " + cache.bytes());
        assertEquals(4, cache.size());
        assertTrue(cache.get("v1", "k9").isPresent());
        cache.put("v1", "big", answer(101)); // over a quarter of the budget
        assertFalse(cache.get("v1", "big").isPresent());
    }

    @Test
    void aNewVersionEmptiesTheCacheAndAnAnswerOfTheOldOneIsDropped() {
        ResponseCache cache = cache(10, 1000);
        cache.get("v1", "a");
        cache.put("v1", "a", answer(10));
        assertTrue(cache.get("v1", "a").isPresent());
        assertFalse(cache.get("v2", "a").isPresent());
        assertEquals(0, cache.bytes());
        cache.put("v1", "a", answer(10)); // computed before the load, finished after it
        assertFalse(cache.get("v2", "a").isPresent());
        assertEquals(1, cache.hits(), "only the first look found it");
    }

    @Test
    void entriesExpireAfterTheirMaximumAge() {
        ResponseCache cache = cache(10, 1000);
        cache.get("v1", "a");
        cache.put("v1", "a", answer(10));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertTrue(cache.get("v1", "a").isPresent());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(cache.get("v1", "a").isPresent());
        assertEquals(0, cache.bytes());
    }
}
