package nl.actiegraaf.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.CommitmentFact;
import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.OrganisationFact;
import nl.actiegraaf.extract.Fact.PersonFact;

/**
 * Recognises a sentence of the status text in which the government commits to something:
 * "heeft de staatssecretaris toegezegd dat ...", "Toegezegd is voor het eind van het jaar ...",
 * "In de herfst volgt hierover een kamerbrief", "De Tweede Kamer wordt ... geïnformeerd",
 * "Het streven is dat ...", "... zal het kabinet u nader informeren", "In de kabinetsreactie is
 * aangekondigd dat het kabinet adviezen ... zal verstrekken". The description column
 * states the actions themselves and is not searched.
 */
public final class CommitmentExtractor {
    /**
     * The ways a promise is worded, each with its cues (CuedPattern): the rarest words it cannot
     * match without. One alternation with "wordt ... .{0,160}" in it was tried at every position
     * of every status sentence (13% of converting 100x the seed, JFR); a sentence is a promise when
     * any of them matches, as it was when the alternation did.
     */
    private static final List<CuedPattern> PROMISES = List.of(
            CuedPattern.of(Pattern.compile("\\b(?:[Tt]oegezegd|toezegt|[Vv]olgt|[Ss]treven is|[Hh]et streven is)\\b"),
                    "oegezegd", "toezegt", "olgt", "treven is"),
            CuedPattern.of(Pattern.compile("\\b(?:wordt|worden)\\b.{0,160}\\bge[iï]nformeerd\\b"), "nformeerd"),
            CuedPattern.of(Pattern.compile("\\bzal\\b.{0,120}\\b(?:informeren|rapporteren|sturen|toesturen|zenden)\\b"),
                    "informeren", "rapporteren", "sturen", "zenden"),
            CuedPattern.of(Pattern.compile("\\bbericht worden\\b"), "bericht worden"),
            CuedPattern.of(Pattern.compile("\\bwordt\\b.{0,80}\\bgerapporteerd\\b"), "gerapporteerd"),
            CuedPattern.of(Pattern.compile("^[Ii]nzet is\\b"), "nzet is"),
            CuedPattern.of(Pattern.compile("\\bplanning is erop gericht\\b"), "planning is erop gericht"),
            CuedPattern.of(Pattern.compile("\\baangekondigd dat\\b.{0,80}\\b(?:zal|zullen)\\b"), "aangekondigd dat"),
            CuedPattern.of(Pattern.compile("\\b(?:wordt|worden)\\b.{0,120}\\b(?:aangeboden|toegestuurd|verstrekt|een voorstel gedaan)\\b"),
                    "aangeboden", "toegestuurd", "verstrekt", "een voorstel gedaan"),
            // A member of the government or the cabinet as the subject of "zal": "De minister van
            // BZK zal zo spoedig mogelijk starten met de wervingsprocedure".
            CuedPattern.of(Pattern.compile("^(?:De |Het )?(?:[Mm]inister|[Ss]taatssecretaris|[Kk]abinet)\\b[^.,;]{0,40}?\\b(?:zal|gaat)\\b"),
                    "zal", "gaat"));
    /** An expectation is not a promise: "Ik verwacht niettemin dat ... ruimhartiger wordt geïnformeerd". */
    private static final Pattern EXPECTATION = Pattern.compile("^(?:Ik|We|Wij) verwacht");
    /**
     * A routine is not a promise: "Met de publicatie wordt de Kamer jaarlijks geïnformeerd over ..."
     * says what a publication does, every year, not what the government commits to now.
     */
    private static final CuedPattern ROUTINE = CuedPattern.of(Pattern.compile(
            "\\b(?:wordt|worden)\\b.{0,60}\\b(?:jaarlijks|periodiek|maandelijks|elk jaar|ieder jaar)\\b.{0,40}\\bge[iï]nformeerd\\b"),
            "nformeerd");
    /** Past reports are facts, not promises: "De Tweede Kamer is hierover geïnformeerd". */
    private static final CuedPattern ALREADY_DONE = CuedPattern.of(
            Pattern.compile("\\b(?:is|zijn) (?:hierover )?ge[iï]nformeerd\\b|\\bwaarover\\b.*\\bis ge[iï]nformeerd"), "nformeerd");
    private static final Pattern GOVERNMENT_MEMBER = Pattern.compile("(?i)(staatssecretaris|minister)\\b.*");

    public Optional<CommitmentFact> extract(Sentence sentence, List<DeadlineFact> deadlines,
                                            List<OrganisationFact> organisations, List<PersonFact> persons) {
        return extract(sentence, deadlines, organisations, persons, List.of());
    }

    /**
     * @param offices the offices the sentence names ({@link OfficeFinder}); the first is the one that
     *                commits ("geïnformeerd door de minister van BZK mede namens de minister van JenV")
     */
    public Optional<CommitmentFact> extract(Sentence sentence, List<DeadlineFact> deadlines,
                                            List<OrganisationFact> organisations, List<PersonFact> persons,
                                            List<Office> offices) {
        if (sentence.column() != Column.STAND_VAN_ZAKEN) {
            return Optional.empty();
        }
        String text = sentence.text();
        if (PROMISES.stream().noneMatch(p -> p.find(text)) || EXPECTATION.matcher(text).find() || ALREADY_DONE.find(text) && !text.contains("oegezegd")
                || ROUTINE.find(text)) {
            return Optional.empty();
        }
        DeadlineFact deadline = deadlines.isEmpty() ? null : deadlines.get(0);
        Organisation by = organisations.stream().filter(OrganisationFact::responsible)
                .map(OrganisationFact::organisation).findFirst().orElse(null);
        // Only a member of the government commits: "staatssecretaris Van Huffelen", not "het lid Segers".
        Person person = persons.stream()
                .filter(p -> GOVERNMENT_MEMBER.matcher(p.evidence().text()).matches())
                .map(PersonFact::person).findFirst().orElse(null);
        Office office = offices.isEmpty() ? null : offices.get(0);
        return Optional.of(new CommitmentFact(deadline, by, person, office, sentence.evidence()));
    }
}
