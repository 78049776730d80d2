package nl.actiegraaf.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import nl.actiegraaf.extract.Fact.CommitmentFact;
import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.MotionFact;
import nl.actiegraaf.extract.Fact.OrganisationFact;
import nl.actiegraaf.extract.Fact.PersonFact;
import nl.actiegraaf.extract.Fact.ReferenceFact;
import nl.actiegraaf.report.Block;
import nl.actiegraaf.report.CellText;
import nl.actiegraaf.report.Footnote;
import nl.actiegraaf.report.ReportAction;

/**
 * The extraction stage of the pipeline: report actions in, facts out. It splits each cell into
 * sentences and runs the small extractors over them; afterwards it ties motions the report names
 * only by their submitters to the numbered motions the report cites elsewhere.
 */
public final class FactExtractor {
    private final MotionExtractor motions;
    private final KamerstukExtractor papers = new KamerstukExtractor();
    private final OrganisationExtractor organisations;
    private final PersonExtractor persons;
    private final ReferenceExtractor references = new ReferenceExtractor();
    private final CommitmentExtractor commitments = new CommitmentExtractor();
    private final OfficeFinder offices = new OfficeFinder();
    private final StatusClassifier status = new StatusClassifier();

    public FactExtractor(OrganisationRegister organisationRegister, PersonRegister personRegister) {
        this.motions = new MotionExtractor(personRegister);
        this.organisations = new OrganisationExtractor(organisationRegister);
        this.persons = new PersonExtractor(personRegister);
    }

    /** Reads both registers from the seeds directory ({@code organisaties.ttl}, {@code kamerleden.ttl}). */
    public static FactExtractor fromSeeds(Path seedsDir) {
        return new FactExtractor(OrganisationRegister.load(seedsDir.resolve("organisaties.ttl")),
                PersonRegister.load(seedsDir.resolve("kamerleden.ttl")));
    }

    /** Facts of every action; {@code reportDate} sets the default year and separates past from future. */
    public List<ActionFacts> extract(List<ReportAction> actions, LocalDate reportDate) {
        return extract(actions, reportDate, null);
    }

    /**
     * Facts of every action; {@code reportDate} sets the default year and separates past from
     * future, {@code anchor} (or null) is what the descriptions' relative deadlines count from.
     */
    public List<ActionFacts> extract(List<ReportAction> actions, LocalDate reportDate, Anchor anchor) {
        Set<Integer> numbers = actions.stream().map(ReportAction::number).collect(Collectors.toSet());
        List<ActionFacts> raw = new ArrayList<>();
        for (ReportAction action : actions) {
            raw.add(extract(action, reportDate, anchor, numbers));
        }
        return resolveUnnumberedMotions(raw);
    }

    /** Facts of one action, without report-wide motion resolution. */
    public ActionFacts extract(ReportAction action, LocalDate reportDate, Set<Integer> actionNumbers) {
        return extract(action, reportDate, null, actionNumbers);
    }

    /** Facts of one action, without report-wide motion resolution. */
    public ActionFacts extract(ReportAction action, LocalDate reportDate, Anchor anchor, Set<Integer> actionNumbers) {
        DeadlineExtractor deadlines = new DeadlineExtractor(reportDate, anchor);
        List<SentenceFacts> bySentence = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        List<Sentence> statusSentences = sentences(action.status(), Column.STAND_VAN_ZAKEN);
        List<Sentence> descriptionSentences = sentences(action.description(), Column.OMSCHRIJVING);
        List<Sentence> all = new ArrayList<>(descriptionSentences);
        all.addAll(statusSentences);
        for (Footnote footnote : action.footnotes()) {
            Column column = Column.VOETNOOT;
            for (String text : DutchSentences.split(footnote.text())) {
                all.add(new Sentence(text, column));
            }
        }
        // The last date each column named so far: what a following "na een half jaar" counts from.
        Map<Column, LocalDate> lastDate = new java.util.EnumMap<>(Column.class);
        for (Sentence sentence : all) {
            List<MotionFact> motionFacts = motions.extract(sentence);
            facts.addAll(motionFacts);
            List<KamerstukExtractor.Found> found = papers.find(sentence);
            Set<String> motionPapers = motionFacts.stream().map(f -> f.motion().paper()).filter(Objects::nonNull)
                    .map(Kamerstuk::key).collect(Collectors.toSet());
            for (KamerstukExtractor.Found f : found) {
                if (!motionPapers.contains(f.fact().paper().key())) {
                    facts.add(f.fact());
                }
            }
            List<String> read = new ArrayList<>();
            found.forEach(f -> read.add(f.fact().evidence().text()));
            motionFacts.forEach(f -> read.add(f.evidence().text()));
            List<OrganisationFact> orgFacts = organisations.extract(sentence, read);
            facts.addAll(orgFacts);
            List<PersonFact> personFacts = persons.extract(sentence, read);
            facts.addAll(personFacts);
            DeadlineExtractor.Found times = deadlines.extract(sentence, lastDate.get(sentence.column()));
            if (!times.deadlines().isEmpty()) {
                lastDate.put(sentence.column(), times.deadlines().get(times.deadlines().size() - 1).date());
            } else if (!times.events().isEmpty()) {
                lastDate.put(sentence.column(), times.events().get(times.events().size() - 1).date());
            }
            facts.addAll(times.deadlines());
            facts.addAll(times.events());
            List<Office> offices = this.offices.find(sentence, orgFacts);
            commitments.extract(sentence, times.deadlines(), orgFacts, personFacts, offices).ifPresent(facts::add);
            bySentence.add(new SentenceFacts(sentence, motionFacts, times.deadlines(), times.events(), offices));
            for (ReferenceFact reference : references.extract(sentence, action.number())) {
                if (actionNumbers.contains(reference.action())) {
                    facts.add(reference);
                }
            }
        }
        Fact.StatusFact classified = status.classify(descriptionSentences, statusSentences);
        facts.add(classified);
        Map<DeadlineFact, DeadlineFact> doubted = doubtedDates(facts);
        List<Fact> resolved = OfficeContext.resolve(facts.stream().map(f -> withDoubt(f, doubted)).toList(),
                bySentence.stream().flatMap(f -> f.offices().stream()).toList());
        List<SentenceFacts> settled = bySentence.stream().map(s -> new SentenceFacts(s.sentence(), s.motions(),
                s.deadlines().stream().map(d -> doubted.getOrDefault(d, d)).toList(), s.events(), s.offices())).toList();
        resolved.addAll(MotionProgress.read(settled));
        resolved.addAll(ReportedDelivery.read(classified.status(), settled, resolved));
        return new ActionFacts(action, resolved);
    }

