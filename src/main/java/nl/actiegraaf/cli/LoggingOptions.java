package nl.actiegraaf.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import nl.actiegraaf.store.LoadException;
import picocli.CommandLine.Option;

/**
 * How much the process logs. The default (src/main/resources/simplelogger.properties) is quiet: the
 * command prints what a person needs, libraries only their warnings. These options set slf4j-simple's
 * system properties, which it reads when the first logger is made, so {@link #apply} runs first thing
 * in a command, before the store or the web server exist. A {@code -Dorg.slf4j.simpleLogger...} given
 * to {@code java} wins over all of them.
 */
final class LoggingOptions {
    static final String PREFIX = "org.slf4j.simpleLogger.";

    @Option(names = "--verbose", description = {"Log everything at INFO: Jetty's and Fuseki's start, every request",
            "(the access log too), the cache warm-up."})
    boolean verbose;

    @Option(names = "--access-log", description = "One line per HTTP request on standard error (logger actiegraaf.access).")
    boolean accessLog;

    @Option(names = "--log-config", paramLabel = "FILE",
            description = {"A logging configuration: slf4j-simple properties (org.slf4j.simpleLogger.defaultLogLevel=info,",
                    "org.slf4j.simpleLogger.log.NAME=debug, org.slf4j.simpleLogger.logFile=FILE, ...); see README."})
    Path logConfig;

    /** Sets the levels asked for; returns quietly when nothing was asked. */
    void apply() {
        if (logConfig != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(logConfig)) {
                file.load(in);
            } catch (IOException e) {
                throw new LoadException(logConfig + ": cannot read the logging configuration: " + e.getMessage(), e);
            }
            for (String key : file.stringPropertyNames()) {
                if (!key.startsWith(PREFIX)) {
                    throw new LoadException(logConfig + ": " + key + ": not a logging setting (keys start with " + PREFIX + ")");
                }
                setUnlessGiven(key, file.getProperty(key).strip());
            }
        }
        if (verbose) {
            setUnlessGiven(PREFIX + "defaultLogLevel", "info");
            setUnlessGiven(PREFIX + "log.nl.actiegraaf.web.api.CacheWarmer", "info");
        }
        if (verbose || accessLog) {
            setUnlessGiven(PREFIX + "log.actiegraaf.access", "info");
        }
    }

    /** A value given with -D on the java command line stays: the most specific wish wins. */
    private static void setUnlessGiven(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
