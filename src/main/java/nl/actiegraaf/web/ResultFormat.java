package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetWriterRegistry;

/**
 * The format of an answer computed in this JVM, chosen from the client's Accept header exactly as
 * Fuseki chooses it (Fuseki's own offers, defaults and matching: {@link DEF}, {@link ConNeg}), so the
 * embedded store answers the same whether the facade runs the query itself or passes it to Fuseki.
 *
 * @param contentType the Content-Type header of the answer, charset included where Fuseki names one
 * @param resultsLang the result-set writer (SELECT, ASK), or null for text/plain and for graphs
 * @param graphFormat the RDF writer (CONSTRUCT, DESCRIBE), or null for results
 */
record ResultFormat(String contentType, Lang resultsLang, RDFFormat graphFormat) {
    private static final String UTF_8 = "; charset=" + WebContent.charsetUTF8;

    /** text/plain for results: Jena's text table, which has no registered writer. */
    boolean isTextTable() {
        return resultsLang == null && graphFormat == null;
    }

    /** For SELECT ({@code booleanResult} false) and ASK answers; default SPARQL Results XML. */
    static ResultFormat forResults(Context ctx, boolean booleanResult) {
        return forResults(ctx, booleanResult, null);
    }

    /** @param requested a {@code format}/{@code output} parameter, which wins over Accept, or null */
    static ResultFormat forResults(Context ctx, boolean booleanResult, OutputParameter requested) {
        AcceptList offer = booleanResult ? DEF.rsOfferBoolean : DEF.rsOfferTable;
        String type = requested != null
                ? requested.chosen(OutputParameter.RESULTS, offer, booleanResult ? "ASK" : "SELECT").getContentTypeStr()
                : chosen(ctx, offer, DEF.acceptResultSetXML);
        if (type.equals(WebContent.contentTypeTextPlain)) {
            return new ResultFormat(type + UTF_8, null, null);
        }
        Lang lang = WebContent.contentTypeToLangResultSet(type);
        if (lang == null || !ResultSetWriterRegistry.isRegistered(lang)) {
            throw new HttpResponseException(400, "Not recognized for SPARQL results: " + type);
        }
        if (booleanResult && (type.equals(WebContent.contentTypeResultsThrift)
                || type.equals(WebContent.contentTypeResultsProtobuf))) {
            throw new HttpResponseException(400, "Can't write a boolean result in " + type);
        }
        // XML declares its own encoding; binary formats have none.
        boolean noCharset = type.equals(WebContent.contentTypeResultsXML) || type.equals(WebContent.contentTypeXML)
                || type.equals(WebContent.contentTypeResultsThrift) || type.equals(WebContent.contentTypeResultsProtobuf);
        return new ResultFormat(noCharset ? type : type + UTF_8, lang, null);
    }

    /** For CONSTRUCT and DESCRIBE answers; default Turtle. */
    static ResultFormat forGraph(Context ctx) {
        return forGraph(ctx, (OutputParameter) null);
    }

    /** @param requested a {@code format}/{@code output} parameter, which wins over Accept, or null */
    static ResultFormat forGraph(Context ctx, OutputParameter requested) {
        String type = requested != null
                ? requested.chosen(OutputParameter.GRAPHS, DEF.constructOffer, "CONSTRUCT and DESCRIBE").getContentTypeStr()
                : chosen(ctx, DEF.constructOffer, DEF.acceptTurtle);
        Lang lang = RDFLanguages.contentTypeToLang(type);
        if (lang == null) {
            throw new HttpResponseException(400, "Can't determine output content type: " + type);
        }
        // Fuseki names no charset for graphs (every text RDF syntax is UTF-8 by definition)
        return new ResultFormat(type, null, ActionLib.getNetworkFormatForLang(lang));
    }

    /** A graph or dataset answer in {@code mediaType} (downloads: the file name chose it, not the client). */
    static ResultFormat forGraph(String mediaType) {
        Lang lang = RDFLanguages.contentTypeToLang(mediaType);
        if (lang == null) {
            throw new IllegalArgumentException("not an RDF media type: " + mediaType);
        }
        return new ResultFormat(mediaType, null, ActionLib.getNetworkFormatForLang(lang));
    }

    private static String chosen(Context ctx, AcceptList offer, MediaType fallback) {
        String accept = ctx.header("Accept");
        String acceptable = RefusedMediaTypes.removed(accept);
        // Fuseki's choice (ConNeg.choose) on the header without the refused ranges: no match is the default
        MediaType match = acceptable == null || acceptable.isBlank() ? null
                : AcceptList.match(new AcceptList(acceptable), offer); // the header parsed as a list: create(String...) reads one media type
        MediaType type = match != null ? match : fallback;
        if (type == null) {
            throw new HttpResponseException(406, accept == null ? "No Accept: header" : "Accept: " + accept + " : Not understood");
        }
        return type.getContentTypeStr();
    }
}
