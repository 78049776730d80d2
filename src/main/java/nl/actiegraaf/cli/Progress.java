package nl.actiegraaf.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * What a long load or conversion is doing, on standard error (standard output stays the command's
 * answer). On a terminal a bar redrawn in place four times a second, from the first second on; elsewhere
 * (a log file, a service's journal, a pipe) one line every ten seconds, so a short run prints nothing
 * extra and a long one shows that it is alive. Steps are the files; the count is triples.
 */
final class Progress implements AutoCloseable {
    private static final int BAR = 24;
    private static final long TERMINAL_DELAY_MS = 1000;
    private static final long TERMINAL_EVERY_MS = 250;
    private static final long LINES_EVERY_MS = 10_000;

    private final String task;
    private final int steps;
    private final PrintStream err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final LongAdder triples = new LongAdder();
    private final ScheduledExecutorService ticker;
    private volatile int done;
    private volatile String current = "";
    private int drawnWidth;
    private boolean printed;

    private Progress(String task, int steps, PrintStream err, boolean terminal) {
        this.task = task;
        this.steps = steps;
        this.err = err;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("actiegraaf-progress"));
        long delay = terminal ? TERMINAL_DELAY_MS : LINES_EVERY_MS;
        long every = terminal ? TERMINAL_EVERY_MS : LINES_EVERY_MS;
        ticker.scheduleAtFixedRate(this::show, delay, every, TimeUnit.MILLISECONDS);
    }

    /** Progress of {@code task} over {@code steps} files on this process's standard error. */
    static Progress start(String task, int steps) {
        return new Progress(task, steps, System.err, System.console() != null);
    }

    /** The next file begins; the one before it is done. */
    void begin(String name) {
        if (!current.isEmpty()) {
            done = Math.min(steps, done + 1);
        }
        current = name;
    }

    void countTriple() {
        triples.increment();
    }

    /** What the run does after its files (writing, committing), shown in place of a file name. */
    void finishing(String what) {
        done = steps;
        current = what;
    }

    private synchronized void show() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String count = String.format(Locale.ROOT, "%,d triples", triples.sum());
        if (terminal) {
            int filled = steps == 0 ? BAR : BAR * done / steps;
            String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %s  %s  %d s", task, "#".repeat(filled),
                    ".".repeat(BAR - filled), done, steps, current, count, seconds);
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            err.println(String.format(Locale.ROOT, "%s: %d/%d files, %s, %s, %d s", task, done, steps, current, count, seconds));
        }
        err.flush();
        printed = true;
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (terminal && printed) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r"); // the command's own summary follows
            err.flush();
        }
    }
}
