package nl.actiegraaf.web.api;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Finished answers of curated queries, in memory, for one data version at a time ({@link DataVersion}):
 * a least-recently-used map bounded by entry count and by total body bytes. When the version changes
 * the whole cache is dropped, since every answer may have changed. Entries also expire after
 * {@code maxAge}, the safety net for a store changed behind the metadata graph's back.
 */
final class ResponseCache {

    /** A complete 200 answer: what the client gets, byte for byte, with the headers that depend on it. */
    record Answer(String contentType, byte[] body, Map<String, String> headers) {
        long size() {
            long size = body.length + contentType.length();
            for (Map.Entry<String, String> h : headers.entrySet()) {
                size += h.getKey().length() + h.getValue().length();
            }
            return size;
        }
    }

    private record Entry(Answer answer, long storedAt) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private String version;
    private long bytes;

    ResponseCache(int maxEntries, long maxBytes, Duration maxAge) {
        this(maxEntries, maxBytes, maxAge, System::nanoTime);
    }

    ResponseCache(int maxEntries, long maxBytes, Duration maxAge, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    /** The answer stored for {@code key} under {@code version}; a new version empties the cache first. */
    synchronized Optional<Answer> get(String version, String key) {
        switchTo(version);
        Entry entry = entries.get(key);
        if (entry != null && clock.getAsLong() - entry.storedAt() >= maxAgeNanos) {
            remove(key);
            entry = null;
        }
        (entry == null ? misses : hits).incrementAndGet();
        return entry == null ? Optional.empty() : Optional.of(entry.answer());
    }

    /**
     * Makes {@code version} the current one, emptying the cache if it was another: for
     * {@link CacheWarmer}, which fills the cache for a new version before any request has asked.
     */
    synchronized void switchTo(String version) {
        if (!version.equals(this.version)) {
            clear();
            this.version = version;
        }
    }

    /**
     * Whether a fresh answer is stored for {@code key} under {@code version}, without counting a hit
     * or a miss (for {@link CacheWarmer}).
     */
    synchronized boolean holds(String version, String key) {
        Entry entry = version.equals(this.version) ? entries.get(key) : null;
        return entry != null && clock.getAsLong() - entry.storedAt() < maxAgeNanos;
    }

    /**
     * Keeps {@code answer} unless the version moved on meanwhile (then it may describe old data) or
     * it alone would take more than a quarter of the byte budget.
     */
    synchronized void put(String version, String key, Answer answer) {
        long size = answer.size();
        if (!version.equals(this.version) || size > maxBytes / 4) {
            return;
        }
        remove(key);
        entries.put(key, new Entry(answer, clock.getAsLong()));
        bytes += size;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().answer().size();
            eldest.remove();
        }
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.answer().size();
        }
    }

    private void clear() {
        entries.clear();
        bytes = 0;
    }
}
