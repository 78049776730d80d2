package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source digest of a report covers every file its conversion reads (no conversion needed to tell). */
class ReportConversionTest {
    @TempDir
    Path tmp;

    @Test
    void sourceDigestCoversReportMetadataAndRegistersBesideIt() throws Exception {
        Path seeds = Path.of("seeds");
        for (String name : List.of("stand-van-zaken-pok-2021.txt", "stand-van-zaken-pok-2021.meta.properties",
                "organisaties.ttl", "kamerleden.ttl")) {
            Files.copy(seeds.resolve(name), tmp.resolve(name));
        }
        Path report = tmp.resolve("stand-van-zaken-pok-2021.txt");
        String first = ReportConversion.source(report).sourceDigest();
        assertNotNull(first);
        assertEquals(first, ReportConversion.source(report).sourceDigest(), "same bytes, same digest");

        String previous = first;
        for (String name : List.of("stand-van-zaken-pok-2021.txt", "stand-van-zaken-pok-2021.meta.properties",
                "organisaties.ttl", "kamerleden.ttl")) {
            Path file = tmp.resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1; // one byte
            Files.write(file, bytes);
            String now = ReportConversion.source(report).sourceDigest();
            assertNotEquals(previous, now, name + " changed but the digest did not");
            previous = now;
        }
    }
}
