package nl.actiegraaf.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import nl.actiegraaf.querylimits.QueryLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole answer, written here before its first byte goes to the client, so that its headers can say what
 * only the end of the answer knows (whether the row cap cut it: {@link RowCap}). The first
 * {@link Limits#memoryBytes} stay in memory; the rest goes to a temporary file, so a big answer costs
 * disk, not heap. The file is unlinked as soon as it is opened (nothing is left behind, even by a killed
 * process) and its space is given back on {@link #close()}.
 *
 * <p>Bounded three ways: the row cap and the query's time limit bound what is written; {@link Limits#maxBytes}
 * bounds one answer ({@code 422}: page with LIMIT/OFFSET); {@link Limits#overall} bounds the files of all
 * answers at once ({@code 503}: retry later), and a disk that fills up is a {@code 503} too, never a cut answer:
 * nothing has reached the client yet.
 */
final class AnswerSpool extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerSpool.class);
    /**
     * The bounds of spooling.
     *
     * @param dir where the temporary files go
     * @param memoryBytes how much of an answer stays in memory before a file is opened
     * @param maxBytes the most one answer may take, memory and file
     * @param overallBytes the most the files of all answers may take at once
     * @param overall the bytes the files of all answers take now (shared by every spool with these limits)
     */
    record Limits(Path dir, int memoryBytes, long maxBytes, long overallBytes, AtomicLong overall) {
        Limits {
            if (memoryBytes < 0 || maxBytes < memoryBytes || overallBytes < 0) {
                throw new IllegalArgumentException("spool limits out of order");
            }
        }
    }

    /** The facade's spooling: 1 MiB in memory (16 queries at once: 16 MiB), 512 MiB per answer, 2 GiB in all. */
    static final Limits DEFAULT = new Limits(Path.of(System.getProperty("java.io.tmpdir")), 1 << 20, 512L << 20,
            2L << 30, new AtomicLong());

    /** Disk space is taken from {@link Limits#overall} in steps of this, not per write. */
    private static final long RESERVE_STEP = 1 << 20;

    private final Limits limits;
    private final ByteArrayOutputStream memory;
    private FileChannel file;
    private ByteBuffer buffer;
    private long fileBytes;
    private long reserved;
    private boolean closed;

    AnswerSpool(Limits limits) {
        this.limits = limits;
        this.memory = new ByteArrayOutputStream(Math.min(limits.memoryBytes(), 8192));
    }

    /** The bytes written so far. */
    long size() {
        return memory.size() + fileBytes + (buffer == null ? 0 : buffer.position());
    }

    /** True once part of the answer went to a file. */
    boolean onDisk() {
        return file != null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (size() + length > limits.maxBytes()) {
            throw QueryLimitException.tooLarge("The answer is larger than " + (limits.maxBytes() >> 20)
                    + " MiB: add a LIMIT and page with OFFSET (an answer is counted whole before it is sent, to know"
                    + " whether the row cap cut it)");
        }
        if (file == null && memory.size() + length <= limits.memoryBytes()) {
            memory.write(bytes, offset, length);
            return;
        }
        try {
            if (file == null) {
                open();
            }
            while (length > 0) {
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
                if (!buffer.hasRemaining()) {
                    drain();
                }
            }
        } catch (IOException e) {
            throw noRoom(e);
        }
    }

    /** Writers flush as they please; nothing is sent before the answer is whole. */
    @Override
    public void flush() {
    }

    /** Sends the whole answer to {@code out}, in the order it was written. */
    void copyTo(OutputStream out) throws IOException {
        if (file != null) {
            try {
                drain(); // before the first byte goes out: a failure here is still a clean status
            } catch (IOException e) {
                throw noRoom(e);
            }
        }
        memory.writeTo(out);
        if (file == null) {
            return;
        }
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        while (position < fileBytes) {
            chunk.clear();
            int n = file.read(chunk, position);
            if (n < 0) {
                throw new IOException("the answer's temporary file ended early");
            }
            out.write(chunk.array(), 0, n);
            position += n;
        }
    }

    /** The space taken now by the files of every answer spooled with {@code limits}. */
    static long bytesOnDisk(Limits limits) {
        return limits.overall().get();
    }

    /** Gives the file's space back (the file was unlinked when it was opened). Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        limits.overall().addAndGet(-reserved);
        reserved = 0;
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the file is already unlinked: closing only lets the space go
            }
        }
    }

    private void open() throws IOException {
        Path path = Files.createTempFile(limits.dir(), "actiegraaf-answer-", ".spool");
        try {
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } finally {
            // Unlinked at once where the system allows it (Linux): the open channel keeps the data, and a
            // process killed mid-answer leaves no file behind. Elsewhere DELETE_ON_CLOSE removes it.
            try {
                Files.deleteIfExists(path);
            } catch (IOException stillOpenElsewhere) {
                // DELETE_ON_CLOSE takes care of it
            }
        }
        buffer = ByteBuffer.allocate(64 * 1024);
    }

    /** Writes the buffer to the file, taking its space from the overall budget first. */
    private void drain() throws IOException {
        buffer.flip();
        int n = buffer.remaining();
        if (fileBytes + n > reserved) {
            long step = Math.max(RESERVE_STEP, fileBytes + n - reserved);
            if (limits.overall().addAndGet(step) > limits.overallBytes()) {
                limits.overall().addAndGet(-step);
                throw QueryLimitException.busy("The server holds as many big answers as it has room for ("
                        + (limits.overallBytes() >> 20) + " MiB); retry later, or add a LIMIT of at most the row cap"
                        + " so that the answer streams");
            }
            reserved += step;
        }
        while (buffer.hasRemaining()) {
            file.write(buffer, fileBytes + (n - buffer.remaining()));
        }
        fileBytes += n;
        buffer.clear();
    }

    private QueryLimitException noRoom(IOException e) {
        // The reason (a full disk, a missing folder) is for the operator; the client learns only that it may retry.
        LOG.warn("cannot hold an answer in {}: {}", limits.dir(), e.toString());
        return QueryLimitException.busy("No room on the server's disk to hold the answer; retry later, or add a LIMIT"
                + " of at most the row cap so that the answer streams");
    }
}
