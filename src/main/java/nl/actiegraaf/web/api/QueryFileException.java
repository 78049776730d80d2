package nl.actiegraaf.web.api;

import java.nio.file.Path;

/**
 * A curated-query file that cannot be served. Its message is one line, "file:line: what is wrong",
 * so a broken file stops the server at start with a message that says where to look.
 */
public class QueryFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
