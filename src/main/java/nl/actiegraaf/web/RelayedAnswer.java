package nl.actiegraaf.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Locale;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * When a remote store's own answer may go to the client as its bytes, and how they go. The facade changes
 * nothing in an answer it relays, so it relays only when it would change nothing:
 * <ul>
 * <li>the format is one every SPARQL store writes by a standard and the facade would write the same terms:
 *     SPARQL Results JSON and XML (SELECT, ASK), CSV and TSV (SELECT), N-Triples (CONSTRUCT, DESCRIBE);
 *     CSV, TSV and N-Triples only as Jena writes them (a Fuseki store), since their bytes are what users
 *     compare (Virtuoso, for one, quotes every CSV field); text tables, Turtle (the facade writes
 *     {@code @prefix}, Jena's Fuseki {@code PREFIX}), JSON-LD, RDF/XML, binary formats and quads are
 *     written by the facade;</li>
 * <li>the row cap ({@link RowCap}) needs no header: the query's own LIMIT is within it, or the answer to the
 *     capped query (LIMIT cap+1) turns out to hold at most cap solutions. Such an answer is held while it is
 *     counted ({@link SolutionCounter}), up to {@link #MAX_HELD} bytes; one that holds the solution past the cap,
 *     or is larger, the facade reads (Jena's reader, from the held bytes on, no second request) and writes as
 *     its own path writes rows ({@link AnswerWriter}: cut at the cap, and saying so). A capped CONSTRUCT is
 *     always the facade's: its triples do not tell how many solutions made them.</li>
 * </ul>
 * Everything else about the answer is as on the facade's own path: the status, Content-Type and headers it
 * sets, the first bytes held back so a failure before them is a clean error ({@link HeldBackOutput}), the time
 * limit (the store's request is ended at it, {@link StoreClient#relay}) and a cut connection after the first bytes.
 */
final class RelayedAnswer {
    /** The most bytes of a capped answer held while its solutions are counted. */
    static final int MAX_HELD = 4 << 20;
    /** The piece passed on at a time: each goes out as it comes, as the store makes the answer. */
    private static final int PIECE = 16 * 1024;

    private RelayedAnswer() {
    }

    /**
     * The media type to ask the store for when the answer to {@code query} in {@code format} may be the store's
     * bytes, or null when the facade writes it.
     *
     * @param watched the row cap watches the answer ({@link RowCap#watched()})
     * @param jenaStore the store may be Jena's ({@link StoreClient#mayBeJena()}): its CSV, TSV, N-Triples are the facade's
     */
    static String mediaType(Query query, ResultFormat format, boolean watched, boolean jenaStore) {
        String type = candidate(query, format, watched);
        return type == null || jenaStore || isStandardBytes(type) ? type : null;
    }

    private static boolean isStandardBytes(String mediaType) {
        return mediaType.equals(WebContent.contentTypeResultsJSON) || mediaType.equals(WebContent.contentTypeResultsXML);
    }

    private static String candidate(Query query, ResultFormat format, boolean watched) {
        if (format == null) {
            return null; // ARQ's JSON query form: no store but Jena's has it
        }
        if (query.isSelectType()) {
            Lang lang = format.resultsLang();
            if (lang == null || watched && SolutionCounter.of(lang) == null) {
                return null;
            }
            return ResultSetLang.RS_JSON.equals(lang) || ResultSetLang.RS_XML.equals(lang)
                    || ResultSetLang.RS_CSV.equals(lang) || ResultSetLang.RS_TSV.equals(lang)
                    ? lang.getContentType().getContentTypeStr() : null;
        }
        if (query.isAskType()) {
            Lang lang = format.resultsLang();
            return ResultSetLang.RS_JSON.equals(lang) || ResultSetLang.RS_XML.equals(lang)
                    ? lang.getContentType().getContentTypeStr() : null;
        }
        boolean graph = query.isDescribeType() || query.isConstructType() && !query.isConstructQuad() && !watched;
        return graph && format.graphFormat() != null && Lang.NTRIPLES.equals(format.graphFormat().getLang())
                ? WebContent.contentTypeNTriples : null;
    }

    /**
     * True when the store's bytes are those asked for ({@code mediaType}, UTF-8) and written as the facade
     * would write them (see the class comment).
     */
    static boolean passable(StoreClient.StoreBytes bytes, String mediaType) {
        ContentType type;
        try {
            type = ContentType.create(bytes.contentType());
        } catch (RuntimeException e) {
            return false;
        }
        String charset = type.getCharset();
        if (!type.getContentTypeStr().toLowerCase(Locale.ROOT).equals(mediaType)
                || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return false;
        }
        return isStandardBytes(mediaType) || bytes.madeByJena();
    }

    /** The language of {@code mediaType}'s results, for counting. */
    static Lang resultsLang(String mediaType) {
        return WebContent.contentTypeToLangResultSet(mediaType);
    }

    /** Passes the store's bytes on piece by piece, each as it arrives. */
    static void passOn(InputStream body, OutputStream out) throws IOException {
        byte[] piece = new byte[PIECE];
        int n;
        while ((n = body.read(piece)) >= 0) {
            out.write(piece, 0, n);
            out.flush();
        }
    }

    /**
     * A capped answer as far as it was held: {@code complete} when the store's answer ended within {@link #MAX_HELD}
     * bytes and {@code cap} solutions (pass it on as it is); otherwise the bytes read so far, which with the rest of
     * the body are still the whole answer ({@link #andRest}).
     */
    record Held(byte[] bytes, boolean complete) {
        /** The held bytes and then the rest of the store's answer: the answer from its start. */
        InputStream andRest(InputStream body) {
            return new SequenceInputStream(new ByteArrayInputStream(bytes), body);
        }
    }

    /** Reads a capped answer, counting its solutions, until it ends, holds the solution past {@code cap}, or outgrows {@link #MAX_HELD}. */
    static Held hold(InputStream body, SolutionCounter counter, long cap) throws IOException {
        ByteArrayOutputStream held = new ByteArrayOutputStream(PIECE);
        byte[] piece = new byte[PIECE];
        int n;
        while ((n = body.read(piece)) >= 0) {
            counter.feed(piece, 0, n);
            held.write(piece, 0, n);
            if (counter.solutions() > cap || held.size() > MAX_HELD) {
                return new Held(held.toByteArray(), false);
            }
        }
        return new Held(held.toByteArray(), true);
    }
}
