package nl.actiegraaf.web.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.actiegraaf.web.EditDistance;
import nl.actiegraaf.web.SparqlFiles;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * The resources each IRI parameter of the curated queries may name, read from the data once per data
 * version ({@link DataVersion}), so that a mistyped value ({@code organisatie=BZK},
 * {@code thema=hersteloperatiee}) is a 400 naming the parameter and the closest known values instead of
 * an empty answer that looks like "no results". Only parameters with a {@code base} and no {@code enum} are
 * checked (an enum is checked by its list; a full IRI without a base may name anything).
 *
 * <p>A request never waits for the reading: until the set of the current data version is read (or when
 * the store could not be asked) values are not checked, as before. A base that holds more than
 * {@value #MAX_KNOWN} resources is not checked either (its suggestions would cost too much per request).
 */
class KnownResources {
    private static final Logger LOG = LoggerFactory.getLogger(KnownResources.class);
    /** More resources under one base than this: that base is not checked. */
    static final int MAX_KNOWN = 50_000;
    /** How many suggestions a refusal names. */
    static final int SUGGESTIONS = 3;
    /** A value is compared with the known names over at most this many characters (bounds the work per request). */
    private static final int COMPARED_LENGTH = 80;

    /** Checks nothing: for a binder without data. */
    static final KnownResources NONE = new KnownResources() {
        @Override
        void check(QueryParameter parameter, String value, Node node) {
        }
    };

    private final Query query = SparqlFiles.read("known-resources");
    private final List<String> bases;
    private final QueryRunner runner;
    private final Supplier<Optional<String>> currentVersion;
    private final Duration limit;
    private final ExecutorService reader;
    /** The sets of one data version: base -> the names under it (IRI minus base), or absent when not read in full. */
    private volatile Snapshot snapshot;

    private record Snapshot(String version, Map<String, Set<String>> names) {
    }

    private KnownResources() {
        this.bases = List.of();
        this.runner = null;
        this.currentVersion = Optional::empty;
        this.limit = Duration.ZERO;
        this.reader = null;
    }

    KnownResources(QueryCatalog catalog, QueryRunner runner, Supplier<Optional<String>> currentVersion, Duration limit) {
        this.bases = checkedBases(catalog);
        this.runner = runner;
        this.currentVersion = currentVersion;
        this.limit = limit;
        this.reader = Executors.newSingleThreadExecutor(DaemonThreads.named("actiegraaf-known-resources"));
    }

    private static List<String> checkedBases(QueryCatalog catalog) {
        Set<String> bases = new LinkedHashSet<>();
        for (CuratedQuery query : catalog.all()) {
            for (QueryParameter parameter : query.parameters()) {
                if (checked(parameter)) {
                    bases.add(parameter.base());
                }
            }
        }
        return List.copyOf(bases);
    }

    private static boolean checked(QueryParameter parameter) {
        return parameter.type() == ParameterType.IRI && parameter.base() != null && parameter.allowed().isEmpty();
    }

    /** Reads the sets of {@code version} in the background (a {@link DataVersion} listener: returns at once). */
    void read(String version) {
        if (reader == null || bases.isEmpty()) {
            return;
        }
        reader.execute(() -> {
            Map<String, Set<String>> names = new HashMap<>();
            for (String base : bases) {
                try {
                    Query bound = SparqlFiles.bind(query, Map.of("base", NodeFactory.createLiteralString(base)));
                    QueryRunner.Rows rows = runner.run(bound, limit);
                    if (rows.rows().size() > MAX_KNOWN) {
                        continue; // too many to suggest from: not checked
                    }
                    Set<String> under = new LinkedHashSet<>();
                    Var resource = Var.alloc("resource");
                    for (Binding row : rows.rows()) {
                        under.add(row.get(resource).getURI().substring(base.length()));
                    }
                    names.put(base, Set.copyOf(under));
                } catch (RuntimeException e) {
                    LOG.debug("known resources under {} not read: {}", base, e.toString());
                }
            }
            snapshot = new Snapshot(version, Map.copyOf(names));
        });
    }

    /**
     * Stops reading and waits (up to 15 s) for a read under way. Never by interrupting it: an interrupt in
     * the middle of TDB2's file I/O closes its channel (ClosedByInterruptException) and leaves a transaction
     * that never ends, so the store's folder can never be opened again in this JVM.
     */
    void close() {
        if (reader != null) {
            reader.shutdown();
            try {
                reader.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @throws ParameterException naming the parameter and the closest known values when {@code node} (the
     *         bound value of {@code parameter}) is not in the data of the current version
     */
    void check(QueryParameter parameter, String value, Node node) {
        Snapshot known = snapshot;
        if (!checked(parameter) || known == null || !known.version().equals(currentVersion.get().orElse(null))) {
            return;
        }
        Set<String> names = known.names().get(parameter.base());
        if (names == null || !node.isURI() || !node.getURI().startsWith(parameter.base())) {
            return;
        }
        String name = node.getURI().substring(parameter.base().length());
        if (names.contains(name)) {
            return;
        }
        List<String> closest = closest(name, names, SUGGESTIONS);
        throw new ParameterException(parameter.name(), "no such resource: '" + ParameterType.shown(value) + "'"
                + (closest.isEmpty() ? " (none is known under " + parameter.base() + ")"
                        : "; closest known: " + String.join(", ", closest)));
    }

    /** The {@code n} names nearest to {@code wanted} by edit distance, ignoring case; ties by name. */
    static List<String> closest(String wanted, Set<String> names, int n) {
        String target = lowered(wanted);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>(names.size());
        for (String name : names) {
            scored.add(new Scored(name, EditDistance.between(target, lowered(name))));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(n).map(Scored::name).toList();
    }

    private static String lowered(String s) {
        String cut = s.length() > COMPARED_LENGTH ? s.substring(0, COMPARED_LENGTH) : s;
        return cut.toLowerCase(Locale.ROOT);
    }
}
