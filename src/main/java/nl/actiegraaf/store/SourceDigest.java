package nl.actiegraaf.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The digest of what a source reads, cheap to compute (bytes, not triples): SHA-256 over a label
 * (converter version, target graph) and the bytes of each input file, as an RFC 6920 {@code ni:} URI
 * ({@code ni:///sha-256;...}), recorded in {@link Iris#META} as {@code <graph> prov:wasDerivedFrom <ni:...>}.
 * Equal digests mean the same input to the same converter, so the graph can be taken as unchanged
 * without converting; the content digest ({@link GraphContent}) still decides whenever they differ.
 */
public final class SourceDigest {
    private SourceDigest() {
    }

    /** The digest of {@code label} and the files in order (a missing file counts as "absent"); null if one cannot be read. */
    public static String of(String label, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, label);
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                update(sha, file.getFileName().toString());
                try (InputStream in = Files.newInputStream(file)) {
                    update(sha, "present");
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                } catch (NoSuchFileException absent) {
                    update(sha, "absent");
                }
                update(sha, "end");
            }
            return "ni:///sha-256;" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (IOException unreadable) {
            return null; // the source reports it when it is read
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 24));
        sha.update((byte) (bytes.length >>> 16));
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
    }
}
