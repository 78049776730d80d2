package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;

/**
 * An RDF file (Turtle, N-Triples, RDF/XML, JSON-LD) that becomes one named graph. Files are untrusted:
 * a size limit, no network (relative IRIs resolve against a fixed base, not the server), RDF/XML with
 * entity expansion refused (Jena's RDF/XML parser already ignores external entities; we refuse any
 * DOCTYPE with entity declarations outright, so neither XXE nor "billion laughs" gets a chance), JSON-LD
 * without remote contexts, and errors as one line "file:line:col: message".
 */
public final class RdfFileSource implements GraphSource {
    /** Default size limit of one RDF file. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final List<Lang> TRIPLE_LANGS = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.RDFXML, Lang.JSONLD);

    private final Path file;
    private final String graph;
    private final long maxBytes;

    public RdfFileSource(Path file, String graph, long maxBytes) {
        this.file = file;
        this.graph = graph;
        this.maxBytes = maxBytes;
    }

    /** The file into the graph named after it ({@link Iris#forFileName}). */
    public static RdfFileSource intoGraphNamedAfter(Path file) {
        return new RdfFileSource(file, Iris.fileGraph(file.getFileName().toString()), DEFAULT_MAX_BYTES);
    }

    @Override
    public String graph() {
        return graph;
    }

    @Override
    public String origin() {
        return file.getFileName().toString();
    }

    /** Bytes, graph and file name (the base IRI); none for a file over the limit (the load refuses it). */
    @Override
    public String sourceDigest() {
        try {
            if (Files.size(file) > maxBytes) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return SourceDigest.of("rdf file 1 <" + graph + "> " + file.getFileName(), List.of(file));
    }

    /** Whether a file name says it is an RDF syntax this source reads. */
    public static boolean isRdfFile(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && TRIPLE_LANGS.contains(lang);
    }

    @Override
    public void emit(StreamRDF out) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        if (lang == null || !TRIPLE_LANGS.contains(lang)) {
            throw new LoadException(file + ": not a file of triples this loader reads (.ttl, .nt, .rdf/.owl, .jsonld)");
        }
        byte[] bytes = readLimited();
        if (lang.equals(Lang.RDFXML)) {
            refuseEntityDeclarations(bytes);
        }
        try {
            RDFParser.create()
                    .source(new java.io.ByteArrayInputStream(bytes))
                    .lang(lang)
                    // A fixed base: relative IRIs in a user's file never depend on where the file lies.
                    .base(Iris.FILE_BASE + file.getFileName())
                    .errorHandler(new OneLineErrors(file.toString()))
                    .context(noRemoteDocuments())
                    .parse(out);
        } catch (LoadException e) {
            throw e;
        } catch (RiotException e) {
            throw new LoadException(file + ": " + GraphContent.oneLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            // Jena's Turtle and RDF/XML parsers and the JSON-LD processor recurse per level of nesting:
            // "[ [ [ ..." a hundred thousand deep must be a one-line refusal, not a crash (found by testing).
            throw new LoadException(file + ": nested too deeply to read (blank nodes, lists or elements inside each other)");
        }
    }

    private byte[] readLimited() {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new LoadException(file + ": " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * RDF/XML commonly uses no DOCTYPE; one with ENTITY declarations is how XXE and entity-expansion
     * bombs arrive, so such a file is refused before the RDF/XML parser sees it. The DOCTYPE is found by
     * a StAX reader that only reports it (no DTD processing, no external entities), so the file's own
     * encoding (UTF-16, a BOM, an encoding declaration) cannot hide it, as it could from a byte search.
     */
    private void refuseEntityDeclarations(byte[] bytes) {
        String utf8 = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int doctype = utf8.indexOf("<!DOCTYPE");
        if (doctype >= 0 && utf8.indexOf("<!ENTITY", doctype) >= 0) {
            int line = (int) utf8.substring(0, doctype).chars().filter(c -> c == '\n').count() + 1;
            throw entitiesRefused(line);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD && reader.getText() != null && reader.getText().contains("<!ENTITY")) {
                    throw entitiesRefused(reader.getLocation().getLineNumber());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return; // the prolog is over: no DOCTYPE can follow
                }
            }
        } catch (XMLStreamException notWellFormed) {
            // the RDF/XML parser reports it, with its position
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private LoadException entitiesRefused(int line) {
        return new LoadException(file + ":" + line + ": RDF/XML with a DOCTYPE declaring entities is refused (entity expansion is off)");
    }

    /** JSON-LD: a document loader that refuses every remote context or document (no fetching of URLs). */
    private static Context noRemoteDocuments() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote JSON-LD documents are not fetched (" + url + "); inline the @context");
        });
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return cxt;
    }

    /** Turns the first error into a one-line {@link LoadException}; warnings are ignored. */
    private record OneLineErrors(String file) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
        }

        @Override
        public void error(String message, long line, long col) {
            throw new LoadException(position(line, col) + GraphContent.oneLine(message));
        }

        @Override
        public void fatal(String message, long line, long col) {
            error(message, line, col);
        }

        private String position(long line, long col) {
            return file + (line > 0 ? ":" + line + (col > 0 ? ":" + col : "") : "") + ": ";
        }
    }
}
