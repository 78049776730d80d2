package nl.actiegraaf.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;

/**
 * The curated register of bodies ({@code seeds/organisaties.ttl}), read with Jena. Which names
 * denote which body is data; how a name is matched in prose is {@link OrganisationExtractor}'s job.
 */
public final class OrganisationRegister {
    private static final String PREFIX = Iris.organisationBase();

    /** A name of a body as the register spells it; {@code listOnly} for a skos:hiddenLabel. */
    public record Name(String text, Organisation organisation, boolean listOnly) {
    }

    private final List<Name> names;
    private final Map<String, Organisation> byCode;

    private OrganisationRegister(List<Name> names, Map<String, Organisation> byCode) {
        this.names = List.copyOf(names);
        this.byCode = byCode;
    }

    public static OrganisationRegister load(Path file) {
        return from(RDFDataMgr.loadModel(file.toString()));
    }

    public static OrganisationRegister from(Model model) {
        List<Name> names = new ArrayList<>();
        Map<String, Organisation> byCode = new TreeMap<>();
        model.listResourcesWithProperty(RDF.type, model.createResource(AG.Organisatie.getURI())).forEach(r -> {
            String uri = r.getURI();
            if (uri == null || !uri.startsWith(PREFIX)) {
                return;
            }
            String code = uri.substring(PREFIX.length());
            Organisation organisation = new Organisation(code, label(r));
            byCode.put(code, organisation);
            for (var property : List.of(SKOS.prefLabel, SKOS.altLabel, RDFS.label)) {
                r.listProperties(property).forEach(s -> names.add(new Name(text(s.getObject()), organisation, false)));
            }
            r.listProperties(SKOS.hiddenLabel)
                    .forEach(s -> names.add(new Name(text(s.getObject()), organisation, true)));
        });
        // Longest names first, so "ministerie van BZK" wins over "BZK" for the same words.
        names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed().thenComparing(Name::text));
        return new OrganisationRegister(dedupe(names), byCode);
    }

    public List<Name> names() {
        return names;
    }

    public Organisation byCode(String code) {
        Organisation organisation = byCode.get(code);
        if (organisation == null) {
            throw new IllegalArgumentException("no organisation " + code + " in the register");
        }
        return organisation;
    }

    private static List<Name> dedupe(List<Name> names) {
        List<Name> out = new ArrayList<>();
        for (Name name : names) {
            if (out.stream().noneMatch(n -> n.text().equals(name.text()) && n.organisation().equals(name.organisation()))) {
                out.add(name);
            }
        }
        return out;
    }

    private static String label(Resource r) {
        var pref = r.getProperty(SKOS.prefLabel);
        var label = pref != null ? pref : r.getProperty(RDFS.label);
        return label == null ? r.getLocalName() : text(label.getObject());
    }

    private static String text(RDFNode node) {
        return node.asLiteral().getLexicalForm();
    }
}
