package nl.actiegraaf.rdf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import nl.actiegraaf.extract.ActionFacts;
import nl.actiegraaf.extract.Evidence;
import nl.actiegraaf.extract.Fact;
import nl.actiegraaf.extract.Fact.CommitmentFact;
import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.EventFact;
import nl.actiegraaf.extract.Fact.KamerstukFact;
import nl.actiegraaf.extract.Fact.MotionFact;
import nl.actiegraaf.extract.Fact.OrganisationFact;
import nl.actiegraaf.extract.Fact.PersonFact;
import nl.actiegraaf.extract.Fact.ReferenceFact;
import nl.actiegraaf.extract.Fact.StatusFact;
import nl.actiegraaf.extract.Kamerstuk;
import nl.actiegraaf.extract.Motion;
import nl.actiegraaf.extract.Person;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.vocab.Slug;
import nl.actiegraaf.vocab.Vocab;

/**
 * Maps extracted facts of one edition to triples on a {@link StreamRDF}. Each fact becomes the
 * assertion (for example {@code ag:geeftUitvoeringAan}) plus an {@code ag:Vermelding} that records
 * the exact phrase or sentence, the column, and the property asserted, so every triple can be traced
 * back to the report's words. Links to things outside editions (motions, bodies, persons, other
 * actions) go on the edition-independent action {@code id/actie/{series}/{n}}; what this edition says
 * (status, deadlines, commitments, events) and every mention go on its state
 * {@code id/stand/{edition}/{n}}, with the facts under the state's IRI. The action also lists every
 * mention ({@code ag:vermelding}, the union over editions), so a link can be traced from the action.
 * Motions, Kamerstukken and persons are described once per call; the action's number and texts are
 * the report writer's job.
 */
public final class FactWriter {
    private static final String OFFICIAL = "https://zoek.officielebekendmakingen.nl/kst-%s-%d.html";
    private static final Node wasDerivedFrom = Vocab.PROV_WAS_DERIVED_FROM;

    private final StreamRDF out;
    private final String series;
    private final String edition;
    private final Set<Node> described = new HashSet<>();
    private Set<String> motionPapers = Set.of();

    /** Writes the facts of edition {@code editionId} of series {@code series}. */
    public FactWriter(StreamRDF out, String series, String editionId) {
        this.out = out;
        this.series = series;
        this.edition = editionId;
    }

    /** Writes the facts of all actions; call {@code out.start()}/{@code finish()} around it yourself. */
    public void write(List<ActionFacts> actions) {
        // A paper cited both as a motion and as a Kamerstuk is described as the motion.
        motionPapers = actions.stream().flatMap(a -> a.all(MotionFact.class).stream())
                .map(f -> f.motion().paper()).filter(java.util.Objects::nonNull).map(Kamerstuk::key)
                .collect(Collectors.toSet());
        for (ActionFacts action : actions) {
            writeAction(action);
        }
    }

