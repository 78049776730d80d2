package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** Reads what the server sent with RDF4J Rio: a second toolkit, chosen by the response's media type. */
final class Rio4j {
    private Rio4j() {
    }

    static Model parse(HttpResponse<String> response) throws Exception {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String mediaType = SparqlEndpoint.mediaType(contentType);
        RDFFormat format = Rio.getParserFormatForMIMEType(mediaType)
                .orElseThrow(() -> new AssertionError("Rio knows no RDF format " + mediaType));
        Model model = Rio.parse(new StringReader(response.body()), "http://example.org/base/", format);
        assertFalse(model.isEmpty(), "no statements in " + mediaType);
        return model;
    }

    static void assertHas(Model model, String subject, String predicate) {
        var vf = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
        assertTrue(model.contains(vf.createIRI(subject), vf.createIRI(predicate), null),
                "expected <" + subject + "> <" + predicate + "> ...");
    }
}
