package nl.actiegraaf.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The digest of a set of triples, whatever order they come in: a SHA-256 per triple over an exact
 * encoding of its terms (blank node labels ignored, as a converter or parser picks them freely), then
 * one SHA-256 over those per-triple hashes in sorted order. Sorting 32-byte hashes replaces sorting
 * the N-Triples lines (the digest before {@value #PREFIX}): no line formatting, and the triples can
 * go on to the store as they come. The caller adds each distinct triple once (RDF graphs are sets;
 * {@link GraphContent} drops repeats before they get here).
 *
 * <p>The value is {@code "sha256-set:" + 64 hex digits}. Stores written before it hold {@code "sha256:..."}
 * digests: they never equal a new one, so each such graph is loaded once more (unless its source digest
 * already says it is unchanged) and then carries the new form.
 */
final class ContentDigest {
    static final String PREFIX = "sha256-set:";
    private static final int HASH = 32;

    private final MessageDigest sha = sha256();
    private final List<byte[]> hashes = new ArrayList<>();

    /** Adds one triple of the set. */
    void add(Triple t) {
        term(t.getSubject());
        term(t.getPredicate());
        term(t.getObject());
        hashes.add(sha.digest());
    }

    /** The digest of every triple added so far. */
    String value() {
        byte[][] sorted = hashes.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        MessageDigest all = sha256();
        for (byte[] hash : sorted) {
            all.update(hash, 0, HASH);
        }
        return PREFIX + HexFormat.of().formatHex(all.digest());
    }

    /** Kind letter, then each part length-prefixed: no two different terms or triples encode alike. */
    private void term(Node n) {
        if (n.isURI()) {
            sha.update((byte) 'U');
            string(n.getURI());
        } else if (n.isBlank()) {
            sha.update((byte) 'B');
        } else if (n.isLiteral()) {
            sha.update((byte) 'L');
            string(n.getLiteralLexicalForm());
            string(n.getLiteralDatatypeURI());
            string(n.getLiteralLanguage());
            string(n.getLiteralBaseDirection() == null ? "" : n.getLiteralBaseDirection().toString());
        } else if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            sha.update((byte) 'T');
            term(t.getSubject());
            term(t.getPredicate());
            term(t.getObject());
        } else {
            sha.update((byte) '?');
            string(n.toString());
        }
    }

    private void string(String s) {
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update((byte) (n >>> 24));
        sha.update((byte) (n >>> 16));
        sha.update((byte) (n >>> 8));
        sha.update((byte) n);
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
