package nl.actiegraaf.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.query.TxnType;

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

    LoadResult load(List<GraphSource> sources) {
        List<String> replaced = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        dataset.begin(TxnType.WRITE);
        try {
            // Closed (background work stopped) before the catch below aborts: nothing touches the index then.
            try (TextIndexUpdates text = TextIndexUpdates.of(dataset); SourceReader reader = new SourceReader()) {
                loadAll(sources, text, reader, replaced, unchanged);
                text.finish();
            }
        } catch (RuntimeException | Error e) {
            // Nothing committed: TDB2 and the index both roll back to the previous data.
            dataset.abort();
            dataset.end();
            if (e instanceof LoadException || e instanceof Error) {
                throw e;
            }
            throw new LoadException("store: load failed, nothing changed: " + GraphContent.oneLine(String.valueOf(e.getMessage())), e);
        }
        try {
            repair.duringCommit(dataset::commit);
        } finally {
            dataset.end();
        }
        return new LoadResult(replaced, unchanged);
    }

    private void loadAll(List<GraphSource> sources, TextIndexUpdates text, SourceReader reader,
                         List<String> replaced, List<String> unchanged) {
        Node metaName = NodeFactory.createURI(Graphs.META);
        Graph meta = dataset.getGraph(metaName);
        Map<String, String> stored = LoadRecord.digests(meta);
        Map<String, String> storedSources = LoadRecord.sourceDigests(meta);
        SourceDigests sourceDigests = new SourceDigests(sources);
        for (int i = 0; i < sources.size(); i++) {
            GraphSource source = sources.get(i);
            // Same input as a graph was loaded from: unchanged, without converting (start-up).
            String sourceDigest = sourceDigests.get(i);
            String loadedFrom = sourceDigest == null ? null : graphLoadedFrom(storedSources, sourceDigest);
            if (loadedFrom != null) {
                unchanged.add(loadedFrom);
                continue;
            }
            GraphContent content = reader.read(source);
            // The next source that needs reading converts while this one is written.
            for (int next = i + 1; next < sources.size(); next++) {
                String nextDigest = sourceDigests.get(next);
                if (nextDigest == null || graphLoadedFrom(storedSources, nextDigest) == null) {
                    reader.readAhead(sources.get(next));
                    break;
                }
            }
            if (content.digest().equals(stored.get(content.graph()))) {
                unchanged.add(content.graph());
                if (sourceDigest != null && !sourceDigest.equals(storedSources.get(content.graph()))) {
                    // Same content from a new input (or a store from before source digests): remember it.
                    LoadRecord.recordSource(meta, content.graph(), sourceDigest);
                    storedSources.put(content.graph(), sourceDigest);
                }
                continue;
            }
            replace(content, text);
            LoadRecord.record(meta, content, clock.instant(), sourceDigest);
            stored.put(content.graph(), content.digest());
            if (sourceDigest == null) {
                storedSources.remove(content.graph());
            } else {
                storedSources.put(content.graph(), sourceDigest);
            }
            replaced.add(content.graph());
        }
    }

    /** Each source's {@link GraphSource#sourceDigest()}, computed once (it reads the source's files). */
    private static final class SourceDigests {
        private final List<GraphSource> sources;
        private final String[] digests;
        private final boolean[] known;

        SourceDigests(List<GraphSource> sources) {
            this.sources = sources;
            this.digests = new String[sources.size()];
            this.known = new boolean[sources.size()];
        }

        String get(int i) {
            if (!known[i]) {
                digests[i] = sources.get(i).sourceDigest();
                known[i] = true;
            }
            return digests[i];
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

    /**
     * Replaces the graph's quads in TDB2, beneath the text monitor: no "is it there already?" lookup per
     * quad (the graph was just emptied and the content holds each triple once); the text index follows
     * on its own thread ({@link TextIndexUpdates}).
     */
    private void replace(GraphContent content, TextIndexUpdates text) {
        Node name = NodeFactory.createURI(content.graph());
        DatasetGraph store = text.store();
        List<Quad> oldIndexed = text.indexedQuads(name);
        store.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
        text.replace(name, oldIndexed, content.triples());
        for (Triple t : content.triples()) {
            store.add(name, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }
}
