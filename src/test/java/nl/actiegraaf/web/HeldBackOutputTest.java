package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class HeldBackOutputTest {
    private final ByteArrayOutputStream client = new ByteArrayOutputStream();

    @Test
    void aSmallAnswerReachesTheClientOnlyWhenFinishedWhateverTheWriterFlushes() throws IOException {
        HeldBackOutput out = new HeldBackOutput(() -> client, 8);
        out.write(new byte[] {1, 2, 3}, 0, 3);
        out.flush();
        assertFalse(out.started());
        assertArrayEquals(new byte[0], client.toByteArray());
        out.finish();
        assertTrue(out.started());
        assertArrayEquals(new byte[] {1, 2, 3}, client.toByteArray());
    }

    @Test
    void pastTheThresholdEverythingGoesOutInOrder() throws IOException {
        HeldBackOutput out = new HeldBackOutput(() -> client, 4);
        out.write(new byte[] {1, 2, 3}, 0, 3);
        out.write(new byte[] {4, 5}, 0, 2);
        assertTrue(out.started());
        out.write(6);
        out.finish();
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, client.toByteArray());
    }

    @Test
    void aClientThatWentAwayIsToldApartFromOtherFailures() {
        IOException gone = new IOException("client left");
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw gone;
            }
        };
        HeldBackOutput out = new HeldBackOutput(() -> broken, 1);
        assertThrows(IOException.class, () -> out.write(new byte[] {1, 2}, 0, 2));
        assertSame(gone, out.clientFailure());
    }
}
