package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.StandardTypes;

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
import nl.actiegraaf.extract.Fact.FulfilmentFact;
import nl.actiegraaf.extract.Fact.MotionStatusFact;
import nl.actiegraaf.extract.Fact.KamerstukFact;
import nl.actiegraaf.extract.Fact.MotionFact;
import nl.actiegraaf.extract.Fact.OrganisationFact;
import nl.actiegraaf.extract.Fact.PersonFact;
import nl.actiegraaf.extract.Fact.ReferenceFact;
import nl.actiegraaf.extract.Fact.StatusFact;
import nl.actiegraaf.extract.Kamerstuk;
import nl.actiegraaf.extract.Motion;
import nl.actiegraaf.extract.Office;
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
    private static final Node POST_IN = Vocab.ORG_POST_IN;
    private static final String OFFICIAL = "https://zoek.officielebekendmakingen.nl/kst-%s-%d.html";
    private static final Node wasDerivedFrom = Vocab.PROV_WAS_DERIVED_FROM;

    private final StreamRDF out;
    private final String series;
    private final String edition;
    /** The debate relative deadlines count from (ag:gerekendVanaf), or null when the report dates none. */
    private final Node debate;
    private final Set<Node> described = new HashSet<>();
    private Set<String> motionPapers = Set.of();

    /** Writes the facts of edition {@code editionId} of series {@code series}. */
    public FactWriter(StreamRDF out, String series, String editionId) {
        this(out, series, editionId, null);
    }

    /** @param debate the node of the edition's debate ({@link Iris#debate}), described by the caller; may be null */
    public FactWriter(StreamRDF out, String series, String editionId, Node debate) {
        this.out = out;
        this.series = series;
        this.edition = editionId;
        this.debate = debate;
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
        Map<EventFact, Node> events = new HashMap<>();
        Set<Node> progressWritten = new HashSet<>();

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
            } else if (fact instanceof OrganisationFact f && f.mentionedOnly()) {
                // Named, no party: "het advies van de Raad van State" (ag:noemt, with its phrase).
                assertWithMention(action, state, AG.noemt, describeOrganisation(f.organisation()), f.evidence(), n, counter);
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
                events.put(f, event);
                type(event, AG.Gebeurtenis);
                triple(event, RDFS.label.asNode(), nl(f.evidence().text()));
                triple(event, AG.tekst, nl(f.evidence().text()));
                triple(event, AG.datum, date(f.date()));
                triple(event, wasDerivedFrom, state);
                assertWithMention(state, state, AG.gebeurtenis, event, f.evidence(), n, counter);
            } else if (fact instanceof CommitmentFact f) {
                Node commitment = Iris.stateFact(edition, n, "toezegging", counter.next("toezegging"));
                type(commitment, AG.Toezegging);
                triple(commitment, RDFS.label.asNode(), nl(f.evidence().text()));
                triple(commitment, AG.tekst, nl(f.evidence().text()));
                triple(commitment, wasDerivedFrom, state);
                if (f.deadline() != null) {
                    Node deadline = deadlines.computeIfAbsent(f.deadline(), d -> describeDeadline(d, state, n, counter));
                    triple(commitment, AG.deadline, deadline);
                    triple(state, AG.deadline, deadline);
                }
                // The office that committed ("de staatssecretaris van BZK") when the text names one;
                // its ministry stays reachable through org:postIn. Else the responsible body.
                if (f.byOffice() != null) {
                    triple(commitment, AG.toegezegdDoor, describeOffice(f.byOffice()));
                } else if (f.byOrganisation() != null) {
                    triple(commitment, AG.toegezegdDoor, describeOrganisation(f.byOrganisation()));
                }
                if (f.byPerson() != null) {
                    triple(commitment, AG.toegezegdDoor, describePerson(f.byPerson()));
                }
                assertWithMention(state, state, AG.toezegging, commitment, f.evidence(), n, counter);
            } else if (fact instanceof StatusFact f) {
                Node value = status(f.status());
                if (f.evidence() == null) {
                    triple(state, AG.status, value); // an empty status has no sentence to quote
                } else {
                    assertWithMention(state, state, AG.status, value, f.evidence(), n, counter);
                }
            } else if (fact instanceof ReferenceFact f) {
                assertWithMention(action, state, AG.verwijstNaar, Iris.action(series, f.action()), f.evidence(), n, counter);
            } else if (fact instanceof FulfilmentFact f) {
                // Met by a dated event of this edition's text: both are facts of the state.
                Node deadline = deadlines.get(f.deadline());
                Node event = events.get(f.event());
                if (deadline != null && event != null) {
                    triple(deadline, AG.gehaaldDoor, event);
                    triple(deadline, AG.gehaaldOp, date(f.event().date()));
                    mention(action, state, AG.gehaaldDoor, event, f.evidence(), n, counter);
                }
            } else if (fact instanceof MotionStatusFact f) {
                Node motion = motion(f.motion());
                // Only for a motion this action carries out, and once: the first sentence that says it.
                // How far it is carried out is what this edition says, so it is a fact of the state.
                if (carriedOut.contains(motion) && progressWritten.add(motion)) {
                    Node progress = Iris.execution(edition, n, counter.next("uitvoering"));
                    type(progress, AG.Uitvoering);
                    triple(progress, RDFS.label.asNode(), nl("Uitvoering van motie " + motionKey(f.motion())
                            + " door actie " + n + " in " + edition));
                    triple(progress, AG.uitgevoerdeMotie, motion);
                    triple(progress, AG.status, status(f.status()));
                    triple(progress, AG.tekst, nl(f.evidence().text()));
                    triple(progress, wasDerivedFrom, state);
                    assertWithMention(state, state, AG.uitvoering, progress, f.evidence(), n, counter);
                }
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
        type(mention, AG.Vermelding);
        triple(mention, RDFS.label.asNode(), nl("Vermelding " + counter.current("vermelding") + " van actie " + n + " in " + edition));
        triple(mention, wasDerivedFrom, state);
        triple(mention, AG.tekst, nl(evidence.text()));
        triple(mention, AG.vermeldt, object);
        triple(mention, AG.relatie, property);
        triple(mention, AG.kolom, NodeFactory.createLiteralString(evidence.column().label()));
    }

    private Node describeDeadline(DeadlineFact d, Node state, int n, Counter counter) {
        Node deadline = Iris.stateFact(edition, n, "deadline", counter.next("deadline"));
        type(deadline, AG.Deadline);
        triple(deadline, RDFS.label.asNode(), nl(d.evidence().text()));
        triple(deadline, AG.tekst, nl(d.evidence().text()));
        triple(deadline, AG.datum, date(d.date()));
        if (d.from() != null) {
            triple(deadline, AG.vanaf, date(d.from()));
        }
        if (d.anchor() != null && debate != null) {
            triple(deadline, AG.gerekendVanaf, debate); // "binnen één week": counted from the debate
        }
        if (d.doubted()) {
            triple(deadline, AG.betwijfeld, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
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
        type(node, motion.part() == null ? AG.Motie : AG.Motiedeel);
        Kamerstuk paper = motion.paper();
        String names = motion.submitterNames();
        if (paper == null) {
            triple(node, RDFS.label.asNode(), nl("Motie " + names));
        } else {
            String part = motion.part() == null ? "" : " deel " + motion.part();
            triple(node, RDFS.label.asNode(), nl("Motie " + paper.key() + part + " (" + names + ")"));
            paperNumbers(node, paper);
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
        if (!motionPapers.contains(paper.key()) && firstDescribed(node, AG.Kamerstuk, "Kamerstuk " + paper.key())) {
            paperNumbers(node, paper);
        }
        return node;
    }

    /** A paper's place in its dossier, and its official publication. */
    private void paperNumbers(Node node, Kamerstuk paper) {
        triple(node, AG.dossiernummer, NodeFactory.createLiteralString(paper.dossier()));
        triple(node, AG.ondernummer, integer(paper.number()));
        triple(node, RDFS.seeAlso.asNode(), NodeFactory.createURI(OFFICIAL.formatted(paper.dossier(), paper.number())));
    }

    /** Type and names as in the register (identical triples), so the report graph validates on its own. */
    private Node describeOrganisation(nl.actiegraaf.extract.Organisation organisation) {
        Node node = Iris.organisation(organisation.code());
        if (firstDescribed(node, AG.Organisatie, organisation.label())) {
            triple(node, org.apache.jena.vocabulary.SKOS.prefLabel.asNode(), nl(organisation.label()));
        }
        return node;
    }

    private Node describePerson(Person person) {
        Node node = Iris.person(person.slug());
        // Same triples as the register for registered persons; the only description of others.
        firstDescribed(node, AG.Persoon, person.label());
        return node;
    }

    /** An office (org:Post) in its ministry (org:postIn); the ministry is described as a body. */
    private Node describeOffice(Office office) {
        Node node = Iris.office(office.slug());
        if (firstDescribed(node, AG.Ambt, office.label()) && office.department() != null) {
            triple(node, POST_IN, describeOrganisation(office.department()));
        }
        return node;
    }

    /** The first time {@code node} is written: its type and label, and true; after that nothing, and false. */
    private boolean firstDescribed(Node node, Node ourClass, String label) {
        if (!described.add(node)) {
            return false;
        }
        type(node, ourClass);
        triple(node, RDFS.label.asNode(), nl(label));
        return true;
    }

    /** Our class and the standard classes the ontology aligns it with (the store does no inference). */
    private void type(Node node, Node ourClass) {
        triple(node, RDF.type.asNode(), ourClass);
        for (Node standard : StandardTypes.of(ourClass)) {
            triple(node, RDF.type.asNode(), standard);
        }
    }

    private static Node status(Fact.Status status) {
        return switch (status) {
            case AFGEROND -> AG.Afgerond;
            case NIET_GESTART -> AG.NietGestart;
            case ONBEKEND -> AG.Onbekend;
            case LOPEND -> AG.Lopend;
        };
    }

    private static String motionKey(Motion motion) {
        if (motion.paper() == null) {
            return motion.submitterNames();
        }
        return motion.paper().key() + (motion.part() == null ? "" : " deel " + motion.part());
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
