package nl.actiegraaf.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * One source being read (converted, parsed) on the load's reader thread while the loader takes its
 * triples in batches on the transaction's thread: converting a report and writing it to the store
 * overlap. The queue between them is bounded, so a fast reader waits for the writer instead of
 * holding the whole source; the reader thread reads sources one after the other, so the next
 * source starts converting as soon as this one is read.
 */
final class SourceFeed {
    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 32;

    /** A batch of triples, or the end (no triples, no failure), or how reading failed. */
    private record Item(List<Triple> triples, Throwable failure) {
    }

    private static final Item END = new Item(List.of(), null);

    private final GraphSource source;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Future<?> task;
    private boolean ended;
    private volatile boolean cancelled;

    private SourceFeed(GraphSource source, ExecutorService reader) {
        this.source = source;
        this.task = reader.submit(this::emit);
    }

    /** Starts reading {@code source} on {@code reader} (after what that thread reads before it). */
    static SourceFeed start(GraphSource source, ExecutorService reader) {
        return new SourceFeed(source, reader);
    }

    GraphSource source() {
        return source;
    }

    /**
     * The next batch of triples (as emitted, repeats included), or null once the source is read.
     * Throws as {@link GraphContent#read} would: a one-line {@link LoadException} naming the file.
     */
    List<Triple> next() {
        if (ended) {
            return null;
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(source.origin() + ": interrupted while reading", e);
        }
        if (item.failure() != null) {
            ended = true;
            if (item.failure() instanceof Error error) {
                throw error;
            }
            throw GraphContent.failure(source, (RuntimeException) item.failure());
        }
        if (item == END) {
            ended = true;
            return null;
        }
        return item.triples();
    }

    /** Stops reading (the reader may be waiting for room in the queue); what was read is dropped. */
    void cancel() {
        cancelled = true;
        task.cancel(true);
        queue.clear();
    }

    private void emit() {
        Batcher batcher = new Batcher();
        try {
            batcher.start();
            source.emit(batcher);
            batcher.finish();
            batcher.flush();
            queue.put(END);
        } catch (InterruptedException | Cancelled e) {
            // cancelled: nobody waits for the rest
        } catch (RuntimeException | Error e) {
            if (cancelled) {
                return; // whatever the source made of the interruption: nobody waits for it
            }
            try {
                queue.put(new Item(List.of(), e));
            } catch (InterruptedException cancelled) {
                // cancelled meanwhile
            }
        }
    }

    /** Thrown through the source's emit when the feed is cancelled while the reader waits for room. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final class Batcher extends StreamRDFBase {
        private List<Triple> batch = new ArrayList<>(BATCH);

        @Override
        public void triple(Triple triple) {
            if (cancelled) {
                throw new Cancelled();
            }
            batch.add(triple);
            if (batch.size() == BATCH) {
                try {
                    flush();
                } catch (InterruptedException e) {
                    throw new Cancelled();
                }
            }
        }

        @Override
        public void quad(Quad quad) {
            // As Jena's graph sink does: default-graph quads are triples; named graph data is not this source's.
            if (quad.isTriple() || quad.isDefaultGraph()) {
                triple(quad.asTriple());
            }
        }

        void flush() throws InterruptedException {
            if (!batch.isEmpty()) {
                queue.put(new Item(batch, null));
                batch = new ArrayList<>(BATCH);
            }
        }
    }
}
