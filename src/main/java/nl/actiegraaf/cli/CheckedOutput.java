package nl.actiegraaf.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output that reports a failed write. {@link System#out} is a {@link PrintStream}, which
 * swallows every IOException: {@code convert > /dev/full} would end with exit code 0 and a cut file.
 * Put a buffer in front, so the error check (it flushes) runs per buffer, not per byte.
 */
final class CheckedOutput extends OutputStream {
    private final PrintStream target;

    CheckedOutput(PrintStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        check();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
        check();
    }

    @Override
    public void flush() throws IOException {
        check();
    }

    private void check() throws IOException {
        if (target.checkError()) {
            throw new IOException("standard output: write failed (disk full, or the reader went away)");
        }
    }
}
