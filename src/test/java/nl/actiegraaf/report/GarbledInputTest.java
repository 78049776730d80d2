package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever is done to the bytes, reading gives a report or a one-line {@link ReportException} naming the
 * file: never another exception. (Fixed random seed, so a failure can be replayed.)
 */
class GarbledInputTest {
    @TempDir
    Path dir;

    @Test
    void damagedCopiesOfTheSeedNeverCrashTheReader() throws IOException {
        List<String> lines = Seed.text().lines().limit(60).toList();
        byte[] original = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20210628);
        Path file = dir.resolve("beschadigd.txt");
        for (int round = 0; round < 200; round++) {
            byte[] bytes = damage(original, lines, random);
            Files.write(file, bytes);
            try {
                Report report = new ReportReader().read(file);
                assertFalse(report.actions().isEmpty());
            } catch (ReportException e) {
                assertTrue(e.getMessage().startsWith(file.toString()) && !e.getMessage().contains("\n"),
                        "round " + round + ": " + e.getMessage());
            } catch (RuntimeException e) {
                fail("round " + round + " crashed the reader: " + e, e);
            }
        }
    }

    private static byte[] damage(byte[] original, List<String> lines, Random random) {
        switch (random.nextInt(5)) {
            case 0: { // flip some bytes
                byte[] bytes = original.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case 1: // cut anywhere
                return Arrays.copyOf(original, random.nextInt(original.length));
            case 2: { // shuffle the lines
                List<String> shuffled = new ArrayList<>(lines);
                Collections.shuffle(shuffled, random);
                return String.join("\n", shuffled).getBytes(StandardCharsets.UTF_8);
            }
            case 3: { // tabs and markup where they do not belong
                StringBuilder text = new StringBuilder(new String(original, StandardCharsets.UTF_8));
                String[] noise = {"\t", "\t\t", "<p>", "</p>", "<ul style=\"x\">", " - ", "¹", "&amp;", "^", "<", "\n\t"};
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    text.insert(random.nextInt(text.length()), noise[random.nextInt(noise.length)]);
                }
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            default: { // drop and duplicate lines
                List<String> edited = new ArrayList<>(lines);
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    int at = random.nextInt(edited.size());
                    if (random.nextBoolean()) {
                        edited.remove(at);
                    } else {
                        edited.add(random.nextInt(edited.size()), edited.get(at));
                    }
                }
                return String.join("\n", edited).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
