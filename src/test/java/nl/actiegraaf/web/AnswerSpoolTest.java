package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.actiegraaf.querylimits.QueryLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerSpoolTest {
    @TempDir
    Path dir;

    private AnswerSpool.Limits limits(int memory, long max, long overall) {
        return new AnswerSpool.Limits(dir, memory, max, overall, new AtomicLong());
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private long filesIn() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void aSmallAnswerStaysInMemoryAndComesBackWhole() throws IOException {
        AnswerSpool.Limits limits = limits(1024, 1 << 20, 1 << 20);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        try (AnswerSpool spool = new AnswerSpool(limits)) {
            spool.write(bytes(1000));
            spool.flush();
            assertFalse(spool.onDisk());
            spool.copyTo(client);
        }
        assertArrayEquals(bytes(1000), client.toByteArray());
        assertEquals(0, AnswerSpool.bytesOnDisk(limits));
    }

    @Test
    void aBigAnswerGoesToAFileThatIsGoneAndWhoseSpaceIsGivenBack() throws IOException {
        AnswerSpool.Limits limits = limits(1024, 16 << 20, 16 << 20);
        byte[] answer = bytes(3_000_000);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        try (AnswerSpool spool = new AnswerSpool(limits)) {
            // in the pieces writers write: some small, some larger than the file buffer
            int at = 0;
            for (int piece : new int[] {1, 700, 1000, 100_000, 7, 200_000}) {
                spool.write(answer, at, piece);
                at += piece;
            }
            spool.write(answer, at, answer.length - at);
            assertTrue(spool.onDisk());
            assertEquals(answer.length, spool.size());
            assertTrue(AnswerSpool.bytesOnDisk(limits) >= answer.length - 1024 - 64 * 1024, "its space is counted");
            assertEquals(0, filesIn(), "the file is unlinked as soon as it is opened: nothing to leave behind");
            spool.copyTo(client);
        }
        assertArrayEquals(answer, client.toByteArray());
        assertEquals(0, AnswerSpool.bytesOnDisk(limits));
    }

    @Test
    void anAnswerOverItsOwnBoundIsA422() {
        AnswerSpool.Limits limits = limits(1024, 100_000, 16 << 20);
        try (AnswerSpool spool = new AnswerSpool(limits)) {
            spool.write(bytes(99_000), 0, 99_000);
            QueryLimitException e = assertThrows(QueryLimitException.class, () -> spool.write(bytes(2000), 0, 2000));
            assertEquals(422, e.status());
            assertTrue(e.getMessage().contains("LIMIT"), e.getMessage());
        }
        assertEquals(0, AnswerSpool.bytesOnDisk(limits));
    }

    @Test
    void answersOverTheSharedDiskBudgetAre503AndTheBudgetReturns() {
        AnswerSpool.Limits limits = limits(1024, 16 << 20, 3 << 20);
        try (AnswerSpool first = new AnswerSpool(limits); AnswerSpool second = new AnswerSpool(limits)) {
            first.write(bytes(2_500_000), 0, 2_500_000);
            first.copyTo(OutputStreamSink.INSTANCE);
            QueryLimitException e = assertThrows(QueryLimitException.class, () -> {
                second.write(bytes(2_500_000), 0, 2_500_000);
                second.copyTo(OutputStreamSink.INSTANCE);
            });
            assertEquals(503, e.status());
            assertTrue(e.getMessage().contains("retry later"), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(0, AnswerSpool.bytesOnDisk(limits));
        try (AnswerSpool again = new AnswerSpool(limits)) {
            again.write(bytes(2_500_000), 0, 2_500_000);
            again.copyTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDiskThatCannotTakeTheFileIsA503NotACutAnswer() {
        AnswerSpool.Limits limits = new AnswerSpool.Limits(dir.resolve("not-there"), 1024, 16 << 20, 16 << 20, new AtomicLong());
        try (AnswerSpool spool = new AnswerSpool(limits)) {
            QueryLimitException e = assertThrows(QueryLimitException.class, () -> spool.write(bytes(5000), 0, 5000));
            assertEquals(503, e.status());
            assertTrue(e.getMessage().startsWith("No room on the server's disk"), e.getMessage());
        }
        assertEquals(0, AnswerSpool.bytesOnDisk(limits));
    }

    /** Takes bytes and drops them. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
