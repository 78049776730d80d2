package nl.actiegraaf.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report parser's errors, collected with their positions, and the policy that decides which of them
 * stop the reading (as RIOT's {@code ErrorHandler} or jsoup's error list). The parser reports every error
 * of a line here and goes on with the next line when the policy lets it.
 *
 * <pre>{@code
 * ReportErrors errors = new ReportErrors(ReportErrors.Policy.LENIENT);
 * Report report = new ReportReader().read(file, errors);
 * errors.problems().forEach(p -> System.err.println(p.message()));   // "file:12: ..."
 * }</pre>
 */
public final class ReportErrors {
    /** Which errors stop the reading. */
    public enum Policy {
        /** Every error stops it: the first one is thrown. */
        STRICT,
        /**
         * The default: every error stops it, except on the last line of a file cut short (no final line
         * break), whose unfinished text is read as far as it goes.
         */
        TOLERATE_CUT_END,
        /** No error stops it: the line in error is skipped and the reading goes on; see {@link #problems()}. */
        LENIENT
    }

    /**
     * One error of the reading.
     *
     * @param line the line it is on (1-based)
     * @param message one line, naming file and line
     * @param onCutEnd whether it is on the unfinished last line of a file cut short
     */
    public record Problem(int line, String message, boolean onCutEnd) {
    }

    private final Policy policy;
    private final List<Problem> problems = new ArrayList<>();

    public ReportErrors(Policy policy) {
        this.policy = policy;
    }

    /** The default policy, {@link Policy#TOLERATE_CUT_END}. */
    public static ReportErrors standard() {
        return new ReportErrors(Policy.TOLERATE_CUT_END);
    }

    /** Records {@code error} of {@code line}; throws it when the policy says it stops the reading. */
    void report(int line, boolean onCutEnd, ReportException error) {
        problems.add(new Problem(line, error.getMessage(), onCutEnd));
        boolean stops = switch (policy) {
            case STRICT -> true;
            case TOLERATE_CUT_END -> !onCutEnd;
            case LENIENT -> false;
        };
        if (stops) {
            throw error;
        }
    }

    /** Every error seen, in the order of the file (those the policy let pass included). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
