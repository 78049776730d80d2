package nl.actiegraaf.store;

/**
 * A load that could not be done. The message is one line naming the file (and line, where known) and
 * what is wrong; when it is thrown, the store holds exactly the data it held before the load.
 */
public class LoadException extends RuntimeException {
    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
