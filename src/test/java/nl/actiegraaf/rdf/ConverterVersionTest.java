package nl.actiegraaf.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * The golden test of {@link ReportConverter#VERSION}: the digest of the converted seed's sorted N-Triples
 * is recorded beside the version ({@link ReportConverter#VERSION_OUTPUT}). Output changed and version not:
 * kept stores would keep stale triples, so this fails and says what to bump and what line to record.
 */
class ConverterVersionTest {
    private static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");

    @Test
    void theVersionIsBumpedWheneverTheSeedsTriplesChange() throws Exception {
        String digest = digestOfSortedNTriples();
        String[] recorded = ReportConverter.VERSION_OUTPUT.split(" ");
        String recordedVersion = recorded[0];
        String recordedDigest = recorded[1];
        if (recordedDigest.equals(digest)) {
            assertEquals(ReportConverter.VERSION, recordedVersion, "VERSION changed but the output did not: set "
                    + "ReportConverter.VERSION_OUTPUT = \"" + ReportConverter.VERSION + " " + digest + "\"");
            return;
        }
        if (recordedVersion.equals(ReportConverter.VERSION)) {
            fail("The converter's output of the seed changed but ReportConverter.VERSION is still " + ReportConverter.VERSION
                    + ": bump it (kept stores re-convert only then) and set ReportConverter.VERSION_OUTPUT = \"NEW_VERSION "
                    + digest + "\"");
        }
        fail("ReportConverter.VERSION is " + ReportConverter.VERSION + ": set ReportConverter.VERSION_OUTPUT = \""
                + ReportConverter.VERSION + " " + digest + "\"");
    }

    @Test
    void theDigestIsTheSameEveryRun() throws Exception {
        assertEquals(digestOfSortedNTriples(), digestOfSortedNTriples(), "the converter must be deterministic (no blank nodes, no clock)");
    }

    /** SHA-256 of the converted seed as N-Triples, lines sorted (the order of triples is not output). */
    static String digestOfSortedNTriples() throws Exception {
        Graph graph = GraphFactory.createDefaultGraph();
        ReportConverter.standard().convert(SEED, StreamRDFLib.graph(graph));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, Lang.NTRIPLES);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