    /**
     * "Het streven om ... al op 1 juli te laten starten is te optimistisch" doubts the date the
     * description set ("Het streven is dat deze op 1 juli aan de slag gaat"): every deadline of the
     * action on a doubted day is doubted. Returns the replacements.
     */
    private static Map<DeadlineFact, DeadlineFact> doubtedDates(List<Fact> facts) {
        Set<LocalDate> days = facts.stream().filter(f -> f instanceof DeadlineFact d && d.doubted())
                .map(f -> ((DeadlineFact) f).date()).collect(Collectors.toSet());
        Map<DeadlineFact, DeadlineFact> out = new java.util.HashMap<>();
        for (Fact f : facts) {
            DeadlineFact d = f instanceof DeadlineFact x ? x : f instanceof CommitmentFact c ? c.deadline() : null;
            if (d != null && !d.doubted() && days.contains(d.date())) {
                out.put(d, new DeadlineFact(d.date(), d.from(), d.sentence(), d.evidence(), d.anchor(), true));
            }
        }
        return out;
    }

    private static Fact withDoubt(Fact fact, Map<DeadlineFact, DeadlineFact> doubted) {
        if (fact instanceof DeadlineFact d) {
            return doubted.getOrDefault(d, d);
        }
        if (fact instanceof CommitmentFact c && c.deadline() != null && doubted.containsKey(c.deadline())) {
            return new CommitmentFact(doubted.get(c.deadline()), c.byOrganisation(), c.byPerson(), c.byOffice(), c.evidence());
        }
        return fact;
    }

    /** What one sentence yielded, for the rules that relate facts of different sentences. */
    record SentenceFacts(Sentence sentence, List<MotionFact> motions, List<DeadlineFact> deadlines,
                         List<Fact.EventFact> events, List<Office> offices) {
    }

    public static List<Sentence> sentences(CellText cell, Column column) {
        List<Sentence> out = new ArrayList<>();
        for (Block block : cell.blocks()) {
            for (String text : DutchSentences.split(block.text())) {
                out.add(new Sentence(text, column));
            }
        }
        return out;
    }

    /**
     * "motie Segers" names no number, but the report cites "(NR. 26 Motie Segers)" elsewhere:
     * an unnumbered motion becomes the numbered one with the same first submitter in the same
     * action, or else the only numbered motion of the report with exactly its submitters.
     */
    private static List<ActionFacts> resolveUnnumberedMotions(List<ActionFacts> actions) {
        Map<String, Motion> numbered = new LinkedHashMap<>();
        for (ActionFacts a : actions) {
            for (MotionFact f : a.all(MotionFact.class)) {
                if (f.motion().paper() != null) {
                    numbered.putIfAbsent(f.motion().paper().key(), f.motion().whole());
                }
            }
        }
        List<ActionFacts> out = new ArrayList<>();
        for (ActionFacts a : actions) {
            List<Motion> local = a.all(MotionFact.class).stream().map(MotionFact::motion)
                    .filter(m -> m.paper() != null).map(Motion::whole).distinct().toList();
            List<Fact> facts = new ArrayList<>();
            for (Fact fact : a.facts()) {
                if (fact instanceof MotionFact f && f.motion().paper() == null) {
                    Motion resolved = resolve(f.motion(), local, numbered.values());
                    facts.add(new MotionFact(resolved, f.carriedOut(), f.evidence()));
                } else if (fact instanceof Fact.MotionStatusFact f && f.motion().paper() == null) {
                    facts.add(new Fact.MotionStatusFact(resolve(f.motion(), local, numbered.values()), f.status(), f.evidence()));
                } else {
                    facts.add(fact);
                }
            }
            out.add(new ActionFacts(a.action(), facts));
        }
        return out;
    }

    private static Motion resolve(Motion unnumbered, List<Motion> local, java.util.Collection<Motion> all) {
        Person first = unnumbered.submitters().get(0);
        List<Motion> here = local.stream()
                .filter(m -> !m.submitters().isEmpty() && m.submitters().get(0).equals(first)
                        && m.submitters().containsAll(unnumbered.submitters()))
                .toList();
        if (here.size() == 1) {
            return here.get(0);
        }
        List<Motion> same = all.stream()
                .filter(m -> Set.copyOf(m.submitters()).equals(Set.copyOf(unnumbered.submitters())))
                .toList();
        return same.size() == 1 ? same.get(0) : unnumbered;
    }

}
