package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A curated-query file is read once at start; a broken one stops the start with "file:line: problem". */
class QueryFileReaderTest {
    private static final String PREFIX = "PREFIX ag: <https://w3id.org/actiegraaf/def#>\n";

    @TempDir
    Path dir;

    private String failure(String fileName, String text) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        QueryFileException e = assertThrows(QueryFileException.class, () -> QueryCatalog.load(dir));
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        Files.delete(file);
        return e.getMessage();
    }

    @Test
    void readsAHeaderWithEveryKindOfParameter() throws IOException {
        Files.writeString(dir.resolve("voorbeeld.rq"), """
                #+ summary: An example
                #+ description: >-
                #+   Longer text
                #+   over two lines.
                #+ tags: [a, b]
                #+ pagination: 25
                #+ params:
                #+   thema:
                #+     type: iri
                #+     base: https://w3id.org/actiegraaf/id/thema/
                #+   nummer:
                #+     type: integer
                #+     required: true
                #+     example: 12
                #+   tekst:
                #+     type: langString
                #+     lang: nl
                #+   soort:
                #+     type: string
                #+     enum: [x, y]
                #+     default: x
                # A plain comment between header and query is fine.
                PREFIX ag: <https://w3id.org/actiegraaf/def#>
                SELECT ?actie WHERE { ?actie ag:thema ?thema ; ag:nummer ?nummer ; ag:omschrijving ?tekst
                  FILTER(?soort = "x") }
                """);
        CuratedQuery q = QueryCatalog.load(dir).get("voorbeeld").orElseThrow();
        assertEquals("An example", q.summary());
        assertEquals("Longer text over two lines.", q.description());
        assertEquals(List.of("a", "b"), q.tags());
        assertEquals(25, q.pageSize());
        // The declared parameters, then the as-of parameters every query gets.
        assertEquals(List.of("thema", "nummer", "tekst", "soort", "peildatum", "editie"),
                q.parameters().stream().map(QueryParameter::name).toList());
        assertEquals(List.of("peildatum", "editie"), q.asOfParameters());
        assertEquals(ParameterType.LANG_STRING, q.parameter("tekst").orElseThrow().type());
        assertEquals("/api/queries/voorbeeld?nummer=12", q.example());
        assertEquals(List.of("actie"), q.columns());
    }

    @Test
    void everyShippedQueryLoads() {
        QueryCatalog catalog = QueryCatalog.load(Path.of("queries"));
        assertEquals(19, catalog.all().size()); // with rapporten.rq, uitvoering-moties.rq, kerncijfers.rq and namen.rq
        // deadlines.rq keeps its own peildatum (the reference date of "overdue"); editie chooses its edition.
        assertEquals(List.of("editie"), catalog.get("deadlines").orElseThrow().asOfParameters());
        assertEquals(List.of(), catalog.get("wijzigingen").orElseThrow().asOfParameters());
    }

    @Test
    void asOfParametersCanBeLeftOutButNotShadowed() throws IOException {
        Files.writeString(dir.resolve("edities.rq"), "#+ summary: x\n#+ asOf: false\n" + PREFIX
                + "SELECT ?a WHERE { ?a ag:nummer ?n } ORDER BY ?n\n");
        CuratedQuery editions = QueryCatalog.load(dir).get("edities").orElseThrow();
        assertEquals(List.of(), editions.parameters());
        Files.delete(dir.resolve("edities.rq"));
        String message = failure("schaduw.rq", "#+ summary: x\n" + PREFIX
                + "SELECT ?a WHERE { ?a ag:datum ?d FILTER(?d <= ?peildatum) } ORDER BY ?a\n");
        assertTrue(message.contains("?peildatum is the as-of parameter"), message);
        assertTrue(failure("fout.rq", "#+ summary: x\n#+ asOf: soms\n" + PREFIX + "SELECT ?a WHERE { ?a ?p ?o }\n")
                .contains("asOf must be true or false"));
    }

    @Test
    void sparqlSyntaxErrorNamesFileAndLine() throws IOException {
        String message = failure("kapot.rq", "#+ summary: x\n" + PREFIX + "SELECT ?a WHERE {\n  ?a ag:p ?b \n  FILTER(\n}\n");
        assertTrue(message.startsWith(dir.resolve("kapot.rq") + ":6: SPARQL syntax"), message);
    }

    @Test
    void yamlErrorNamesTheHeaderLine() throws IOException {
        String message = failure("yaml.rq", "#+ summary: x\n#+ params:\n#+   a: [unclosed\n" + PREFIX + "SELECT * {?a ?b ?c}\n");
        assertTrue(message.contains("yaml.rq:") && message.contains("header is not valid YAML"), message);
    }

    @Test
    void headerMistakesAreNamed() throws IOException {
        String select = PREFIX + "SELECT ?a WHERE { ?a ag:p ?b }\n";
        assertTrue(failure("a.rq", select).endsWith("a.rq:1: no '#+' header: a curated query needs at least '#+ summary: ...'"));
        assertTrue(failure("b.rq", "#+ summary: x\n#+ sumary: y\n" + select).contains("b.rq:2: unknown header key 'sumary'"));
        assertTrue(failure("c.rq", "#+ description: x\n" + select).contains("c.rq:1: header needs 'summary:'"));
        assertTrue(failure("d.rq", "#+ summary: x\n#+ method: POST\n" + select).contains("d.rq:2: only 'method: GET'"));
        assertTrue(failure("e.rq", "#+ summary: x\n#+ params:\n#+   b:\n#+     type: number\n" + select)
                .contains("e.rq:3: parameter 'b': type 'number' is not one of"));
        assertTrue(failure("f.rq", "#+ summary: x\n#+ params:\n#+   c:\n#+     type: iri\n" + select)
                .contains("f.rq:3: parameter 'c' is not a variable of the query"));
        assertTrue(failure("g.rq", "#+ summary: x\n#+ params:\n#+   b:\n#+     type: integer\n#+     default: veel\n" + select)
                .contains("g.rq:3: parameter 'b': not an integer: 'veel'"));
        assertTrue(failure("h.rq", "#+ summary: x\n#+ params:\n#+   limit:\n#+     type: integer\n" + PREFIX
                + "SELECT * { ?a ag:p ?limit }").contains("reserved for pagination"));
        assertTrue(failure("i.rq", "#+ summary: x\n#+ params:\n#+   b:\n#+     type: langString\n" + select)
                .contains("a langString needs 'lang:'"));
        assertTrue(failure("j.rq", "#+ summary: x\n#+ params:\n#+   b:\n#+     type: string\n#+     colour: red\n" + select)
                .contains("j.rq:3: parameter 'b': unknown key 'colour'"));
        assertTrue(failure("Hoofdletter.rq", "#+ summary: x\n" + select).contains("file name must be lower case"));
    }

    @Test
    void queryShapesThatCannotBeServedAreRefused() throws IOException {
        assertTrue(failure("k.rq", "#+ summary: x\n" + PREFIX + "CONSTRUCT WHERE { ?a ag:p ?b }\n")
                .contains("only SELECT queries"));
        assertTrue(failure("l.rq", "#+ summary: x\n" + PREFIX + "SELECT * { ?a ag:p ?b } LIMIT 10\n")
                .contains("no LIMIT or OFFSET"));
        assertTrue(failure("m.rq", "#+ summary: x\n#+ params:\n#+   b:\n#+     type: iri\n" + PREFIX
                + "SELECT ?a { ?a ag:p ?b } ORDER BY ?b\n").contains("m.rq:2: the query is no longer valid SPARQL once its "
                        + "parameters are bound"));
        assertTrue(failure("n.rq", "#+ summary: x\n#+ output: graph\n" + PREFIX + "SELECT ?a { ?a ag:p ?b }\n")
                .contains("a graph query must select ?source and ?target"));
    }

    @Test
    void notUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin.rq");
        Files.write(file, "#+ summary: caf\u00e9\nSELECT * {?a ?b ?c}\n".getBytes(StandardCharsets.ISO_8859_1));
        QueryFileException e = assertThrows(QueryFileException.class, () -> QueryCatalog.load(dir));
        assertEquals(file + ": not UTF-8 text", e.getMessage());
    }

    @Test
    void columnTypesAreReadAndCheckedAgainstTheQuery() throws IOException {
        Files.writeString(dir.resolve("getypt.rq"), """
                #+ summary: Typed
                #+ columns:
                #+   actie: iri
                #+   nummer: integer
                PREFIX ag: <https://w3id.org/actiegraaf/def#>
                SELECT ?actie ?nummer ?tekst WHERE { ?actie ag:nummer ?nummer ; ag:omschrijving ?tekst } ORDER BY ?nummer
                """);
        CuratedQuery q = QueryCatalog.load(dir).get("getypt").orElseThrow();
        assertEquals(ColumnType.IRI, q.columnType("actie").orElseThrow());
        assertEquals(ColumnType.INTEGER, q.columnType("nummer").orElseThrow());
        assertTrue(q.columnType("tekst").isEmpty(), "a column left out has no type");
        Files.delete(dir.resolve("getypt.rq"));

        String select = PREFIX + "SELECT ?actie WHERE { ?actie ag:nummer 1 } ORDER BY ?actie\n";
        String unknownColumn = failure("a.rq", "#+ summary: s\n#+ columns:\n#+   actiee: iri\n" + select);
        assertTrue(unknownColumn.contains("a.rq:2:") && unknownColumn.contains("'actiee' is not a column"), unknownColumn);
        String badType = failure("b.rq", "#+ summary: s\n#+ columns:\n#+   actie: uri\n" + select);
        assertTrue(badType.contains("type 'uri' is not one of iri, integer, decimal, date, boolean, string"), badType);
    }

    @Test
    void everyShippedQueryTypesEveryColumn() {
        for (CuratedQuery q : QueryCatalog.load(Path.of("queries")).all()) {
            for (String column : q.columns()) {
                assertTrue(q.columnType(column).isPresent(),
                        q.file() + ": column '" + column + "' has no type in its 'columns:' header");
            }
        }
    }
}
