package nl.actiegraaf.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;

/**
 * {@code fuseki-config/actiegraaf.ttl}, the one description of the dataset, read with Jena. The
 * standalone Fuseki uses the file as it is (locations relative to its working directory); the embedded
 * store uses the same model with two values replaced, the TDB2 location and the Lucene directory, and
 * without the write endpoints (it loads in-process, so nothing on its port may write).
 */
public final class FusekiConfigFile {
    /** The default location of the file, relative to the working directory. */
    public static final Path DEFAULT = Path.of("fuseki-config", "actiegraaf.ttl");
    /** The dataset's name in the configuration: its URL path is {@code /actiegraaf}. */
    public static final String DATASET = "actiegraaf";

    private static final String FUSEKI = "http://jena.apache.org/fuseki#";
    private static final Property TDB2_LOCATION = ResourceFactory.createProperty("http://jena.apache.org/2016/tdb#location");
    private static final Property TEXT_DIRECTORY = ResourceFactory.createProperty("http://jena.apache.org/text#directory");
    private static final Property ENDPOINT = ResourceFactory.createProperty(FUSEKI + "endpoint");
    private static final Property OPERATION = ResourceFactory.createProperty(FUSEKI + "operation");
    /** Operations that change data; the embedded server does not offer them. */
    private static final List<Resource> WRITE_OPERATIONS = List.of(
            ResourceFactory.createResource(FUSEKI + "gsp-rw"),
            ResourceFactory.createResource(FUSEKI + "update"),
            ResourceFactory.createResource(FUSEKI + "upload"),
            ResourceFactory.createResource(FUSEKI + "patch"));

    private final Path file;
    private final Model model;

    private FusekiConfigFile(Path file, Model model) {
        this.file = file;
        this.model = model;
    }

    public static FusekiConfigFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(file + ": Fuseki configuration not found");
        }
        try {
            return new FusekiConfigFile(file, RDFDataMgr.loadModel(file.toString()));
        } catch (RiotException e) {
            throw new LoadException(file + ": " + GraphContent.oneLine(e.getMessage()), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The configuration as the embedded store uses it: data under {@code dataDir}, no write endpoints. */
    public Model forEmbedded(Path dataDir) {
        Model copy = ModelFactory.createDefaultModel().add(model);
        copy.setNsPrefixes(model.getNsPrefixMap());
        Path absolute = dataDir.toAbsolutePath().normalize();
        replaceSingle(copy, TDB2_LOCATION, absolute.resolve("tdb2").toString());
        replaceSingle(copy, TEXT_DIRECTORY, absolute.resolve("lucene").toString());
        for (Statement endpoint : copy.listStatements(null, ENDPOINT, (Resource) null).toList()) {
            Resource description = endpoint.getResource();
            if (WRITE_OPERATIONS.stream().anyMatch(op -> description.hasProperty(OPERATION, op))) {
                copy.remove(endpoint);
                copy.removeAll(description, null, null);
            }
        }
        return copy;
    }

    private void replaceSingle(Model copy, Property property, String value) {
        List<Statement> found = copy.listStatements(null, property, (Resource) null).toList();
        if (found.size() != 1) {
            throw new LoadException(file + ": expected exactly one " + property.getLocalName()
                    + " (" + property.getNameSpace() + "), found " + found.size());
        }
        Statement statement = found.get(0);
        copy.remove(statement);
        copy.add(statement.getSubject(), property, value);
    }
}
