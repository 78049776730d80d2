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
 * "Het streven is dat ...", "... zal het kabinet u nader informeren". The description column
 * states the actions themselves and is not searched.
 */
public final class CommitmentExtractor {
    private static final Pattern PROMISE = Pattern.compile(
            "\\b(?:[Tt]oegezegd|toezegt|[Vv]olgt|[Ss]treven is|[Hh]et streven is)\\b"
                    + "|\\b(?:wordt|worden)\\b.{0,160}\\bge[iï]nformeerd\\b"
                    + "|\\bzal\\b.{0,120}\\b(?:informeren|rapporteren|sturen|toesturen|zenden)\\b"
                    + "|\\bbericht worden\\b|\\bwordt\\b.{0,80}\\bgerapporteerd\\b"
                    + "|^[Ii]nzet is\\b|\\bplanning is erop gericht\\b"
                    + "|\\b(?:wordt|worden)\\b.{0,120}\\b(?:aangeboden|toegestuurd|verstrekt|een voorstel gedaan)\\b");
    /** An expectation is not a promise: "Ik verwacht niettemin dat ... ruimhartiger wordt geïnformeerd". */
    private static final Pattern EXPECTATION = Pattern.compile("^(?:Ik|We|Wij) verwacht");
    /** Past reports are facts, not promises: "De Tweede Kamer is hierover geïnformeerd". */
    private static final Pattern ALREADY_DONE = Pattern.compile("\\b(?:is|zijn) (?:hierover )?ge[iï]nformeerd\\b|\\bwaarover\\b.*\\bis ge[iï]nformeerd");

    public Optional<CommitmentFact> extract(Sentence sentence, List<DeadlineFact> deadlines,
                                            List<OrganisationFact> organisations, List<PersonFact> persons) {
        if (sentence.column() != Column.STAND_VAN_ZAKEN) {
            return Optional.empty();
        }
        String text = sentence.text();
        if (!PROMISE.matcher(text).find() || EXPECTATION.matcher(text).find() || ALREADY_DONE.matcher(text).find() && !text.contains("oegezegd")) {
            return Optional.empty();
        }
        DeadlineFact deadline = deadlines.isEmpty() ? null : deadlines.get(0);
        Organisation by = organisations.stream().filter(OrganisationFact::responsible)
                .map(OrganisationFact::organisation).findFirst().orElse(null);
        // Only a member of the government commits: "staatssecretaris Van Huffelen", not "het lid Segers".
        Person person = persons.stream()
                .filter(p -> p.evidence().text().matches("(?i)(staatssecretaris|minister)\\b.*"))
                .map(PersonFact::person).findFirst().orElse(null);
        return Optional.of(new CommitmentFact(deadline, by, person, sentence.evidence()));
    }
}
