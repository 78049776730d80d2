package nl.actiegraaf.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.javalin.http.Context;

/**
 * Validators for read-mostly answers: a strong {@code ETag} computed from what determines the bytes,
 * {@code If-None-Match} answered with 304, and a {@code Cache-Control} that lets browsers and proxies
 * keep an answer for a minute and then revalidate cheaply.
 */
final class ConditionalGet {
    static final String CACHE_CONTROL = "public, max-age=60";

    private ConditionalGet() {
    }

    /** A strong entity tag over {@code parts} (each part ends at a zero byte, so no two lists collide). */
    static String etag(String... parts) {
        MessageDigest sha = DataVersion.sha256();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
    }

    static String etag(byte[] body) {
        return "\"" + HexFormat.of().formatHex(DataVersion.sha256().digest(body), 0, 16) + "\"";
    }

    /**
     * Answers 304 (validators, no body) and returns true when the client's {@code If-None-Match}
     * already names {@code etag}; otherwise touches nothing, so an error answered later carries no
     * validators.
     */
    static boolean notModified(Context ctx, String etag) {
        if (matches(ctx.header("If-None-Match"), etag)) {
            validators(ctx, etag);
            // No body, so no Content-Type (Javalin's default, text/plain, would claim one the 200 does not have).
            ctx.status(304);
            ctx.res().setContentType(null);
            return true;
        }
        return false;
    }

    /** The headers of a cacheable 200 answer. */
    static void validators(Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE_CONTROL);
    }

    /** Serves fixed bytes with an ETag over them, or 304 when the client has them already. */
    static void serveFixed(Context ctx, String contentType, byte[] body, String etag) {
        if (!notModified(ctx, etag)) {
            validators(ctx, etag);
            ctx.contentType(contentType).result(body);
        }
    }

    /** RFC 9110 13.1.2: a list of tags or {@code *}, compared weakly (a {@code W/} prefix is ignored). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
