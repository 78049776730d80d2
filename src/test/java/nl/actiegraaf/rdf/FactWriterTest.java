package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.Vocab;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.ActionFacts;
import nl.actiegraaf.extract.FactExtractor;
import nl.actiegraaf.report.ReportReader;

/** The RDF mapping of facts, on real actions of the seed. */
class FactWriterTest {
    static Graph graph;

    @BeforeAll
    static void write() {
        var report = new ReportReader().read(Path.of("seeds/stand-van-zaken-pok-2021.txt"));
        graph = GraphFactory.createDefaultGraph();
        // The whole fact stage: report date, the debate the introduction dates, the facts.
        ActionFactsWriter.fromSeeds(Path.of("seeds")).write(report, StreamRDFLib.graph(graph));
    }

    static Node id(String path) {
        return NodeFactory.createURI(Iris.ID + path);
    }

    static Set<String> objects(Node s, Node p) {
        Set<String> out = new TreeSet<>();
        graph.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject().isLiteral()
                ? t.getObject().getLiteralLexicalForm() : t.getObject().getURI().replace(Iris.ID, "id/")));
        return out;
    }

    @Test
    void aMotionWithItsPaperSubmitterAndOfficialPublication() {
        Node motion = id("kamerstuk/35510-26");
        // ours and the standard classes the ontology aligns it with (the store does no inference)
        assertEquals(Set.of(AG.Motie.getURI(), "http://www.w3.org/ns/opengov#Motion", "http://xmlns.com/foaf/0.1/Document",
                "http://www.w3.org/ns/prov#Entity"), objects(motion, org.apache.jena.vocabulary.RDF.type.asNode()));
        assertEquals(Set.of("35510"), objects(motion, AG.dossiernummer));
        assertEquals(Set.of("26"), objects(motion, AG.ondernummer));
        assertEquals(Set.of("id/persoon/gert-jan-segers"), objects(motion, AG.indiener));
        assertEquals(Set.of("Motie 35510-26 (Segers)"), objects(motion, RDFS.label.asNode()));
        assertEquals(Set.of("https://zoek.officielebekendmakingen.nl/kst-35510-26.html"), objects(motion, RDFS.seeAlso.asNode()));
        assertEquals(Set.of("id/kamerstuk/35510-26"), objects(id("actie/pok/16"), AG.geeftUitvoeringAan));
    }

    @Test
    void motionPartsPointToTheWholeMotion() {
        Node part = id("kamerstuk/35510-21-deel-1");
        assertEquals(Set.of("id/kamerstuk/35510-21"), objects(part, AG.deelVan));
        assertEquals(Set.of("Motie 35510-21 deel 1 (Marijnissen c.s.)"), objects(part, RDFS.label.asNode()));
        assertEquals(Set.of("id/persoon/lilian-marijnissen"), objects(id("kamerstuk/35510-21"), AG.indiener));
    }

    @Test
    void theSamePersonOnceHoweverSpelled() {
        // "Jetten/Segers" (action 8), "Jette cs" (36), "Ploumen/Jetten" (37): one person.
        assertEquals(Set.of("id/persoon/rob-jetten"), objects(id("kamerstuk/35510-15"), AG.indiener));
        assertEquals(Set.of("id/persoon/gert-jan-segers", "id/persoon/rob-jetten"), objects(id("kamerstuk/35510-14"), AG.indiener));
        assertEquals(Set.of("Rob Jetten"), objects(id("persoon/rob-jetten"), RDFS.label.asNode()));
    }

    @Test
    void aMotionOnlyNamedInTheStatusIsNoemt() {
        assertTrue(objects(id("actie/pok/86"), AG.noemt).contains("id/kamerstuk/35510-11"));
        assertEquals(Set.of("id/kamerstuk/35510-12"), objects(id("actie/pok/86"), AG.geeftUitvoeringAan));
        assertTrue(objects(id("actie/pok/68"), AG.noemt).contains("id/kamerstuk/28362-53"));
    }

    /**
     * "als invulling motie Lodders en Weyenberg" (action 15) names a motion the report never numbers:
     * it is still a motion, identified by its submitters, and action 15 carries it out.
     */
    @Test
    void aMotionKnownOnlyByItsSubmittersIsAMotionOfItsOwn() {
        Node lodders = id("motie/lodders-van-weyenberg");
        assertEquals(Set.of("id/motie/lodders-van-weyenberg"), objects(id("actie/pok/15"), AG.geeftUitvoeringAan));
        assertTrue(objects(lodders, org.apache.jena.vocabulary.RDF.type.asNode()).contains(AG.Motie.getURI()));
        assertEquals(Set.of("id/persoon/helma-lodders", "id/persoon/steven-van-weyenberg"), objects(lodders, AG.indiener));
        assertEquals(Set.of("Motie Lodders/Van Weyenberg"), objects(lodders, RDFS.label.asNode()));
        assertEquals(Set.of(), objects(lodders, AG.dossiernummer));
        // Both spellings ("motie Lodders en Weyenberg", "motie Lodders/Van Weyenberg") are mentions of it.
        assertEquals(2, graph.find(Node.ANY, AG.vermeldt, lodders).toList().size());
        // Named in the status text of action 41 only: ag:noemt, not carried out.
        assertEquals(Set.of("id/persoon/jesse-klaver", "id/persoon/lilianne-ploumen"),
                objects(id("motie/ploumen-klaver"), AG.indiener));
        assertTrue(objects(id("actie/pok/41"), AG.noemt).contains("id/motie/ploumen-klaver"));
        assertEquals(Set.of(), objects(id("actie/pok/41"), AG.geeftUitvoeringAan));
    }

    /**
     * A mention says what its own sentence supports: in action 56 "Afspraken maken met het CvdRM"
     * involves the College, "Het College voor de Rechten van de Mens is gestart ..." makes it the actor.
     */
    @Test
    void aMentionOfTheResponsibleBodyInAnotherRoleSaysBetrokkene() {
        Node cvdrm = id("organisatie/cvdrm");
        assertEquals(Set.of("id/organisatie/cvdrm"), objects(id("actie/pok/56"), AG.verantwoordelijke));
        Set<String> relations = new TreeSet<>();
        graph.find(Node.ANY, AG.vermeldt, cvdrm).forEachRemaining(t -> {
            if (graph.contains(t.getSubject(), Vocab.PROV_WAS_DERIVED_FROM, id("stand/stand-van-zaken-pok-2021/56"))) {
                relations.add(objects(t.getSubject(), AG.tekst) + " " + objects(t.getSubject(), AG.relatie)
                        .iterator().next().replace(AG.NS, "ag:"));
            }
        });
        assertEquals(Set.of("[CvdRM] ag:betrokkene", "[College voor de Rechten van de Mens] ag:verantwoordelijke"), relations);
    }

    @Test
    void everyFactHasAMentionWithTheExactPhraseAndColumn() {
        List<Triple> mentions = graph.find(Node.ANY, AG.vermeldt, id("kamerstuk/35510-7")).toList();
        assertEquals(1, mentions.size());
        Node mention = mentions.get(0).getSubject();
        assertEquals("https://w3id.org/actiegraaf/id/stand/stand-van-zaken-pok-2021/3/vermelding/1", mention.getURI());
        assertEquals(Set.of("(NR. 7 Motie Wilders)"), objects(mention, AG.tekst));
        assertEquals(Set.of("omschrijving"), objects(mention, AG.kolom));
        assertEquals(Set.of(AG.geeftUitvoeringAan.getURI()), objects(mention, AG.relatie));
        assertEquals(Set.of("id/stand/stand-van-zaken-pok-2021/3"), objects(mention, Vocab.PROV_WAS_DERIVED_FROM));
        assertTrue(graph.contains(id("actie/pok/3"), AG.vermelding, mention));
    }

    @Test
    void statusWithItsDecidingSentenceAndResponsibleBody() {
        assertEquals(Set.of(AG.Afgerond.getURI()), objects(id("stand/stand-van-zaken-pok-2021/16"), AG.status));
        assertEquals(Set.of("id/organisatie/szw"), objects(id("actie/pok/16"), AG.verantwoordelijke));
        assertEquals(Set.of("id/organisatie/szw", "id/organisatie/tweede-kamer"), objects(id("actie/pok/16"), AG.betrokkene));
        assertEquals(Set.of(AG.Onbekend.getURI()), objects(id("stand/stand-van-zaken-pok-2021/4"), AG.status));
        assertEquals(Set.of(AG.NietGestart.getURI()), objects(id("stand/stand-van-zaken-pok-2021/47"), AG.status));
        // Three actions are not started (25, 47, 62); the mention of action 47's status quotes its sentence.
        Node statusMention = graph.find(Node.ANY, AG.vermeldt, AG.NietGestart).toList().stream()
                .map(t -> t.getSubject()).filter(m -> m.getURI().startsWith(id("stand/stand-van-zaken-pok-2021/47/").getURI()))
                .findFirst().orElseThrow();
        assertEquals(Set.of("Planning voor dit wetsvoorstel moet nog worden opgesteld."), objects(statusMention, AG.tekst));
    }

    @Test
    void deadlinesAndCommitmentsAsResources() {
        Node deadline = id("stand/stand-van-zaken-pok-2021/73/deadline/1");
        assertEquals(Set.of("uiterlijk 1 juli"), objects(deadline, AG.tekst));
        assertEquals(Set.of("2021-07-01"), objects(deadline, AG.datum));
        assertTrue(objects(id("stand/stand-van-zaken-pok-2021/73"), AG.deadline).contains("id/stand/stand-van-zaken-pok-2021/73/deadline/1"));
        Node q3 = id("stand/stand-van-zaken-pok-2021/19/deadline/1");
        assertEquals(Set.of("2021-07-01"), objects(q3, AG.vanaf));
        assertEquals(Set.of("2021-09-30"), objects(q3, AG.datum));
        Node commitment = id("stand/stand-van-zaken-pok-2021/73/toezegging/1");
        // "zal de Staatssecretaris van BZK ... informeren": the office, in its ministry
        assertEquals(Set.of("id/ambt/staatssecretaris-bzk"), objects(commitment, AG.toegezegdDoor));
        assertEquals(Set.of("id/organisatie/bzk"), objects(id("ambt/staatssecretaris-bzk"), Vocab.ORG_POST_IN));
        assertEquals(1, objects(commitment, AG.deadline).size());
        assertEquals(Set.of("2021-04-30"), objects(id("stand/stand-van-zaken-pok-2021/16/gebeurtenis/1"), AG.datum));
    }

    @Test
    void organisationsInAListAreInvolved() {
        assertEquals(Set.of("id/organisatie/cak", "id/organisatie/cjib", "id/organisatie/duo", "id/organisatie/gemeenten",
                "id/organisatie/lbio", "id/organisatie/svb", "id/organisatie/uht", "id/organisatie/uwv",
                "id/organisatie/waterschappen"), objects(id("actie/pok/2"), AG.betrokkene));
        assertEquals(Set.of(), objects(id("actie/pok/2"), AG.verantwoordelijke));
    }

    // Not Jena's RDF.type: touching that class first in a JVM, before Jena has initialised, fails.
    private static final Node TYPE = Vocab.RDF_TYPE;

    /** Minister and staatssecretaris of BZK are two offices (org:Post) in the same ministry. */
    @Test
    void officesMakeCommitments() {
        assertEquals(Set.of("id/ambt/minister-bzk"), objects(id("stand/stand-van-zaken-pok-2021/84/toezegging/2"), AG.toegezegdDoor));
        assertTrue(objects(id("ambt/minister-bzk"), TYPE).containsAll(Set.of(AG.Ambt.getURI(), "http://www.w3.org/ns/org#Post")));
        assertEquals(Set.of("id/organisatie/bzk"), objects(id("ambt/minister-bzk"), Vocab.ORG_POST_IN));
        assertEquals(Set.of("id/ambt/minister-jenv"), makers(61)); // "in een brief ... van de minister van JenV"
        assertEquals(Set.of("id/ambt/minister-bzk"), makers(58)); // "De minister van BZK zal zo spoedig mogelijk starten"
        assertEquals(Set.of("id/ambt/staatssecretaris"), makers(12)); // "heeft de staatssecretaris toegezegd": department unknown
        assertEquals(Set.of(), objects(id("ambt/staatssecretaris"), Vocab.ORG_POST_IN));
    }

    private static Set<String> makers(int action) {
        Set<String> out = new TreeSet<>();
        for (String t : objects(id("stand/stand-van-zaken-pok-2021/" + action), AG.toezegging)) {
            out.addAll(objects(NodeFactory.createURI(t.replace("id/", Iris.ID)), AG.toegezegdDoor));
        }
        return out;
    }

    /** 81: the description's "Voor 1 maart" was met on 8 April ("waarmee deel 2 ... is afgedaan"). */
    @Test
    void aMetDeadlineSaysWhenAndByWhat() {
        Node deadline = id("stand/stand-van-zaken-pok-2021/81/deadline/1");
        assertEquals(Set.of("2021-02-28"), objects(deadline, AG.datum));
        assertEquals(Set.of("2021-04-08"), objects(deadline, AG.gehaaldOp));
        Node event = NodeFactory.createURI(objects(deadline, AG.gehaaldDoor).iterator().next().replace("id/", Iris.ID));
        assertTrue(objects(event, AG.tekst).iterator().next().startsWith("Bij brief van 8 april"));
        assertTrue(mentions(81, AG.gehaaldDoor).stream().anyMatch(t -> t.contains("is afgedaan")));
    }

    /** 3: "binnen één week brief" counts from the debate of 19 January 2021 the introduction names. */
    @Test
    void aRelativeDeadlineNamesWhatItCountsFrom() {
        Node deadline = id("stand/stand-van-zaken-pok-2021/3/deadline/1");
        assertEquals(Set.of("2021-01-26"), objects(deadline, AG.datum));
        assertEquals(Set.of("2021-01-19"), objects(deadline, AG.vanaf));
        Node debate = Iris.debate("stand-van-zaken-pok-2021");
        assertEquals(Set.of("id/rapport/stand-van-zaken-pok-2021/debat"), objects(deadline, AG.gerekendVanaf));
        assertEquals(Set.of("2021-01-19"), objects(debate, AG.datum));
        assertTrue(objects(debate, AG.tekst).iterator().next().contains("het debat daarover van 19 januari 2021"));
        assertEquals(Set.of("true"), objects(id("stand/stand-van-zaken-pok-2021/78/deadline/2"), AG.betwijfeld));
    }

    /** 81 carries out part 2 of motion 21 (done) and part 1 of motion 16 (under way); 81 itself stays Lopend. */
    @Test
    void statusPerMotionPart() {
        Set<String> seen = new TreeSet<>();
        for (String u : objects(id("stand/stand-van-zaken-pok-2021/81"), AG.uitvoering)) {
            Node node = NodeFactory.createURI(u.replace("id/", Iris.ID));
            seen.add(objects(node, AG.uitgevoerdeMotie).iterator().next() + "=" + objects(node, AG.status).iterator().next());
        }
        assertEquals(Set.of("id/kamerstuk/35510-21-deel-2=" + AG.Afgerond.getURI(),
                "id/kamerstuk/35510-16-deel-1=" + AG.Lopend.getURI()), seen);
        assertEquals(Set.of(AG.Lopend.getURI()), objects(id("stand/stand-van-zaken-pok-2021/81"), AG.status));
        // A part is a part, not a motion: 23 motions, not 27.
        assertTrue(objects(id("kamerstuk/35510-21-deel-2"), TYPE).contains(AG.Motiedeel.getURI()));
        assertTrue(!objects(id("kamerstuk/35510-21-deel-2"), TYPE).contains(AG.Motie.getURI()));
    }

    /** The Raad van State, author of a cited advice in 27, 65, 84 and 86: named (ag:noemt), no party. */
    @Test
    void aBodyOnlyNamedIsNamed() {
        for (int action : new int[] {27, 65, 84, 86}) {
            assertTrue(objects(id("actie/pok/" + action), AG.noemt).contains("id/organisatie/raad-van-state"), "action " + action);
            assertTrue(!objects(id("actie/pok/" + action), AG.betrokkene).contains("id/organisatie/raad-van-state"), "action " + action);
        }
        assertTrue(objects(id("persoon/alexandra-van-huffelen"), TYPE).contains("http://xmlns.com/foaf/0.1/Person"));
    }

    /** The texts of the mentions of an action that assert {@code property}. */
    private static Set<String> mentions(int action, Node property) {
        Set<String> out = new TreeSet<>();
        for (String m : objects(id("actie/pok/" + action), AG.vermelding)) {
            Node node = NodeFactory.createURI(m.replace("id/", Iris.ID));
            if (objects(node, AG.relatie).contains(property.getURI())) {
                out.addAll(objects(node, AG.tekst));
            }
        }
        return out;
    }
}
