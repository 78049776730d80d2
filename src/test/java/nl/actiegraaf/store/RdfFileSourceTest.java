package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdfFileSourceTest {
    @TempDir
    Path tmp;

    @Test
    void readsRdfXmlWithoutDoctype() throws Exception {
        Path file = write("plain.rdf", """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="https://w3id.org/actiegraaf/id/organisatie/bzk">
                    <rdfs:label>BZK</rdfs:label>
                  </rdf:Description>
                </rdf:RDF>
                """);
        GraphContent content = GraphContent.read(RdfFileSource.intoGraphNamedAfter(file));
        assertEquals(1, content.triples().size());
        assertEquals(Iris.GRAPH + "plain", content.graph());
    }

    @Test
    void refusesRdfXmlWithExternalEntity() throws Exception {
        Path secret = write("secret.txt", "top secret");
        Path file = write("xxe.rdf", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="https://example.org/x"><rdfs:label>&leak;</rdfs:label></rdf:Description>
                </rdf:RDF>
                """.formatted(secret.toUri()));
        LoadException e = assertThrows(LoadException.class, () -> GraphContent.read(RdfFileSource.intoGraphNamedAfter(file)));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("entit"), e.getMessage());
    }

    @Test
    void refusesEntityExpansionBomb() throws Exception {
        Path file = write("bomb.rdf", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [
                  <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="https://example.org/x"><rdfs:label>&c;</rdfs:label></rdf:Description>
                </rdf:RDF>
                """);
        assertThrows(LoadException.class, () -> GraphContent.read(RdfFileSource.intoGraphNamedAfter(file)));
    }

    @Test
    void refusesFilesOverTheSizeLimit() throws Exception {
        Path file = write("big.ttl", "<https://example.org/a> <https://example.org/b> \"" + "x".repeat(2000) + "\" .");
        LoadException e = assertThrows(LoadException.class,
                () -> GraphContent.read(new RdfFileSource(file, Iris.GRAPH + "big", 1000)));
        assertTrue(e.getMessage().contains("over the limit of 1000 bytes"), e.getMessage());
    }

    @Test
    void jsonLdRemoteContextIsNeverFetched() throws Exception {
        // Port 1 on loopback: if the parser tried to fetch, it would fail differently; it must not try.
        Path file = write("remote.jsonld", """
                { "@context": "http://127.0.0.1:1/context.jsonld", "@id": "https://example.org/x", "label": "x" }
                """);
        LoadException e = assertThrows(LoadException.class, () -> GraphContent.read(RdfFileSource.intoGraphNamedAfter(file)));
        assertTrue(e.getMessage().contains("remote JSON-LD documents are not fetched"), e.getMessage());
    }

    @Test
    void jsonLdWithInlineContextLoads() throws Exception {
        Path file = write("inline.jsonld", """
                { "@context": { "label": "http://www.w3.org/2000/01/rdf-schema#label" },
                  "@id": "https://example.org/x", "label": "x" }
                """);
        assertEquals(1, GraphContent.read(RdfFileSource.intoGraphNamedAfter(file)).triples().size());
    }

    @Test
    void syntaxErrorIsOneLineWithFileAndLine() throws Exception {
        Path file = write("broken.ttl", "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n<https://example.org/a> <https://example.org/b> ; .\n");
        LoadException e = assertThrows(LoadException.class, () -> GraphContent.read(RdfFileSource.intoGraphNamedAfter(file)));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void digestIgnoresOrderAndBlankNodeLabels() throws Exception {
        Path a = write("a.ttl", "<https://e.org/s> <https://e.org/p> [ <https://e.org/q> 1 ] . <https://e.org/s> <https://e.org/r> 2 .");
        Path b = write("b.ttl", "<https://e.org/s> <https://e.org/r> 2 . <https://e.org/s> <https://e.org/p> _:x . _:x <https://e.org/q> 1 .");
        Path c = write("c.ttl", "<https://e.org/s> <https://e.org/r> 3 .");
        String da = GraphContent.read(RdfFileSource.intoGraphNamedAfter(a)).digest();
        assertEquals(da, GraphContent.read(RdfFileSource.intoGraphNamedAfter(b)).digest());
        assertFalse(da.equals(GraphContent.read(RdfFileSource.intoGraphNamedAfter(c)).digest()));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }
}