    private void writeAction(ActionFacts facts) {
        int n = facts.action().number();
        Node action = Iris.action(series, n);
        Node state = Iris.state(edition, n);
        Counter counter = new Counter();
        Set<Node> carriedOut = facts.all(MotionFact.class).stream().filter(MotionFact::carriedOut)
                .map(f -> motion(f.motion()))
                .collect(Collectors.toSet());
        Set<String> responsible = facts.all(OrganisationFact.class).stream().filter(OrganisationFact::responsible)
                .map(f -> f.organisation().code()).collect(Collectors.toSet());
        Map<DeadlineFact, Node> deadlines = new HashMap<>();

        for (Fact fact : facts.facts()) {
            if (fact instanceof MotionFact f) {
                // A motion named only by its submitters ("motie Lodders/Van Weyenberg") and found
                // numbered nowhere in the report is still a motion: id/motie/{submitters}.
                Node motion = describeMotion(f.motion());
                if (f.carriedOut() || carriedOut.contains(motion)) {
                    // Named again in the status text: the mention supports the existing fact.
                    assertWithMention(action, state, AG.geeftUitvoeringAan, motion, f.evidence(), n, counter);
                } else {
                    assertWithMention(action, state, AG.noemt, motion, f.evidence(), n, counter);
                }
            } else if (fact instanceof KamerstukFact f) {
                assertWithMention(action, state, AG.noemt, describePaper(f.paper()), f.evidence(), n, counter);
            } else if (fact instanceof OrganisationFact f) {
                Node organisation = describeOrganisation(f.organisation());
                if (responsible.contains(f.organisation().code())) {
                    triple(action, AG.verantwoordelijke, organisation);
                }
                // ag:verantwoordelijke is a sub-property of ag:betrokkene; the store does no inference.
                triple(action, AG.betrokkene, organisation);
                // The mention says what its own sentence supports: "Afspraken maken met het CvdRM"
                // involves the College, "Het College ... is gestart" makes it the actor.
                mention(action, state, f.responsible() ? AG.verantwoordelijke : AG.betrokkene, organisation,
                        f.evidence(), n, counter);
            } else if (fact instanceof PersonFact f) {
                assertWithMention(action, state, AG.noemt, describePerson(f.person()), f.evidence(), n, counter);
            } else if (fact instanceof DeadlineFact f) {
                Node deadline = deadlines.computeIfAbsent(f, d -> describeDeadline(d, state, n, counter));
                assertWithMention(state, state, AG.deadline, deadline, new Evidence(f.sentence(), f.evidence().column()), n, counter);
            } else if (fact instanceof EventFact f) {
                Node event = Iris.stateFact(edition, n, "gebeurtenis", counter.next("gebeurtenis"));
                triple(event, RDF.type.asNode(), AG.Gebeurtenis);
                triple(event, RDFS.label.asNode(), nl(f.evidence().text()));
                triple(event, AG.tekst, nl(f.evidence().text()));
                triple(event, AG.datum, date(f.date()));
                triple(event, wasDerivedFrom, state);
                assertWithMention(state, state, AG.gebeurtenis, event, f.evidence(), n, counter);
            } else if (fact instanceof CommitmentFact f) {
                Node commitment = Iris.stateFact(edition, n, "toezegging", counter.next("toezegging"));
                triple(commitment, RDF.type.asNode(), AG.Toezegging);
                triple(commitment, RDFS.label.asNode(), nl(f.evidence().text()));
                triple(commitment, AG.tekst, nl(f.evidence().text()));
                triple(commitment, wasDerivedFrom, state);
                if (f.deadline() != null) {
                    Node deadline = deadlines.computeIfAbsent(f.deadline(), d -> describeDeadline(d, state, n, counter));
                    triple(commitment, AG.deadline, deadline);
                    triple(state, AG.deadline, deadline);
                }
                if (f.byOrganisation() != null) {
                    triple(commitment, AG.toegezegdDoor, describeOrganisation(f.byOrganisation()));
                }
                if (f.byPerson() != null) {
                    triple(commitment, AG.toegezegdDoor, describePerson(f.byPerson()));
                }
                assertWithMention(state, state, AG.toezegging, commitment, f.evidence(), n, counter);
            } else if (fact instanceof StatusFact f) {
                Node value = switch (f.status()) {
                    case AFGEROND -> AG.Afgerond;
                    case NIET_GESTART -> AG.NietGestart;
                    case ONBEKEND -> AG.Onbekend;
                    case LOPEND -> AG.Lopend;
                };
                if (f.evidence() == null) {
                    triple(state, AG.status, value); // an empty status has no sentence to quote
                } else {
                    assertWithMention(state, state, AG.status, value, f.evidence(), n, counter);
                }
            } else if (fact instanceof ReferenceFact f) {
                assertWithMention(action, state, AG.verwijstNaar, Iris.action(series, f.action()), f.evidence(), n, counter);
            }
        }
    }

    /** The fact's triple on {@code subject} (the action or its state), and a Vermelding quoting where it was read. */
    private void assertWithMention(Node subject, Node state, Node property, Node object, Evidence evidence, int n, Counter counter) {
        triple(subject, property, object);
        mention(subject.equals(state) ? Iris.action(series, n) : subject, state, property, object, evidence, n, counter);
    }

    /** A Vermelding of the fact (property, object) quoting where it was read, under the state; listed on action and state. */
    private void mention(Node action, Node state, Node property, Node object, Evidence evidence, int n, Counter counter) {
        Node mention = Iris.stateFact(edition, n, "vermelding", counter.next("vermelding"));
        triple(action, AG.vermelding, mention);
        triple(state, AG.vermelding, mention);
        triple(mention, RDF.type.asNode(), AG.Vermelding);
        triple(mention, RDFS.label.asNode(), nl("Vermelding " + counter.current("vermelding") + " van actie " + n + " in " + edition));
        triple(mention, wasDerivedFrom, state);
        triple(mention, AG.tekst, nl(evidence.text()));
        triple(mention, AG.vermeldt, object);
        triple(mention, AG.relatie, property);
        triple(mention, AG.kolom, NodeFactory.createLiteralString(evidence.column().label()));
    }

