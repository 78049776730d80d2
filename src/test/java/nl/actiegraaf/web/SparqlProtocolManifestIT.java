package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import nl.actiegraaf.testsupport.TestFacade;

/**
 * The query side of the W3C SPARQL 1.1 Protocol test suite, read from its manifest
 * ({@code src/test/resources/w3c-protocol/manifest.ttl}) and run over HTTP against the real facade
 * in front of the embedded store holding the suite's data as named graphs, as {@code serve} runs;
 * {@link SparqlProtocolManifestRemoteIT} runs it again with the store reached over HTTP.
 */
class SparqlProtocolManifestIT {
    private static final Path DIR = Path.of("src/test/resources/w3c-protocol");
    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String HT = "http://www.w3.org/2011/http#";
    private static final String CNT = "http://www.w3.org/2011/content#";
    private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    private static final String HTS = "http://www.w3.org/2011/http-statusCodes#";

    private static final Model manifest = RDFDataMgr.loadModel(DIR.resolve("manifest.ttl").toString());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The facade over the embedded store holding the suite's data as named graphs (over HTTP: {@link SparqlProtocolManifestRemoteIT}). */
    @RegisterExtension
    static final TestFacade web = TestFacade.with(dataset -> manifest.listObjectsOfProperty(p(UT, "graphData")).forEach(data -> {
        Resource graphData = data.asResource();
        String file = graphData.getPropertyResourceValue(p(UT, "graph")).getURI();
        String graphName = graphData.getProperty(RDFS.label).getString();
        var graph = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(graph);
        graph.find().forEach(t -> dataset.add(org.apache.jena.graph.NodeFactory.createURI(graphName),
                t.getSubject(), t.getPredicate(), t.getObject()));
    }));

    /** Every test of the manifest except the update ones, which a read-only endpoint does not run. */
    private static List<Resource> queryTests() {
        Resource root = manifest.listSubjectsWithProperty(RDF.type, r(MF, "Manifest")).next();
        List<Resource> tests = new ArrayList<>();
        for (RDFNode entry : root.getPropertyResourceValue(p(MF, "entries")).as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
            String local = entry.asResource().getLocalName();
            if (!local.startsWith("update_")) {
                tests.add(entry.asResource());
            }
        }
        return tests;
    }

    @Test
    void theManifestYieldsAllQuerySideTests() {
        assertEquals(27, queryTests().size());
    }

    @TestFactory
    Stream<DynamicTest> w3cProtocolQueryTests() {
        return queryTests().stream().map(test -> DynamicTest.dynamicTest(
                test.getLocalName() + ": " + test.getProperty(p(MF, "name")).getString(),
                () -> run(test)));
    }

    private static void run(Resource test) throws Exception {
        Resource action = test.getPropertyResourceValue(p(MF, "action"));
        List<RDFNode> requests = action.getPropertyResourceValue(p(HT, "requests"))
                .as(org.apache.jena.rdf.model.RDFList.class).asJavaList();
        for (RDFNode node : requests) {
            Resource request = node.asResource();
            HttpResponse<byte[]> response = CLIENT.send(build(request), HttpResponse.BodyHandlers.ofByteArray());
            check(request.getPropertyResourceValue(p(HT, "resp")), response);
        }
    }

    private static HttpRequest build(Resource request) {
        String path = request.getProperty(p(HT, "absolutePath")).getString().replaceFirst("^/sparql/", SparqlEndpoint.PATH);
        HttpRequest.Builder builder = HttpRequest.newBuilder(web.uri(path));
        Resource headers = request.getPropertyResourceValue(p(HT, "headers"));
        if (headers != null) {
            for (RDFNode header : headers.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                builder.header(header.asResource().getProperty(p(HT, "fieldName")).getString(),
                        header.asResource().getProperty(p(HT, "fieldValue")).getString());
            }
        }
        Resource body = request.getPropertyResourceValue(p(HT, "body"));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            Charset charset = Charset.forName(body.getProperty(p(CNT, "characterEncoding")).getString());
            publisher = HttpRequest.BodyPublishers.ofByteArray(body.getProperty(p(CNT, "chars")).getString().getBytes(charset));
        }
        return builder.method(request.getProperty(p(HT, "methodName")).getString(), publisher).build();
    }

    private static void check(Resource expected, HttpResponse<byte[]> response) {
        Set<String> statusClasses = new HashSet<>();
        expected.listProperties(p(MF, "expectedStatus"))
                .forEach(s -> statusClasses.add(s.getResource().getURI().substring(HTS.length())));
        String actualClass = "StatusCode" + response.statusCode() / 100 + "xx";
        assertTrue(statusClasses.contains(actualClass),
                "status " + response.statusCode() + " not in " + statusClasses + ": " + new String(response.body()));
        if (!expected.hasProperty(p(MF, "expectedFormat"))) {
            return;
        }
        String format = expected.getProperty(p(MF, "expectedFormat")).getString();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Lang lang = RDFLanguages.contentTypeToLang(SparqlEndpoint.mediaType(contentType));
        assertNotNull(lang, "unknown Content-Type " + contentType);
        var in = new ByteArrayInputStream(response.body());
        switch (format) {
            case "boolean" -> {
                assertTrue(lang == ResultSetLang.RS_JSON || lang == ResultSetLang.RS_XML, contentType);
                boolean answer = ResultSetMgr.readBoolean(in, lang);
                if (expected.hasProperty(p(MF, "expectedBoolean"))) {
                    assertEquals(expected.getProperty(p(MF, "expectedBoolean")).getBoolean(), answer);
                }
            }
            case "tabular" -> {
                assertTrue(Set.of(ResultSetLang.RS_JSON, ResultSetLang.RS_XML, ResultSetLang.RS_CSV,
                        ResultSetLang.RS_TSV).contains(lang), contentType);
                assertTrue(ResultSetMgr.read(in, lang).hasNext(), "one row expected");
            }
            case "RDF" -> {
                assertTrue(RDFLanguages.isTriples(lang), contentType);
                RDFParser.source(in).lang(lang).parse(GraphFactory.createDefaultGraph());
            }
            default -> throw new AssertionError("unknown expected format " + format);
        }
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }

    private static Resource r(String ns, String local) {
        return ResourceFactory.createResource(ns + local);
    }
}
