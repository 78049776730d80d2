package nl.actiegraaf.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.apache.jena.query.QueryCancelledException;

/**
 * An answer's output that ends at the query's time limit: Jena's time limit covers the execution, but
 * a CONSTRUCT graph is built first and written afterwards, and writing a large one (many blank nodes in
 * pretty Turtle) took longer than the query itself. Past the deadline a write ends the answer as a
 * timed-out query ends (504 before the first bytes, a cut connection after them).
 */
final class DeadlineOutput extends FilterOutputStream {
    private final long deadlineNanos;

    private DeadlineOutput(OutputStream out, long deadlineNanos) {
        super(out);
        this.deadlineNanos = deadlineNanos;
    }

    /** {@code out} until {@code limit} from now. */
    static OutputStream of(OutputStream out, Duration limit) {
        return new DeadlineOutput(out, System.nanoTime() + limit.toNanos());
    }

    private void check() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new QueryCancelledException();
        }
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
