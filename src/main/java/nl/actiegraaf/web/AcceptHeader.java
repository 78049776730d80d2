package nl.actiegraaf.web;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * The facade's content-negotiation rule for answers with a default: Jena's {@link AcceptList} picks the
 * offer the Accept header prefers (q-values, wildcards; on a tie the first offer), and a header that is
 * absent, blank, unreadable or accepts none of the offers gets the default instead of an error.
 */
public final class AcceptHeader {
    private AcceptHeader() {
    }

    /** Whether {@code accept} prefers {@code type} (one of {@code offers}) to every other offer. */
    public static boolean prefers(String accept, AcceptList offers, String type) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            MediaType chosen = AcceptList.match(new AcceptList(accept), offers); // the header read as a list
            return chosen != null && chosen.getContentTypeStr().equals(type);
        } catch (RuntimeException unreadable) {
            return false; // a header Jena cannot read: the default
        }
    }
}
