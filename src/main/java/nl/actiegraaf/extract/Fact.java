package nl.actiegraaf.extract;

import java.time.LocalDate;

/**
 * One fact read from an action's text. Every fact keeps its {@link Evidence}: the phrase or
 * sentence it was read from. The RDF mapping lives in {@code nl.actiegraaf.rdf.FactWriter}.
 */
public sealed interface Fact {
    Evidence evidence();

    /** The action carries out this motion ({@code carriedOut}) or only names it. */
    record MotionFact(Motion motion, boolean carriedOut, Evidence evidence) implements Fact {
    }

    /** The action names this Kamerstuk. */
    record KamerstukFact(Kamerstuk paper, Evidence evidence) implements Fact {
    }

    /** A body the action involves; {@code responsible} when the text says it carries the action. */
    record OrganisationFact(Organisation organisation, boolean responsible, Evidence evidence) implements Fact {
    }

    /** A person the action's text names. */
    record PersonFact(Person person, Evidence evidence) implements Fact {
    }

    /**
     * A date by which something is to happen. {@code evidence.text()} is the time expression,
     * {@code sentence} the sentence it stands in.
     *
     * @param date the last day by which
     * @param from the first day of the period, or null when the expression names a single day
     */
    record DeadlineFact(LocalDate date, LocalDate from, String sentence, Evidence evidence) implements Fact {
    }

    /** Something that already happened on a date ("Op 30 april jl. heeft ..."); evidence is the sentence. */
    record EventFact(LocalDate date, Evidence evidence) implements Fact {
    }

    /**
     * A commitment of the government; evidence is the sentence.
     *
     * @param deadline      the deadline the sentence sets, or null
     * @param byOrganisation the body that committed, or null
     * @param byPerson       the person who committed, or null
     */
    record CommitmentFact(DeadlineFact deadline, Organisation byOrganisation, Person byPerson,
                          Evidence evidence) implements Fact {
    }

    /** The action's status and the sentence that decided it (null evidence text only for an empty status). */
    record StatusFact(Status status, Evidence evidence) implements Fact {
    }

    /** The action refers to another action ("zie actie 18"). */
    record ReferenceFact(int action, Evidence evidence) implements Fact {
    }

    enum Status { AFGEROND, LOPEND, NIET_GESTART, ONBEKEND }
}
