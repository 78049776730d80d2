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
        AtomicReferenceArray<MatchResult> found = new AtomicReferenceArray<>(patterns.length);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    for (int i = 0; i < patterns.length; i++) {
                        Matcher m = patterns[i].matcher(line);
                        if (found.get(i) == null && m.find()) {
                            found.set(i, m.toMatchResult());
                        }
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<MatchResult> all = new ArrayList<>();
        for (int i = 0; i < patterns.length; i++) {
            while (found.get(i) == null && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(50);
            }
            if (found.get(i) == null) {
                throw new IllegalStateException("serve did not print a line matching " + patterns[i]);
            }
            all.add(found.get(i));
        }
        return all;
    }
}
