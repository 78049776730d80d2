package nl.actiegraaf.web.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * Fills the {@link ResponseCache} for a new data version before anyone asks, so no user pays the
 * first, uncached run of a common call. Warmed are, per curated query, the calls a client makes
 * without knowing the data: the bare query (when no parameter is required) and each value of each
 * enumerated parameter on its own ({@code tellingen?per=status}); as JSON, first page. Calls with a
 * value chosen from the data (a motion, an action number) are left to the cache as requests come. One background thread runs them one after the other through the same code
 * as a request ({@link Answerer}), so a warmed answer is byte for byte the one a request would get.
 *
 * <p>A warm-up starts {@code delay} after the version is seen: a server that has just started (or a
 * store that has just been loaded) first answers whoever is already asking, on this machine's few cores.
 *
 * <p>Entries expire after the cache's maximum age (its guard against a store changed behind the
 * metadata graph's back), so the warmer runs again every {@code rewarm}, then recomputing every call.
 */
final class CacheWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmer.class);

    /** One call to warm: a curated query with its request parameters. */
    record Call(CuratedQuery query, Map<String, List<String>> parameters) {
    }

    /** Computes the answer a JSON request for a bound query at {@code path} gets (no cache involved). */
    @FunctionalInterface
    interface Answerer {
        ResponseCache.Answer answer(CuratedQuery query, QueryBinder.Bound bound, String path);
    }

    private final List<Call> calls;
    private final QueryBinder binder;
    private final ResponseCache cache;
    private final Supplier<Optional<String>> currentVersion;
    private final Answerer answerer;
    private final Duration rewarm;
    private final Duration delay;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("actiegraaf-cache-warmer"));
    private Future<?> pending;
    /** Counts calls of {@link #warm}: a warm-up is running until the one of the latest call has ended. */
    private long requested;
    private long finished;

    CacheWarmer(List<Call> calls, QueryBinder binder, ResponseCache cache, Supplier<Optional<String>> currentVersion,
            Answerer answerer, Duration delay, Duration rewarm) {
        this.calls = List.copyOf(calls);
        this.binder = binder;
        this.cache = cache;
        this.currentVersion = currentVersion;
        this.answerer = answerer;
        this.delay = delay;
        this.rewarm = rewarm;
    }

    /** The calls worth warming for every query of {@code catalog} (see the class comment). */
    static List<Call> callsOf(QueryCatalog catalog) {
        List<Call> calls = new ArrayList<>();
        for (CuratedQuery query : catalog.all()) {
            Set<Map<String, List<String>>> parameterSets = new LinkedHashSet<>();
            if (query.parameters().stream().noneMatch(QueryParameter::required)) {
                parameterSets.add(Map.of());
                for (QueryParameter p : query.parameters()) {
                    p.allowed().forEach(value -> parameterSets.add(Map.of(p.name(), List.of(value))));
                }
            }
            parameterSets.forEach(parameters -> calls.add(new Call(query, parameters)));
        }
        return calls;
    }

    /** Starts warming {@code version} (dropping a warm-up of an older one that is still running). */
    synchronized void warm(String version) {
        if (pending != null) {
            pending.cancel(false);
        }
        long generation = ++requested;
        pending = thread.schedule(() -> run(version, false, generation), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until no warm-up is running or due at once (a later re-warm does not count). */
    synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (finished < requested) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Stops the thread and waits (up to 15 s) for a warm-up under way to end after its current query: the
     * store may be closed next, and a read still running then keeps TDB2 from letting go of its folder
     * (a second open of it in this JVM would wait forever). Not synchronized while waiting: the warm-up's
     * last step takes this lock.
     */
    @Override
    public void close() {
        synchronized (this) {
            // shutdown, not shutdownNow: an interrupt inside TDB2's file I/O closes its channel and leaves a
            // transaction that never ends; the warm-up loop sees the shutdown after its current query.
            thread.shutdown();
            if (pending != null) {
                pending.cancel(false);
            }
        }
        try {
            if (!thread.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("cache warm-up still running 15 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String version, boolean again, long generation) {
        try {
            warmAll(version, again);
        } finally {
            synchronized (this) {
                if (!thread.isShutdown() && currentVersion.get().map(version::equals).orElse(false)) {
                    pending = thread.schedule(() -> run(version, true, generation), rewarm.toMillis(), TimeUnit.MILLISECONDS);
                }
                finished = Math.max(finished, generation);
                notifyAll();
            }
        }
    }

    private void warmAll(String version, boolean again) {
        long start = System.nanoTime();
        int warmed = 0;
        int failed = 0;
        for (Call call : calls) {
            if (Thread.currentThread().isInterrupted() || thread.isShutdown()
                    || !currentVersion.get().map(version::equals).orElse(false)) {
                return; // stopped, or a newer version is being warmed
            }
            try {
                QueryBinder.Bound bound = binder.bind(call.query(), call.parameters());
                String path = ApiPaths.query(call.query().name());
                String key = QueryApi.cacheKey(path, bound, false);
                cache.switchTo(version);
                if (!again && cache.holds(version, key)) {
                    continue;
                }
                cache.put(version, key, answerer.answer(call.query(), bound, path));
                warmed++;
            } catch (RuntimeException e) {
                // Too slow or the store is away: that call stays cold, the others are still worth warming.
                failed++;
                LOG.info("cache warm-up: {} {}: {}", call.query().name(), call.parameters(), e.getMessage());
            }
        }
        LOG.info("cache warm-up of data version {}: {} answers in {} ms ({} failed)", version, warmed,
                (System.nanoTime() - start) / 1_000_000, failed);
    }
}
