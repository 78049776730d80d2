package nl.actiegraaf.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Accept header without the media ranges the client refuses ({@code q=0}, RFC 9110 §12.4.2).
 * Jena's content negotiation, here and in Fuseki, ranks them last but still picks them when they
 * are the server's first offer: {@code text/csv;q=0, application/sparql-results+json} got CSV.
 */
final class RefusedMediaTypes {
    private RefusedMediaTypes() {
    }

    /** The header without {@code q=0} ranges; null when it was null; "" when the client refused everything listed. */
    static String removed(String accept) {
        if (accept == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String range : accept.split(",")) {
            if (!refused(range)) {
                kept.add(range.strip());
            }
        }
        return String.join(", ", kept);
    }

    private static boolean refused(String range) {
        String[] parts = range.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                return parameter.substring(2).strip().matches("0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
