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

    /**
     * A body the action names: {@code responsible} when the text says it carries the action,
     * {@code mentionedOnly} when it is only named (the author of a cited advice, a topic, "de Kamer"
     * informed) and is no party to it (ag:noemt, not ag:betrokkene).
     */
    record OrganisationFact(Organisation organisation, boolean responsible, boolean mentionedOnly, Evidence evidence)
            implements Fact {
        public OrganisationFact(Organisation organisation, boolean responsible, Evidence evidence) {
            this(organisation, responsible, false, evidence);
        }
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
     * @param anchor what a relative deadline ("binnen één week") counts from, or null
     * @param doubted the text itself calls the date unrealistic ("te optimistisch"): kept, flagged
     */
    record DeadlineFact(LocalDate date, LocalDate from, String sentence, Evidence evidence, Anchor anchor,
                        boolean doubted) implements Fact {
        public DeadlineFact(LocalDate date, LocalDate from, String sentence, Evidence evidence) {
            this(date, from, sentence, evidence, null, false);
        }
    }

    /**
     * The text says a deadline was met, by a dated event ("Bij brief van 8 april ... waarmee deel 2
     * van motie Marijnissen, nr. 21, is afgedaan"); evidence is that sentence.
     */
    record FulfilmentFact(DeadlineFact deadline, EventFact event, Evidence evidence) implements Fact {
    }

    /**
     * How far the action has carried out one motion (or part) it carries out, where the text says
     * so for that motion ("waarmee deel 2 van motie Marijnissen, nr. 21, is afgedaan"); evidence
     * is that sentence. The action's own status is a separate fact.
     */
    record MotionStatusFact(Motion motion, Status status, Evidence evidence) implements Fact {
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
     * @param byOffice       the office that committed ("de minister van BZK"), or null
     */
    record CommitmentFact(DeadlineFact deadline, Organisation byOrganisation, Person byPerson, Office byOffice,
                          Evidence evidence) implements Fact {
        public CommitmentFact(DeadlineFact deadline, Organisation byOrganisation, Person byPerson, Evidence evidence) {
            this(deadline, byOrganisation, byPerson, null, evidence);
        }
    }

    /** The action's status and the sentence that decided it (null evidence text only for an empty status). */
    record StatusFact(Status status, Evidence evidence) implements Fact {
    }

    /** The action refers to another action ("zie actie 18"). */
    record ReferenceFact(int action, Evidence evidence) implements Fact {
    }

    enum Status { AFGEROND, LOPEND, NIET_GESTART, ONBEKEND }
}
