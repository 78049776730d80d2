package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content digest: the same set of triples gives the same digest, any other set another. */
class ContentDigestTest {
    private static final String G = Iris.GRAPH + "test";

    @TempDir
    Path tmp;

    @Test
    void orderBlankNodeLabelsAndRepeatsDoNotChangeTheDigest() {
        String a = digest("""
                <https://w3id.org/actiegraaf/id/actie/1> <http://www.w3.org/2000/01/rdf-schema#label> "Actie 1"@nl .
                <https://w3id.org/actiegraaf/id/actie/1> <https://w3id.org/actiegraaf/def#gebeurtenis> _:x .
                _:x <https://w3id.org/actiegraaf/def#datum> "2021-04-30"^^<http://www.w3.org/2001/XMLSchema#date> .
                """);
        String shuffled = digest("""
                _:other <https://w3id.org/actiegraaf/def#datum> "2021-04-30"^^<http://www.w3.org/2001/XMLSchema#date> .
                <https://w3id.org/actiegraaf/id/actie/1> <https://w3id.org/actiegraaf/def#gebeurtenis> _:other .
                <https://w3id.org/actiegraaf/id/actie/1> <http://www.w3.org/2000/01/rdf-schema#label> "Actie 1"@nl .
                <https://w3id.org/actiegraaf/id/actie/1> <http://www.w3.org/2000/01/rdf-schema#label> "Actie 1"@nl .
                """);
        assertEquals(a, shuffled);
        assertTrue(a.startsWith(ContentDigest.PREFIX) && a.length() == ContentDigest.PREFIX.length() + 64, a);
    }

    @Test
    void everyPartOfATermCounts() {
        String base = digest("<https://w3id.org/a> <https://w3id.org/p> \"x\"@nl .\n");
        List<String> others = List.of(
                "<https://w3id.org/a> <https://w3id.org/p> \"x\"@en .\n",
                "<https://w3id.org/a> <https://w3id.org/p> \"x\" .\n",
                "<https://w3id.org/a> <https://w3id.org/p> <x> .\n",
                "<https://w3id.org/a> <https://w3id.org/p> \"x\"^^<http://www.w3.org/2001/XMLSchema#token> .\n",
                "<https://w3id.org/a> <https://w3id.org/q> \"x\"@nl .\n",
                "<https://w3id.org/a> <https://w3id.org/p> \"x\"@nl .\n<https://w3id.org/a> <https://w3id.org/p> \"y\"@nl .\n",
                "");
        for (String other : others) {
            assertNotEquals(base, digest(other), other);
        }
    }

    @Test
    void theSameTriplesInAnotherSyntaxGiveTheSameDigest() throws Exception {
        Path nt = Files.writeString(tmp.resolve("a.nt"), "<https://w3id.org/a> <https://w3id.org/p> \"x\"@nl .\n");
        Path ttl = Files.writeString(tmp.resolve("a.ttl"), "PREFIX w: <https://w3id.org/>\nw:a w:p \"x\"@nl, \"x\"@nl .\n");
        assertEquals(GraphContent.read(new RdfFileSource(nt, G, 1000)).digest(), GraphContent.read(new RdfFileSource(ttl, G, 1000)).digest());
    }

    private static String digest(String ntriples) {
        GraphSource source = GraphSource.of(G, "test.nt", out -> RDFParser.source(
                new ByteArrayInputStream(ntriples.getBytes(StandardCharsets.UTF_8))).lang(Lang.NTRIPLES).parse(out));
        GraphContent content = GraphContent.read(source);
        return content.digest();
    }
}
