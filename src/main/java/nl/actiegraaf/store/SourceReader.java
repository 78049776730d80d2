package nl.actiegraaf.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads (converts, parses) the next source of a load on a thread of its own while the loader writes
 * the current one, so a load of many reports converts and writes at the same time. At most one source
 * is read ahead: a load holds two sources' triples at most, never all of them. Reading touches no
 * store, so a read that turns out not to be needed is simply dropped.
 */
final class SourceReader implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "actiegraaf-load-reader");
        thread.setDaemon(true);
        return thread;
    });
    private GraphSource aheadSource;
    private Future<GraphContent> ahead;

    /** Starts reading {@code source} in the background (dropping any other read ahead). */
    void readAhead(GraphSource source) {
        if (aheadSource == source) {
            return;
        }
        drop();
        aheadSource = source;
        ahead = worker.submit(() -> GraphContent.read(source));
    }

    /** The content of {@code source}: the read ahead when it was this source, else read now. */
    GraphContent read(GraphSource source) {
        if (aheadSource != source) {
            drop();
            return GraphContent.read(source);
        }
        Future<GraphContent> future = ahead;
        aheadSource = null;
        ahead = null;
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(source.origin() + ": interrupted while reading", e);
        } catch (ExecutionException e) {
            // GraphContent.read already made it a one-line LoadException (or it is an Error): as if read here.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new LoadException(source.origin() + ": " + GraphContent.oneLine(String.valueOf(e.getCause())), e.getCause());
        }
    }

    private void drop() {
        if (ahead != null) {
            ahead.cancel(true);
        }
        ahead = null;
        aheadSource = null;
    }

    @Override
    public void close() {
        drop();
        worker.shutdownNow();
    }
}
