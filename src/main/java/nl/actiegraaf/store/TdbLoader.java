package nl.actiegraaf.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.TxnType;
import org.apache.jena.system.Txn;

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
        List<String> digests = sources.stream().map(GraphSource::sourceDigest).toList();
        LoadResult recorded = recordedAlready(digests);
        if (recorded != null) {
            return recorded;
        }
        List<String> replaced = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        dataset.begin(TxnType.WRITE);
        try {
            Node metaName = NodeFactory.createURI(Graphs.META);
            Graph meta = dataset.getGraph(metaName);
            Map<String, String> stored = LoadRecord.digests(meta);
            Map<String, String> storedSources = LoadRecord.sourceDigests(meta);
            for (int i = 0; i < sources.size(); i++) {
                GraphSource source = sources.get(i);
                // Same input as a graph was loaded from: unchanged, without converting (start-up).
                String sourceDigest = digests.get(i);
                String loadedFrom = sourceDigest == null ? null : graphLoadedFrom(storedSources, sourceDigest);
                if (loadedFrom != null) {
                    unchanged.add(loadedFrom);
                    continue;
                }
                GraphContent content = GraphContent.read(source);
                if (content.digest().equals(stored.get(content.graph()))) {
                    unchanged.add(content.graph());
                    if (sourceDigest != null && !sourceDigest.equals(storedSources.get(content.graph()))) {
                        // Same content from a new input (or a store from before source digests): remember it.
                        LoadRecord.recordSource(meta, content.graph(), sourceDigest);
                        storedSources.put(content.graph(), sourceDigest);
                    }
                    continue;
                }
                replace(content);
                LoadRecord.record(meta, content, clock.instant(), sourceDigest);
                stored.put(content.graph(), content.digest());
                if (sourceDigest == null) {
                    storedSources.remove(content.graph());
                } else {
                    storedSources.put(content.graph(), sourceDigest);
                }
                replaced.add(content.graph());
            }
            DerivedData.update(dataset, meta, !replaced.isEmpty(), clock.instant());
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
            Map<String, String> storedSources = LoadRecord.sourceDigests(dataset.getGraph(NodeFactory.createURI(Graphs.META)));
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

    /** The graph recorded as loaded from {@code sourceDigest}, or null. */
    private static String graphLoadedFrom(Map<String, String> storedSources, String sourceDigest) {
        for (Map.Entry<String, String> e : storedSources.entrySet()) {
            if (sourceDigest.equals(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    private void replace(GraphContent content) {
        Node name = NodeFactory.createURI(content.graph());
        // Quad by quad (not removeGraph), so the text index sees every deletion and addition.
        dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
        content.triples().find().forEachRemaining(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
    }
}
