package nl.actiegraaf.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;

import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.web.SparqlFiles;
import org.apache.jena.graph.NodeFactory;
import java.util.Map;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * A short name for "the data as it is now", so cached answers and ETags can tell when a load changed
 * it. The store's own metadata graph {@link Iris#META} holds a content digest per loaded graph
 * ({@code dcterms:identifier "sha256:..."}, written in the same transaction as the load and only
 * when the content differs); the version is a hash of those (graph, digest) pairs. Why this and not
 * a counter that {@code serve} bumps: it is read through the SPARQL endpoint like everything else,
 * so it works unchanged against a remote store, and a {@code load} run in another process (or a
 * restart over kept data) is seen too.
 *
 * <p>The digests are fetched once when the API starts, then again at most once per {@code refresh},
 * in the background: a request never waits for them, it uses the last version known (stale while
 * revalidating), so an answer may be up to about {@code refresh} behind a load. A store that was
 * changed without updating the metadata graph (written to by other tools) is not noticed;
 * {@link ResponseCache} bounds that by an entry age. When the store could not be asked, there is no
 * version and nothing is cached or tagged until it can.
 */
final class DataVersion {
    /** {@code sparql/data-version.rq}, over the metadata graph. */
    private final Query digests = SparqlFiles.bind(SparqlFiles.read("data-version"),
            Map.of("meta", NodeFactory.createURI(Iris.META_GRAPH)));

    private final QueryRunner runner;
    private final long refreshNanos;
    private final LongSupplier clock;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile String version;
    private long fetchedAt;
    private boolean refreshing;

    DataVersion(QueryRunner runner, Duration refresh) {
        this(runner, refresh, System::nanoTime);
    }

    DataVersion(QueryRunner runner, Duration refresh, LongSupplier clock) {
        this.runner = runner;
        this.refreshNanos = refresh.toNanos();
        this.clock = clock;
        this.fetchedAt = clock.getAsLong() - refreshNanos; // due at once unless primed
    }

    /**
     * Calls {@code listener} with each new version as soon as it is seen (the first one included), in
     * the thread that fetched it: keep the listener short (hand work to another thread).
     */
    void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Fetches the version now, in the caller's thread (at start, so the first requests are cached). */
    void prime() {
        long now = clock.getAsLong();
        update(fetch());
        synchronized (this) {
            fetchedAt = now;
        }
    }

    /** The last known version, or empty when the store could not tell (then do not cache). */
    Optional<String> current() {
        boolean due;
        synchronized (this) {
            due = !refreshing && clock.getAsLong() - fetchedAt >= refreshNanos;
            if (due) {
                refreshing = true;
                fetchedAt = clock.getAsLong();
            }
        }
        if (due) {
            DaemonThreads.start("actiegraaf-data-version", this::refresh);
        }
        return Optional.ofNullable(version);
    }

    private void refresh() {
        try {
            update(fetch());
        } finally {
            synchronized (this) {
                refreshing = false;
                fetchedAt = clock.getAsLong();
            }
        }
    }

    private void update(String fetched) {
        String previous = version;
        version = fetched;
        if (fetched != null && !fetched.equals(previous)) {
            listeners.forEach(listener -> listener.accept(fetched));
        }
    }

    private String fetch() {
        try {
            QueryRunner.Rows rows = runner.run(digests);
            MessageDigest sha = sha256();
            for (Binding row : rows.rows()) {
                for (String var : rows.vars()) {
                    org.apache.jena.graph.Node node = row.get(org.apache.jena.sparql.core.Var.alloc(var));
                    sha.update(String.valueOf(node).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (RuntimeException e) {
            // The store is down or slow: serve uncached (the query itself will report the failure).
            return null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
