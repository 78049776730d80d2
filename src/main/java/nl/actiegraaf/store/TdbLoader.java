package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.TxnType;
import org.apache.jena.system.Txn;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * Loads sources into a local (TDB2 + text index) dataset in ONE write transaction: every source is
 * read, compared with what the store holds, and its graph replaced, all inside that transaction. Any
 * failure, in the third file or in the store, aborts it: TDB2 and the Lucene index (which commits and
 * rolls back with the TDB2 transaction) keep exactly the previous data, and a process killed mid-load
 * leaves the last committed state on disk (TDB2's journal), never a mix. The one window where TDB2
 * and the index could part, the commit itself, is covered by {@link TextIndexRepair}.
 */
final class TdbLoader {
    private final DatasetGraph dataset;
    private final Clock clock;
    private final TextIndexRepair repair;

    TdbLoader(DatasetGraph dataset, Clock clock, TextIndexRepair repair) {
        this.dataset = dataset;
        this.clock = clock;
        this.repair = repair;
    }

    LoadResult load(List<GraphSource> sources, List<String> removeEditions) {
        List<String> digests = sources.stream().map(GraphSource::sourceDigest).toList();
        LoadResult recorded = removeEditions.isEmpty() ? recordedAlready(digests) : null;
        if (recorded != null) {
            return recorded;
        }
        List<String> replaced = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        dataset.begin(TxnType.WRITE);
        ExecutorService reader = thread("actiegraaf-load-reader");
        ExecutorService hasher = thread("actiegraaf-load-digest");
        try {
            // Closed (its background work over) before the catch below aborts: nothing touches the index then.
            try (TextIndexUpdates text = TextIndexUpdates.of(dataset)) {
                Map<String, Edition> before = editions();
                Run run = new Run(sources, digests, text, reader, hasher, replaced, unchanged);
                run.loadAll();
                for (String edition : removeEditions) {
                    removed.add(run.remove(edition));
                }
                List<String> touched = new ArrayList<>(replaced);
                touched.addAll(removed);
                run.updateSeries(before, touched);
                DerivedData.update(dataset, run.meta, !touched.isEmpty(), clock.instant());
                text.finish();
            }
        } catch (RuntimeException | Error e) {
            // Nothing committed: TDB2 and the index both roll back to the previous data.
            dataset.abort();
            dataset.end();
            if (e instanceof LoadException || e instanceof Error) {
                throw e;
            }
            throw new LoadException("store: load failed, nothing changed: " + GraphContent.oneLine(String.valueOf(e.getMessage()))
                    + ioCause(e), e);
        } finally {
            reader.shutdownNow();
            hasher.shutdownNow();
        }
        try {
            repair.duringCommit(dataset::commit);
        } finally {
            dataset.end();
        }
        return new LoadResult(replaced, unchanged, removed);
    }

    /** TDB2 names the failing part ("NodeTableThrift/Write"); the disk's own words say why: ": File too large". */
    private static String ioCause(Throwable e) {
        String found = "";
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.io.IOException && cause.getMessage() != null && !String.valueOf(e.getMessage()).contains(cause.getMessage())) {
                found = " (" + GraphContent.oneLine(cause.getMessage()) + ")";
            }
        }
        return found;
    }

    /** The editions the dataset holds now (inside the load's transaction). */
    private Map<String, Edition> editions() {
        List<String> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(n -> {
            if (n.isURI() && Iris.editionOfGraph(n.getURI()) != null) {
                names.add(n.getURI());
            }
        });
        return SeriesUpdate.editions(names, g -> dataset.getGraph(NodeFactory.createURI(g)));
    }

    /**
     * All unchanged when every source's digest is recorded as loaded (a kept store started again): seen
     * in a read transaction, so such a start takes no write lock and commits (fsyncs) nothing. Null
     * when one source must be read.
     */
    private LoadResult recordedAlready(List<String> digests) {
        if (digests.contains(null)) {
            return null;
        }
        return Txn.calculateRead(dataset, () -> {
            Map<String, String> storedSources = LoadRecord.sourceDigests(dataset.getGraph(NodeFactory.createURI(Iris.META_GRAPH)));
            List<String> unchanged = new ArrayList<>();
            for (String digest : digests) {
                String graph = graphLoadedFrom(storedSources, digest);
                if (graph == null) {
                    return null;
                }
                unchanged.add(graph);
            }
            return new LoadResult(List.of(), unchanged);
        });
    }

    /** One load: its sources, what the store recorded before it, and what it did. */
    private final class Run {
        private final List<GraphSource> sources;
        private final TextIndexUpdates text;
        private final ExecutorService reader;
        private final ExecutorService hasher;
        private final List<String> replaced;
        private final List<String> unchanged;
        private final Graph meta = dataset.getGraph(NodeFactory.createURI(Iris.META_GRAPH));
        private final Map<String, String> stored = LoadRecord.digests(meta);
        private final Map<String, String> storedSources = LoadRecord.sourceDigests(meta);
        private final List<String> sourceDigests;
        private SourceFeed ahead;

        Run(List<GraphSource> sources, List<String> sourceDigests, TextIndexUpdates text, ExecutorService reader,
            ExecutorService hasher, List<String> replaced, List<String> unchanged) {
            this.sources = sources;
            this.sourceDigests = sourceDigests;
            this.text = text;
            this.reader = reader;
            this.hasher = hasher;
            this.replaced = replaced;
            this.unchanged = unchanged;
        }

        void loadAll() {
            try {
                for (int i = 0; i < sources.size(); i++) {
                    GraphSource source = sources.get(i);
                    SourceFeed feed = ahead != null && ahead.source() == source ? ahead : null;
                    if (ahead != null && feed == null) {
                        ahead.cancel(); // read ahead for a source this load no longer reads
                    }
                    ahead = null;
                    // Same input as a graph was loaded from: unchanged, without converting (start-up).
                    String loadedFrom = loadedFrom(i);
                    if (loadedFrom != null) {
                        if (feed != null) {
                            feed.cancel();
                        }
                        unchanged.add(loadedFrom);
                        continue;
                    }
                    if (feed == null) {
                        feed = SourceFeed.start(source, reader);
                    }
                    readAhead(i + 1);
                    load(feed, sourceDigest(i));
                }
            } finally {
                if (ahead != null) {
                    ahead.cancel();
                }
            }
        }

        /** The next source to be read starts converting as soon as the reader has read this one. */
        private void readAhead(int from) {
            for (int next = from; next < sources.size(); next++) {
                if (loadedFrom(next) == null) {
                    ahead = SourceFeed.start(sources.get(next), reader);
                    return;
                }
            }
        }

        private String loadedFrom(int i) {
            String digest = sourceDigest(i);
            return digest == null ? null : graphLoadedFrom(storedSources, digest);
        }

        /** Source {@code i}'s {@link GraphSource#sourceDigest()}, computed once before the load began. */
        private String sourceDigest(int i) {
            return sourceDigests.get(i);
        }

        /**
         * Loads one source. With a source digest not seen before (a new or changed input) its triples go
         * to the store as they come, the old graph emptied first; without one, they are held until the
         * content digest says whether the graph changed at all. Either way each triple is written once,
         * and a graph whose content digest is the one recorded is reported unchanged (after streaming,
         * its quads were deleted and written again, the same ones).
         */
        private void load(SourceFeed feed, String sourceDigest) {
            GraphSource source = feed.source();
            boolean streaming = sourceDigest != null;
            Set<Triple> seen = new HashSet<>();
            // Hashed on a thread of its own, beside the writes (a sixth of this thread's time otherwise).
            ContentDigest digest = new ContentDigest();
            List<Future<?>> hashing = new ArrayList<>();
            List<Triple> held = new ArrayList<>();
            Node name = null;
            for (List<Triple> batch; (batch = feed.next()) != null; ) {
                List<Triple> fresh = new ArrayList<>(batch.size());
                for (Triple t : batch) {
                    if (seen.add(t)) {
                        fresh.add(t);
                    }
                }
                hashing.add(hasher.submit(() -> fresh.forEach(digest::add)));
                if (streaming && name == null && source.knownGraph() != null) {
                    name = empty(source.knownGraph());
                    write(name, held);
                    held = null;
                }
                if (name != null) {
                    write(name, fresh);
                } else {
                    held.addAll(fresh);
                }
            }
            String graph = source.graph();
            hashing.forEach(TdbLoader::await);
            String contentDigest = await(hasher.submit(digest::value));
            boolean same = contentDigest.equals(stored.get(graph));
            if (name == null && !same) {
                write(empty(graph), held);
            }
            if (same) {
                unchanged.add(graph);
                if (sourceDigest != null && !sourceDigest.equals(storedSources.get(graph))) {
                    // Same content from a new input (or a store from before source digests): remember it.
                    LoadRecord.recordSource(meta, graph, sourceDigest);
                    storedSources.put(graph, sourceDigest);
                }
                return;
            }
            LoadRecord.record(meta, graph, source.origin(), contentDigest, clock.instant(), sourceDigest);
            stored.put(graph, contentDigest);
            if (sourceDigest == null) {
                storedSources.remove(graph);
            } else {
                storedSources.put(graph, sourceDigest);
            }
            replaced.add(graph);
        }

        /** Removes edition {@code editionId}'s graph and its record; returns the graph's name. */
        String remove(String editionId) {
            String graph = Iris.reportGraph(editionId);
            if (!stored.containsKey(graph) && !dataset.containsGraph(NodeFactory.createURI(graph))) {
                throw new LoadException("--remove " + editionId + ": no edition " + editionId + " in the store (no graph <" + graph + ">)");
            }
            empty(graph);
            meta.remove(NodeFactory.createURI(graph), Node.ANY, Node.ANY);
            stored.remove(graph);
            storedSources.remove(graph);
            return graph;
        }

        /**
         * Recomputes the current state and the changes of every series whose editions the load
         * replaced or removed, and writes only what differs (through the text index).
         */
        void updateSeries(Map<String, Edition> before, List<String> touched) {
            if (touched.isEmpty()) {
                return;
            }
            Map<String, Edition> after = editions();
            for (SeriesUpdate update : SeriesUpdate.plan(before, after, touched,
                    g -> dataset.getGraph(NodeFactory.createURI(g)))) {
                rewrite(update.currentGraph(), update.current());
                replaceChanges(update);
            }
        }

        /**
         * Replaces only the changes into the recomputed editions (found through the graph's ag:naar
         * index), never reading the changes of the other pairs: adding the 101st edition touches as
         * much of this graph as adding the 2nd.
         */
        private void replaceChanges(SeriesUpdate update) {
            if (update.noEditions()) {
                empty(update.changesGraph());
                return;
            }
            Node name = NodeFactory.createURI(update.changesGraph());
            DatasetGraph store = text.store();
            Graph graph = store.getGraph(name);
            List<org.apache.jena.sparql.core.Quad> gone = new ArrayList<>();
            Set<Triple> present = new HashSet<>();
            for (Node change : update.replacedChanges(graph)) {
                graph.find(change, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    if (update.newChanges().contains(t)) {
                        present.add(t);
                    } else {
                        gone.add(new org.apache.jena.sparql.core.Quad(name, t));
                    }
                });
            }
            text.delete(gone);
            gone.forEach(store::delete);
            write(name, update.newChanges().stream().filter(t -> !present.contains(t) && !graph.contains(t)).toList());
        }

        /** Makes {@code graph} hold exactly {@code content}, deleting and adding only the difference. */
        private void rewrite(String graph, Set<Triple> content) {
            Node name = NodeFactory.createURI(graph);
            DatasetGraph store = text.store();
            List<org.apache.jena.sparql.core.Quad> gone = new ArrayList<>();
            Set<Triple> present = new HashSet<>();
            store.getGraph(name).find().forEachRemaining(t -> {
                if (content.contains(t)) {
                    present.add(t);
                } else {
                    gone.add(new org.apache.jena.sparql.core.Quad(name, t));
                }
            });
            text.delete(gone);
            gone.forEach(store::delete);
            write(name, content.stream().filter(t -> !present.contains(t)).toList());
        }

        /**
         * Empties a graph in TDB2, beneath the text monitor (its indexed quads told to the text index
         * first), and returns its name.
         */
        private Node empty(String graph) {
            Node name = NodeFactory.createURI(graph);
            text.delete(text.indexedQuads(name));
            text.store().deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
            return name;
        }

        /**
         * Adds triples the graph does not hold (it was emptied, and each triple comes once): no "is it
         * there already?" lookup per quad as through the monitor; the text index follows on its own thread.
         */
        private void write(Node name, List<Triple> triples) {
            DatasetGraph store = text.store();
            for (Triple t : triples) {
                store.add(name, t.getSubject(), t.getPredicate(), t.getObject());
            }
            text.add(name, triples);
        }
    }

    /** A thread for one kind of a load's background work; it never keeps the JVM alive. */
    static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(DaemonThreads.named(name));
    }

    /** The result of background work; its failure is thrown here, as if the work had been done here. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("store: load interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LoadException("store: " + GraphContent.oneLine(String.valueOf(e.getCause())), e.getCause());
        }
    }

    /** The graph recorded as loaded from {@code sourceDigest}, or null. */
    private static String graphLoadedFrom(Map<String, String> storedSources, String sourceDigest) {
        for (Map.Entry<String, String> e : storedSources.entrySet()) {
            if (sourceDigest.equals(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }
}