    private Node describeDeadline(DeadlineFact d, Node state, int n, Counter counter) {
        Node deadline = Iris.stateFact(edition, n, "deadline", counter.next("deadline"));
        triple(deadline, RDF.type.asNode(), AG.Deadline);
        triple(deadline, RDFS.label.asNode(), nl(d.evidence().text()));
        triple(deadline, AG.tekst, nl(d.evidence().text()));
        triple(deadline, AG.datum, date(d.date()));
        if (d.from() != null) {
            triple(deadline, AG.vanaf, date(d.from()));
        }
        triple(deadline, wasDerivedFrom, state);
        return deadline;
    }

    /**
     * IRI of a motion: {@code id/kamerstuk/35510-21}, a part {@code id/kamerstuk/35510-21-deel-1}; a
     * motion the report names only by its submitters has no Kamerstuk number to build on and is
     * identified by their surnames, {@code id/motie/lodders-van-weyenberg}.
     */
    public static Node motion(Motion motion) {
        if (motion.paper() == null) {
            String names = motion.submitters().stream().map(p -> Slug.of(surnameSlug(p)))
                    .collect(Collectors.joining("-"));
            return Iris.motionBySubmitters(names);
        }
        return motion.part() == null ? Iris.kamerstuk(motion.paper().key())
                : Iris.kamerstukPart(motion.paper().key(), motion.part());
    }

    private Node describeMotion(Motion motion) {
        Node node = motion(motion);
        if (!described.add(node)) {
            return node;
        }
        triple(node, RDF.type.asNode(), AG.Motie);
        Kamerstuk paper = motion.paper();
        String names = motion.submitterNames();
        if (paper == null) {
            triple(node, RDFS.label.asNode(), nl("Motie " + names));
        } else {
            String part = motion.part() == null ? "" : " deel " + motion.part();
            triple(node, RDFS.label.asNode(), nl("Motie " + paper.key() + part + " (" + names + ")"));
            triple(node, AG.dossiernummer, NodeFactory.createLiteralString(paper.dossier()));
            triple(node, AG.ondernummer, integer(paper.number()));
            triple(node, RDFS.seeAlso.asNode(), NodeFactory.createURI(OFFICIAL.formatted(paper.dossier(), paper.number())));
        }
        for (Person person : motion.submitters()) {
            triple(node, AG.indiener, describePerson(person));
        }
        if (motion.part() != null) {
            triple(node, AG.deelVan, describeMotion(motion.whole()));
        }
        return node;
    }

    private Node describePaper(Kamerstuk paper) {
        Node node = Iris.kamerstuk(paper.key());
        if (motionPapers.contains(paper.key()) || !described.add(node)) {
            return node;
        }
        triple(node, RDF.type.asNode(), AG.Kamerstuk);
        triple(node, RDFS.label.asNode(), nl("Kamerstuk " + paper.key()));
        triple(node, AG.dossiernummer, NodeFactory.createLiteralString(paper.dossier()));
        triple(node, AG.ondernummer, integer(paper.number()));
        triple(node, RDFS.seeAlso.asNode(), NodeFactory.createURI(OFFICIAL.formatted(paper.dossier(), paper.number())));
        return node;
    }

    /** Type and names as in the register (identical triples), so the report graph validates on its own. */
    private Node describeOrganisation(nl.actiegraaf.extract.Organisation organisation) {
        Node node = Iris.organisation(organisation.code());
        if (described.add(node)) {
            triple(node, RDF.type.asNode(), AG.Organisatie);
            triple(node, RDFS.label.asNode(), nl(organisation.label()));
            triple(node, org.apache.jena.vocabulary.SKOS.prefLabel.asNode(), nl(organisation.label()));
        }
        return node;
    }

    private Node describePerson(Person person) {
        Node node = Iris.person(person.slug());
        if (described.add(node)) {
            // Same triples as the register for registered persons; the only description of others.
            triple(node, RDF.type.asNode(), AG.Persoon);
            triple(node, RDFS.label.asNode(), nl(person.label()));
        }
        return node;
    }

    private static String surnameSlug(Person person) {
        return new Motion(null, null, List.of(person), false).submitterNames();
    }

    private void triple(Node s, Node p, Node o) {
        out.triple(org.apache.jena.graph.Triple.create(s, p, o));
    }

    private static Node nl(String text) {
        return NodeFactory.createLiteralLang(text, "nl");
    }

    private static Node date(java.time.LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

    private static Node integer(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDinteger);
    }

    /** Numbers the resources of one action per kind: vermelding/1, deadline/1, ... */
    private static final class Counter {
        private final Map<String, Integer> next = new HashMap<>();

        int current(String kind) {
            return next.getOrDefault(kind, 0);
        }

        int next(String kind) {
            return next.merge(kind, 1, Integer::sum);
        }
    }

}
