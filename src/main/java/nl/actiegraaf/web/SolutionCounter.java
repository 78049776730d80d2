package nl.actiegraaf.web;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * Counts the solutions in the bytes of a SPARQL results document as they pass, without parsing it: enough
 * to tell whether a store's answer to a capped query ({@link RowCap}: LIMIT cap+1) holds the one solution
 * past the cap, and so whether its bytes can be passed on as they are ({@link RelayedAnswer}). Each format's
 * rule relies only on what its grammar guarantees:
 * <ul>
 * <li>TSV: one line per solution after the header (terms are in Turtle syntax: a newline in a literal is {@code \n});</li>
 * <li>CSV: the same, except line breaks inside a quoted field (RFC 4180);</li>
 * <li>XML: one {@code <result} element per solution ({@code <} in a value is always escaped);</li>
 * <li>JSON: one object per element of the {@code bindings} array, the only objects three levels deep
 *     ({@code {"head":{...},"results":{"bindings":[{...}]}}}), strings and their escapes skipped.</li>
 * </ul>
 */
abstract class SolutionCounter {
    /** A counter for {@code lang}, or null when the format has no counter (its answers are not relayed). */
    static SolutionCounter of(Lang lang) {
        if (ResultSetLang.RS_TSV.equals(lang)) {
            return new Lines(false);
        }
        if (ResultSetLang.RS_CSV.equals(lang)) {
            return new Lines(true);
        }
        if (ResultSetLang.RS_XML.equals(lang)) {
            return new XmlResults();
        }
        if (ResultSetLang.RS_JSON.equals(lang)) {
            return new JsonBindings();
        }
        return null;
    }

    /** Takes the next bytes of the document. */
    abstract void feed(byte[] bytes, int offset, int length);

    /** The solutions in the bytes so far (for line formats: counting a last line without its line break). */
    abstract long solutions();

    /** TSV and CSV: lines after the header. */
    private static final class Lines extends SolutionCounter {
        private final boolean quoted;
        private boolean inQuotes;
        private long breaks;
        private int last = '\n';

        Lines(boolean quoted) {
            this.quoted = quoted;
        }

        @Override
        void feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (quoted && b == '"') {
                    inQuotes = !inQuotes; // a doubled quote inside a field toggles twice
                } else if (b == '\n' && !inQuotes) {
                    breaks++;
                }
                last = b;
            }
        }

        @Override
        long solutions() {
            long lines = breaks + (last == '\n' ? 0 : 1);
            return Math.max(0, lines - 1);
        }
    }

    /** XML: {@code <result} followed by {@code >}, {@code /} or white space (not {@code <results>}). */
    private static final class XmlResults extends SolutionCounter {
        private static final byte[] TAG = "<result".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private int matched;
        private long count;

        @Override
        void feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (matched == TAG.length) {
                    if (b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                        count++;
                    }
                    matched = 0;
                }
                if (b == TAG[matched]) {
                    matched++;
                } else {
                    matched = b == TAG[0] ? 1 : 0;
                }
            }
        }

        @Override
        long solutions() {
            return count;
        }
    }

    /** JSON: objects opened at depth 3 (inside the bindings array), outside strings. */
    private static final class JsonBindings extends SolutionCounter {
        private int depth;
        private boolean inString;
        private boolean escaped;
        private long count;

        @Override
        void feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                    continue;
                }
                switch (b) {
                    case '"' -> inString = true;
                    case '{', '[' -> {
                        if (b == '{' && depth == 3) {
                            count++;
                        }
                        depth++;
                    }
                    case '}', ']' -> depth--;
                    default -> { }
                }
            }
        }

        @Override
        long solutions() {
            return count;
        }
    }
}
