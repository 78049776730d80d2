package nl.actiegraaf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a started {@code serve}'s output (to its end, so the process never blocks on a full pipe) for the lines that say where it listens. */
final class ServeLog {
    private ServeLog() {
    }

    /** The first match of each pattern in the server's output, waiting at most 5 minutes for all of them. */
    static List<MatchResult> await(Process server, Pattern... patterns) throws InterruptedException {
        Follower follower = follow(server, patterns);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<MatchResult> all = new ArrayList<>();
        for (int i = 0; i < patterns.length; i++) {
            while (follower.first(i) == null && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(50);
            }
            if (follower.first(i) == null) {
                throw new IllegalStateException("serve did not print a line matching " + patterns[i]);
            }
            all.add(follower.first(i));
        }
        return all;
    }

    /** Starts reading the server's output in the background; the caller polls what it has seen. */
    static Follower follow(Process server, Pattern... patterns) {
        Follower follower = new Follower(patterns);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    follower.read(line);
                }
            } catch (IOException e) {
                // the server ended
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        return follower;
    }

    /** What a followed server has printed: the first match of each pattern, and the whole output (for errors). */
    static final class Follower {
        private final Pattern[] patterns;
        private final AtomicReferenceArray<MatchResult> found;
        private final StringBuilder output = new StringBuilder();

        private Follower(Pattern[] patterns) {
            this.patterns = patterns.clone();
            this.found = new AtomicReferenceArray<>(patterns.length);
        }

        private void read(String line) {
            synchronized (output) {
                output.append(line).append('\n');
            }
            for (int i = 0; i < patterns.length; i++) {
                Matcher m = patterns[i].matcher(line);
                if (found.get(i) == null && m.find()) {
                    found.set(i, m.toMatchResult());
                }
            }
        }

        /** The first match of pattern {@code i} so far, or null. */
        MatchResult first(int i) {
            return found.get(i);
        }

        /** Group 1 of the first match of pattern {@code i} so far, or null. */
        String group(int i) {
            MatchResult m = found.get(i);
            return m == null ? null : m.group(1);
        }

        String output() {
            synchronized (output) {
                return output.toString();
            }
        }
    }
}
