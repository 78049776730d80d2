package nl.actiegraaf.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The text index's share of a load, done on a thread of its own beside the TDB2 writes. jena-text's
 * own route (every quad through {@code DatasetGraphTextMonitor}) costs, per quad, a lookup whether it
 * is already there and the Lucene document on the writing thread: about half of a load (JFR,
 * bench/README.md). Here the loader writes TDB2 beneath the monitor ({@link #store()}) and tells
 * this class what it deletes and adds, which makes exactly the documents the monitor would (the same
 * {@link TextQueryFuncs#entityFromQuad} entities, deleted by their uid, added), in the same order,
 * while TDB2 is being written. The index writer is the same one the transaction commits or rolls back, so all of it
 * still commits or aborts with TDB2; {@link #finish()} waits for the work before the commit, and
 * {@link #close()} before an abort.
 */
final class TextIndexUpdates implements AutoCloseable {
    private final DatasetGraph store;
    private final TextIndex index;
    private final EntityDefinition docDef;
    private final Set<Node> indexed = new HashSet<>();
    private final ExecutorService worker;
    private final List<Future<?>> pending = new ArrayList<>();

    private TextIndexUpdates(DatasetGraph store, TextIndex index) {
        this.store = store;
        this.index = index;
        this.docDef = index == null ? null : index.getDocDef();
        if (docDef != null) {
            docDef.fields().forEach(field -> indexed.addAll(docDef.getPredicates(field)));
        }
        this.worker = index == null ? null : TdbLoader.thread("actiegraaf-load-text-index");
    }

    /** For a dataset with a jena-text index, its index and the dataset beneath; for any other, no index work. */
    static TextIndexUpdates of(DatasetGraph dataset) {
        if (dataset instanceof DatasetGraphText text) {
            return new TextIndexUpdates(text.getWrapped(), text.getTextIndex());
        }
        return new TextIndexUpdates(dataset, null);
    }

    /** Where the loader writes quads: beneath the text monitor, since this class keeps the index. */
    DatasetGraph store() {
        return store;
    }

    /** The quads of {@code graph} the index holds documents for; read before the graph is deleted. */
    List<Quad> indexedQuads(Node graph) {
        List<Quad> quads = new ArrayList<>();
        for (Node predicate : indexed) {
            store.find(graph, Node.ANY, predicate, Node.ANY).forEachRemaining(quads::add);
        }
        return quads;
    }

    /** Deletes the documents of {@code old} (from {@link #indexedQuads}), in the background, after earlier work. */
    void delete(List<Quad> old) {
        if (index == null || old.isEmpty()) {
            return;
        }
        pending.add(worker.submit(() -> {
            for (Quad quad : old) {
                Entity entity = TextQueryFuncs.entityFromQuad(docDef, quad);
                if (entity != null) {
                    index.deleteEntity(entity);
                }
            }
        }));
    }

    /** Adds the documents of {@code triples} in {@code graph}, in the background, after earlier work. */
    void add(Node graph, List<Triple> triples) {
        if (index == null) {
            return;
        }
        pending.add(worker.submit(() -> {
            for (Triple t : triples) {
                if (indexed.contains(t.getPredicate())) {
                    Entity entity = TextQueryFuncs.entityFromQuad(docDef, graph, t.getSubject(), t.getPredicate(), t.getObject());
                    if (entity != null) {
                        index.addEntity(entity);
                    }
                }
            }
        }));
    }

    /** Waits for all index work of the load; throws what it threw. */
    void finish() {
        pending.forEach(TdbLoader::await);
        pending.clear();
    }

    /** Drops work not yet started and waits for the running task: nothing may touch the index during an abort. */
    @Override
    public void close() {
        if (worker == null) {
            return;
        }
        pending.forEach(future -> future.cancel(false));
        worker.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (worker.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
