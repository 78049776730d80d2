package nl.actiegraaf.extract;

import nl.actiegraaf.vocab.Slug;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;

/**
 * The register of persons ({@code seeds/kamerleden.ttl}): members who filed the cited motions and
 * other persons the report names, with every spelling the report uses (including "Jette" for
 * Jetten), read with Jena.
 */
public final class PersonRegister {
    private static final String PREFIX = Iris.personBase();

    /** A spelling of a person's name as the register gives it. */
    public record Name(String text, Person person) {
    }

    private final Map<String, Person> byKey;
    private final List<Name> names;

    private PersonRegister(Map<String, Person> byKey, List<Name> names) {
        this.byKey = byKey;
        this.names = List.copyOf(names);
    }

    public static PersonRegister load(Path file) {
        return from(RDFDataMgr.loadModel(file.toString()));
    }

    public static PersonRegister from(Model model) {
        Map<String, Person> byKey = new HashMap<>();
        List<Name> names = new ArrayList<>();
        model.listResourcesWithProperty(RDF.type, model.createResource(AG.Persoon.getURI())).forEach(r -> {
            String uri = r.getURI();
            if (uri == null || !uri.startsWith(PREFIX)) {
                return;
            }
            Person person = new Person(uri.substring(PREFIX.length()),
                    r.getProperty(RDFS.label).getObject().asLiteral().getLexicalForm());
            for (var property : List.of(RDFS.label, SKOS.altLabel)) {
                r.listProperties(property).forEach(s -> {
                    String name = s.getObject().asLiteral().getLexicalForm();
                    byKey.put(key(name), person);
                    names.add(new Name(name, person));
                });
            }
        });
        names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
        return new PersonRegister(byKey, names);
    }

    /** The person a name as written in a motion reference denotes, ignoring case ("van Brenk"). */
    public Optional<Person> resolve(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /**
     * The person for a submitter's name: the registered one, or else a new person with the name
     * as written, so an unknown submitter is still recorded (once, by its slug).
     */
    public Person resolveOrCreate(String name) {
        return resolve(name).orElseGet(() -> new Person(nl.actiegraaf.vocab.Slug.of(name), name.trim()));
    }

    /** All spellings, longest first. */
    public List<Name> names() {
        return names;
    }

    static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

}
