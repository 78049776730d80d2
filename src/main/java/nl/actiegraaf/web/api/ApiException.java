package nl.actiegraaf.web.api;

/** A request the API answers with an error status and a one-line message (never a stack trace). */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
