package nl.actiegraaf.link.tk;

/** A page that cannot be read at all (no JSON, not an OData collection); one line naming the page. */
public final class TkPageException extends RuntimeException {
    public TkPageException(String message) {
        super(message);
    }
}
