package nl.actiegraaf.report;

import java.nio.file.Path;

/**
 * A report that cannot be read. The message is one line, "file:line: what is wrong" (or "file: what is
 * wrong" when no single line is to blame), fit to print as it is to a user.
 */
public class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ReportException at(Path file, int line, String what) {
        return new ReportException(file + ":" + line + ": " + what);
    }

    public static ReportException in(Path file, String what) {
        return new ReportException(file + ": " + what);
    }
}
