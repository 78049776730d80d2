package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request's own bytes checked before {@link SparqlEndpoint} reads its parameters, so that what
 * the servlet layer would quietly repair is refused, each with a one-line 4xx: a charset other than
 * UTF-8 (Jetty failed on {@code charset=bogus} with a 500), a broken percent escape ({@code %ZZ}:
 * Jetty dropped the parameter), and bytes that are not UTF-8 in the URL or a form (Jetty decoded them
 * to replacement characters and ran the query, while the same bytes in a direct POST were a 415).
 */
final class ProtocolChecks {
    private static final String FORM = "application/x-www-form-urlencoded";

    private ProtocolChecks() {
    }

    static void register(JavalinConfig config, WebContext context) {
        config.routes.before(SparqlEndpoint.PATH, ProtocolChecks::check);
        // Wherever the servlet layer meets the charset first (reading a form), an unknown one is the client's error.
        config.routes.exception(java.nio.charset.UnsupportedCharsetException.class, (e, ctx) -> HttpPolicy.error(ctx, 415,
                "The request must be sent in UTF-8, not charset " + e.getCharsetName()));
        config.routes.exception(java.nio.charset.IllegalCharsetNameException.class, (e, ctx) -> HttpPolicy.error(ctx, 415,
                "The request must be sent in UTF-8, not charset " + e.getCharsetName()));
    }

    static void check(Context ctx) {
        boolean post = ctx.method().name().equals("POST");
        String contentType = ctx.contentType();
        String charset = post ? charset(contentType) : null;
        if (charset != null && !charset.equals("utf-8")) {
            throw new HttpResponseException(415, "The request must be sent in UTF-8, not charset " + charset);
        }
        String query = ctx.queryString();
        if (query != null) {
            requireEncodedUtf8(query, "URL");
        }
        if (!post) {
            return;
        }
        if (FORM.equals(SparqlEndpoint.mediaType(contentType))) {
            // Javalin caches the body, so the form parameters are parsed from these same bytes afterwards.
            byte[] body;
            try {
                body = ctx.bodyAsBytes();
            } catch (HttpResponseException e) {
                throw e.getStatus() == 413 ? tooLarge(ctx, "The form is larger than this server accepts") : e;
            }
            requireEncodedUtf8(new String(body, StandardCharsets.ISO_8859_1), "form body");
        }
    }

    /** Past this many bytes a too-large body is not read to its end: the connection is closed instead. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    /**
     * A 413 that the client gets to read. Answering while the client still sends, then closing, makes
     * the kernel reset the connection, and the client sees "connection reset" instead of the 413; so
     * the rest of the body is read and thrown away (up to {@link #MAX_DRAIN_BYTES}), and the connection
     * is closed after the answer.
     */
    static HttpResponseException tooLarge(Context ctx, String message) {
        ctx.header("Connection", "close");
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int n; drained < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0; ) {
                drained += n;
            }
        } catch (java.io.IOException | IllegalStateException e) {
            // The client went away or the body was taken already: nothing left to protect.
        }
        return new HttpResponseException(413, message);
    }

    /** {@code text} is {@code a=b&c=d} with %-escapes; each escape well formed, the bytes they make UTF-8. */
    static void requireEncodedUtf8(String text, String where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    String escape = text.substring(i, Math.min(text.length(), i + 3));
                    throw new HttpResponseException(400, "Broken percent escape '" + escape + "' in the " + where
                            + " (a % must be followed by two hexadecimal digits; write a literal % as %25)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new HttpResponseException(415, "The " + where + " is not valid UTF-8 (after percent decoding)");
        }
    }

    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
