package nl.actiegraaf.link.tk;

import nl.actiegraaf.vocab.Iris;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.actiegraaf.vocab.AG;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Turns the matches into the linkset graph: per Kamerstuk its TK Document and Zaak, the date, the
 * cabinet's advice, all submitters with their parties, and the vote with a row per party (and per
 * member in a roll call); the persons and parties met on the way; and the VoID description of the
 * linkset. Record values that would make a wrong triple (an id that is no IRI, a date that is no
 * date, a vote option the API does not define) are left out and reported, never written.
 */
public final class TkGraphWriter {
    private static final Pattern TK_NUMBER = Pattern.compile("\\d{4}[A-Z]\\d{1,6}");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}).*");
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final String FOAF_HOMEPAGE = "http://xmlns.com/foaf/0.1/homepage";

    private final Graph graph = GraphFactory.createDefaultGraph();
    private final RegisterPersons register;
    private final List<Finding> findings;
    private final String apiBase;
    /** TK Persoon id to the IRI it got, so a member is one person however often met. */
    private final Map<String, Node> persons = new HashMap<>();
    private final Map<String, Node> parties = new HashMap<>();
    private int links;

    private TkGraphWriter(RegisterPersons register, List<Finding> findings, String apiBase) {
        this.register = register;
        this.findings = findings;
        this.apiBase = apiBase;
    }

    /** The linkset graph for {@code matches}; notes on what was left out go to {@code findings}. */
    public static Graph write(List<TkMatch> matches, RegisterPersons register, List<Finding> findings, String apiBase) {
        TkGraphWriter writer = new TkGraphWriter(register, findings, apiBase);
        matches.forEach(writer::describe);
        writer.describeLinkset();
        return writer.graph;
    }

    private void describe(TkMatch match) {
        Node paper = NodeFactory.createURI(match.paper().iri());
        String key = match.paper().key();
        TkRecords.Document document = match.document();
        link(paper, document.odataId(), key);
        if (document.documentNummer() != null) {
            add(paper, AG.documentnummer, string(document.documentNummer()));
        }
        Node date = date(document.datum(), key, "Document date");
        TkRecords.Zaak zaak = match.zaak();
        if (zaak == null) {
            if (date != null) {
                add(paper, DCTerms.date.asNode(), date);
            }
            return;
        }
        if (date == null) {
            date = date(zaak.gestartOp(), key, "Zaak GestartOp");
        }
        if (date != null) {
            add(paper, DCTerms.date.asNode(), date);
        }
        Node zaakNode = iri(zaak.odataId(), key);
        if (zaakNode != null) {
            add(paper, AG.tkZaak, zaakNode);
        }
        if (zaak.nummer() != null) {
            add(paper, AG.zaaknummer, string(zaak.nummer()));
        }
        if (match.paper().motion() && zaak.nummer() != null && document.documentNummer() != null
                && TK_NUMBER.matcher(zaak.nummer()).matches() && TK_NUMBER.matcher(document.documentNummer()).matches()) {
            add(paper, RDFS.seeAlso.asNode(), TkNames.motionPage(zaak.nummer(), document.documentNummer()));
        }
        if (zaak.kabinetsappreciatie() != null) {
            add(paper, AG.kabinetsappreciatie, NodeFactory.createLiteralLang(zaak.kabinetsappreciatie(), "nl"));
        }
        for (TkRecords.Actor actor : zaak.actoren()) {
            submitter(paper, key, actor);
        }
        if (match.vote() != null) {
            vote(paper, key, match.vote());
        }
    }

    private void submitter(Node paper, String key, TkRecords.Actor actor) {
        String relation = TkPageReader.lower(actor.relatie());
        if (!relation.equals("indiener") && !relation.equals("medeindiener")) {
            return; // other ZaakActors (the committee in charge, ...) are no submitters
        }
        Node person = actor.persoon() == null ? null : person(actor.persoon(), key);
        if (person == null) {
            findings.add(new Finding(Finding.Kind.NOTE, key, "ZaakActor \"" + actor.actorNaam() + "\" (" + actor.relatie()
                    + ") has no Persoon record; left out"));
        } else {
            add(paper, AG.indiener, person);
            if (relation.equals("medeindiener")) {
                add(paper, AG.medeindiener, person);
            }
        }
        Node party = actor.fractie() == null ? null : party(actor.fractie(), key);
        if (party != null) {
            add(paper, AG.indienendeFractie, party);
        }
    }

    private void vote(Node paper, String key, TkRecords.Besluit besluit) {
        Node vote = Iris.vote(paper.getURI());
        add(vote, RDF.type.asNode(), AG.Stemming);
        add(vote, RDFS.label.asNode(), NodeFactory.createLiteralLang("Stemming over " + key, "nl"));
        add(paper, AG.stemming, vote);
        add(vote, AG.motie, paper);
        link(vote, besluit.odataId(), key);
        Node result = result(besluit);
        if (result != null) {
            add(vote, AG.uitslag, result);
        } else {
            findings.add(new Finding(Finding.Kind.NOTE, key, "BesluitSoort \"" + besluit.besluitSoort()
                    + "\" names no result (aangenomen/verworpen); the vote has no ag:uitslag"));
        }
        if (besluit.besluitTekst() != null) {
            add(vote, AG.besluittekst, NodeFactory.createLiteralLang(besluit.besluitTekst(), "nl"));
        }
        if (besluit.stemmingsSoort() != null) {
            add(vote, AG.stemmingssoort, NodeFactory.createLiteralLang(besluit.stemmingsSoort(), "nl"));
        }
        Node date = date(besluit.datum(), key, "vote date (Agendapunt/Activiteit/Datum)");
        if (date != null) {
            add(vote, DCTerms.date.asNode(), date);
        }
        Map<String, Integer> seats = new LinkedHashMap<>(); // party slug + choice -> seats, rows without a mistake
        Map<String, Node[]> seatNodes = new LinkedHashMap<>();
        int yes = 0;
        int no = 0;
        for (TkRecords.Stemming row : besluit.stemmingen()) {
            Node choice = choice(row.soort());
            if (choice == null) {
                findings.add(new Finding(Finding.Kind.NOTE, key, "Stemming of " + row.actorNaam() + ": Soort \"" + row.soort()
                        + "\" is none of Voor, Tegen, Niet deelgenomen; left out"));
                continue;
            }
            Node party = row.fractie() == null ? null : party(row.fractie(), key);
            String choiceSlug = TkNames.slug(row.soort());
            if (row.persoon() != null) {
                Node member = person(row.persoon(), key);
                if (member == null) {
                    continue;
                }
                Node memberVote = Iris.memberVote(vote, slugOf(member), row.vergissing());
                add(vote, AG.stem, memberVote);
                add(memberVote, RDF.type.asNode(), AG.Stem);
                add(memberVote, AG.stemmer, member);
                add(memberVote, AG.keuze, choice);
                add(memberVote, AG.vergissing, bool(row.vergissing()));
                if (party != null) {
                    add(memberVote, AG.fractie, party);
                    if (!row.vergissing()) {
                        // A roll call counts members: the party's seats for a choice are its members voting so.
                        String k = slugOf(party) + "|" + choiceSlug;
                        seats.merge(k, 1, Integer::sum);
                        seatNodes.put(k, new Node[] {party, choice});
                    }
                }
                if (!row.vergissing()) {
                    yes += choice.equals(AG.Voor) ? 1 : 0;
                    no += choice.equals(AG.Tegen) ? 1 : 0;
                }
                continue;
            }
            if (party == null) {
                findings.add(new Finding(Finding.Kind.NOTE, key, "Stemming of \"" + row.actorFractie()
                        + "\" has neither Fractie nor Persoon record; left out"));
                continue;
            }
            if (row.fractieGrootte() == null || row.fractieGrootte() < 0) {
                findings.add(new Finding(Finding.Kind.NOTE, key, "Stemming of " + row.actorFractie() + " has no FractieGrootte; left out"));
                continue;
            }
            Node partyVote = Iris.partyVote(vote, slugOf(party), choiceSlug, row.vergissing());
            describePartyVote(vote, partyVote, party, choice, row.fractieGrootte(), row.vergissing());
            if (!row.vergissing()) {
                yes += choice.equals(AG.Voor) ? row.fractieGrootte() : 0;
                no += choice.equals(AG.Tegen) ? row.fractieGrootte() : 0;
            }
        }
        for (Map.Entry<String, Integer> entry : seats.entrySet()) {
            Node[] partyAndChoice = seatNodes.get(entry.getKey());
            String[] slugs = entry.getKey().split("\\|");
            describePartyVote(vote, Iris.partyVote(vote, slugs[0], slugs[1], false), partyAndChoice[0],
                    partyAndChoice[1], entry.getValue(), false);
        }
        if (!besluit.stemmingen().isEmpty()) {
            add(vote, AG.stemmenVoor, integer(yes));
            add(vote, AG.stemmenTegen, integer(no));
        }
    }

    private void describePartyVote(Node vote, Node partyVote, Node party, Node choice, int seats, boolean mistaken) {
        add(vote, AG.fractiestem, partyVote);
        add(partyVote, RDF.type.asNode(), AG.Fractiestem);
        add(partyVote, AG.fractie, party);
        add(partyVote, AG.keuze, choice);
        add(partyVote, AG.zetels, integer(seats));
        add(partyVote, AG.vergissing, bool(mistaken));
    }

    private static Node result(TkRecords.Besluit besluit) {
        String text = TkPageReader.lower(besluit.besluitSoort()) + " " + TkPageReader.lower(besluit.besluitTekst());
        if (text.contains("verworpen")) {
            return AG.Verworpen;
        }
        return text.contains("aangenomen") ? AG.Aangenomen : null;
    }

    private static Node choice(String soort) {
        return switch (TkPageReader.lower(soort)) {
            case "voor" -> AG.Voor;
            case "tegen" -> AG.Tegen;
            case "niet deelgenomen" -> AG.NietDeelgenomen;
            default -> null;
        };
    }

    /** The register's person when the name matches, else a new person with the TK id. */
    private Node person(TkRecords.Persoon persoon, String key) {
        Node known = persons.get(persoon.id());
        if (known != null) {
            return known;
        }
        String name = persoon.naam();
        Node node;
        var registered = register.find(persoon);
        if (registered.isPresent()) {
            node = NodeFactory.createURI(registered.get());
        } else if (name.isEmpty()) {
            findings.add(new Finding(Finding.Kind.NOTE, key, "Persoon " + persoon.id() + " has no name; left out"));
            return null;
        } else {
            String slug = TkNames.slug(name);
            node = Iris.person(register.known(Iris.person(slug).getURI()) ? slug + "-tk" : slug);
            add(node, RDF.type.asNode(), AG.Persoon);
            add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(name, "nl"));
        }
        add(node, AG.tkId, string(persoon.id()));
        link(node, persoon.odataId(), key);
        persons.put(persoon.id(), node);
        return node;
    }

    private Node party(TkRecords.Fractie fractie, String key) {
        Node known = parties.get(fractie.id());
        if (known != null) {
            return known;
        }
        String name = fractie.naam() != null ? fractie.naam() : fractie.afkorting();
        if (name == null) {
            findings.add(new Finding(Finding.Kind.NOTE, key, "Fractie " + fractie.id() + " has neither NaamNL nor Afkorting; left out"));
            return null;
        }
        Node node = Iris.party(TkNames.slug(fractie.afkorting() != null ? fractie.afkorting() : name));
        add(node, RDF.type.asNode(), AG.Fractie);
        add(node, RDF.type.asNode(), AG.Organisatie);
        add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(name, "nl"));
        add(node, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(name, "nl"));
        if (fractie.afkorting() != null) {
            add(node, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(fractie.afkorting(), "nl"));
        }
        add(node, AG.tkId, string(fractie.id()));
        link(node, fractie.odataId(), key);
        parties.put(fractie.id(), node);
        return node;
    }

    private void describeLinkset() {
        Node linkset = NodeFactory.createURI(Iris.TK_LINKSET);
        Node target = NodeFactory.createURI(Iris.TK_DATASET);
        add(linkset, RDF.type.asNode(), NodeFactory.createURI(VOID + "Linkset"));
        add(linkset, RDFS.label.asNode(), NodeFactory.createLiteralLang("Koppelingen met het gegevensmagazijn van de Tweede Kamer", "nl"));
        add(linkset, RDFS.label.asNode(), NodeFactory.createLiteralLang("Links to the open data of the Dutch House of Representatives", "en"));
        add(linkset, NodeFactory.createURI(VOID + "subjectsTarget"), NodeFactory.createURI(Iris.DATASET));
        add(linkset, NodeFactory.createURI(VOID + "objectsTarget"), target);
        add(linkset, NodeFactory.createURI(VOID + "linkPredicate"), SKOS.exactMatch.asNode());
        add(linkset, NodeFactory.createURI(VOID + "triples"), integer(links));
        add(target, RDF.type.asNode(), NodeFactory.createURI(VOID + "Dataset"));
        add(target, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Gegevensmagazijn van de Tweede Kamer (OData v4)", "nl"));
        add(target, NodeFactory.createURI(FOAF_HOMEPAGE), NodeFactory.createURI("https://opendata.tweedekamer.nl/"));
        Node base = iri(apiBase, "linkset");
        if (base != null) {
            add(target, NodeFactory.createURI(VOID + "uriSpace"), string(apiBase));
            add(linkset, DCTerms.source.asNode(), base);
        }
    }

    /** {@code node skos:exactMatch <odataId>}: the link itself, counted for VoID. */
    private void link(Node node, String odataId, String key) {
        Node target = iri(odataId, key);
        if (target != null && !graph.contains(node, SKOS.exactMatch.asNode(), target)) {
            add(node, SKOS.exactMatch.asNode(), target);
            links++;
        }
    }

    private Node iri(String value, String key) {
        if (value == null) {
            return null;
        }
        try {
            IRIx iri = IRIx.create(value);
            if (iri.isAbsolute() && !iri.hasViolations() && (value.startsWith("https://") || value.startsWith("http://"))) {
                return NodeFactory.createURI(iri.str());
            }
        } catch (RuntimeException e) {
            // reported below
        }
        findings.add(new Finding(Finding.Kind.NOTE, key, "\"" + value + "\" is no web address; left out"));
        return null;
    }

    private Node date(String value, String key, String what) {
        if (value == null) {
            return null;
        }
        var m = DATE.matcher(value);
        if (m.matches()) {
            Node date = NodeFactory.createLiteralDT(m.group(1), XSDDatatype.XSDdate);
            if (date.getLiteral().isWellFormed()) {
                return date;
            }
        }
        findings.add(new Finding(Finding.Kind.NOTE, key, what + " \"" + value + "\" is no date; left out"));
        return null;
    }

    private static String slugOf(Node node) {
        String iri = node.getURI();
        return iri.substring(iri.lastIndexOf('/') + 1).replaceFirst("^fractie-", "").toLowerCase(Locale.ROOT);
    }

    private void add(Node s, Node p, Node o) {
        graph.add(Triple.create(s, p, o));
    }

    private static Node string(String value) {
        return NodeFactory.createLiteralString(value);
    }

    private static Node integer(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDinteger);
    }

    private static Node bool(boolean value) {
        return NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean);
    }
}
