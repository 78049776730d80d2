package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.OrganisationFact;
import nl.actiegraaf.extract.NameMatcher.Hit;

/**
 * Finds the bodies of the register in one sentence and decides which of them carries the action.
 * A body is responsible ({@code ag:verantwoordelijke}) where the sentence makes it the actor:
 * it opens the sentence as subject ("De Belastingdienst werkt ...", "Het ministerie van BZK heeft
 * hierin een coördinerende rol"), or stands in "heeft de minister van SZW ... gestuurd", "onder
 * coördinatie van de staatssecretaris van BZK", "in opdracht van het ministerie van BZK",
 * "door de minister van BZK geïnformeerd". Every other body is involved ({@code ag:betrokkene}).
 */
public final class OrganisationExtractor {
    /** Text before a body that makes it the sentence's subject. */
    private static final Pattern SUBJECT_START = Pattern.compile(
            "^(?:[Hh]et |[Dd]e )?(?:(?:[Mm]inisterie|[Mm]inisters?|[Ss]taatssecretaris) van )?$");
    /** Text before a body that makes it the actor further on in the sentence. */
    private static final Pattern ACTOR_BEFORE = Pattern.compile(
            "(?:(?:heeft|hebben|zal|zullen|gaat) de (?:[Mm]inister|[Ss]taatssecretaris) van "
                    + "|onder (?:coördinatie|verantwoordelijkheid|leiding) van (?:de|het) (?:[Mm]inister|[Ss]taatssecretaris|ministerie) van "
                    + "|[Ii]n opdracht van het ministerie van "
                    + "|door (?:de |het )?(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inisterie) van "
                    + "|(?:die|dat) de (?:[Mm]inister|[Ss]taatssecretaris) van )$");
    /**
     * A present-tense verb right before the body, after a fronted phrase: the subject is inverted
     * ("Aan de hand van concrete casussen houdt de Belastingdienst ...", "Daarvoor investeert de
     * Belastingdienst ..."). Words ending in -t that are no such verb are listed in NOT_A_VERB.
     */
    private static final Pattern INVERTED_SUBJECT = Pattern.compile("\\b(\\p{Ll}{2,}t|zal|zullen) (?:de|het) $");
    private static final java.util.Set<String> NOT_A_VERB = java.util.Set.of("met", "niet", "dat", "tot", "omtrent",
            "naast", "want", "wat", "zodat", "omdat", "opdat", "totdat", "echt", "slecht", "licht", "meest", "best",
            "eerst", "laatst", "heeft", "hebt", "wordt", "is", "moet", "weet", "vindt", "staat", "zit",
            "ontvangt", "krijgt");
    /** A passive verb right after a subject: "De Tweede Kamer wordt ... geïnformeerd" is no actor. */
    private static final Pattern PASSIVE_AFTER = Pattern.compile(
            "^\\s*(?:wordt|worden|is hierover|is geïnformeerd|zijn)\\b"
                    // "De Kamer zal hierover ... bericht worden" (61): a passive future
                    + "|^\\s*(?:zal|zullen)\\b[^.;]{0,120}\\bworden\\b");
    private static final Pattern INFINITIVE_AFTER = Pattern.compile("^\\s+(?!en\\b)\\p{Ll}+en\\b");
    /** "... van JenV en van BZK", "... van BZK en het ministerie van Financiën": a list of actors. */
    private static final Pattern ACTOR_LIST_GAP = Pattern.compile(
            "^\\s*(?:,|en)\\s*(?:het |de )?(?:(?:ministerie |minister |staatssecretaris )?van )?$");
    private static final Pattern MINISTRY_LEAD = Pattern.compile("[Mm]inisterie van ");
    /**
     * A body's name right after "commissie" names a committee, not the body: "de commissie BZK" is
     * the Tweede Kamer's committee for the interior, "Ministeriële Commissie Toeslagen Herstel" a
     * cabinet committee; neither involves BZK or Toeslagen.
     */
    private static final Pattern COMMITTEE_BEFORE = Pattern.compile(
            "(?iu)\\bcommissie\\s+(?:(?:van|voor)\\s+(?:de\\s+|het\\s+)?)?$");
    /**
     * A body named as the author of an advice the text cites is the name of a document, not a party
     * to the action: "de kabinetsreactie op het Raad van State-advies", "in verlengde van nader
     * rapport RvS-advies", "het nader rapport bij het advies van de Raad van State". Asking a body
     * for advice ("advies gevraagd aan de Raad voor de Rechtspraak") still involves it.
     */
    private static final Pattern ADVICE_OF_BEFORE = Pattern.compile("\\b[Hh]et advies van (?:de |het )?$");
    private static final Pattern ADVICE_OF_AFTER = Pattern.compile("^-advies\\b");
    /**
     * "de rol van de Raad van State", "marginale toetsing en rol Raad van State": the body's role is
     * a subject of study (here in a motion quoted for its scope), not a party to the action.
     */
    private static final Pattern ROLE_OF_BEFORE = Pattern.compile("\\brol (?:van )?(?:de |het )?$");
    /**
     * The chamber a government report speaks to: "de Kamer", "Uw Kamer", "de nieuwe Kamer" is the
     * Tweede Kamer (the report is sent to it); "de Kamers", "beide Kamers" are both chambers.
     * "Tweede Kamer" and "Eerste Kamer" are register names, found (and taken) before this.
     */
    private static final Pattern CHAMBER = Pattern.compile(
            "\\b(?:[Dd]e|[Uu]w|[Dd]eze|[Bb]eide|[Dd]e nieuwe|[Dd]e beide)\\s+Kamer(s?)\\b");
    private static final String TWEEDE_KAMER = "tweede-kamer";
    private static final String EERSTE_KAMER = "eerste-kamer";
    /** Before a list-only name ("No"): a comma or "en" that continues an enumeration. */
    private static final Pattern LIST_BEFORE = Pattern.compile("(?:,|\\ben)\\s*$");

    private final OrganisationRegister register;

    public OrganisationExtractor(OrganisationRegister register) {
        this.register = register;
    }

    /**
     * Bodies named in {@code sentence}, each once per sentence.
     *
     * @param masked phrases already read as something else (a Kamerstuk reference), not searched
     */
    public List<OrganisationFact> extract(Sentence sentence, Collection<String> masked) {
        String text = Masking.mask(sentence.text(), masked);
        NameMatcher.Text names = NameMatcher.in(text);
        List<Hit> taken = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        List<Found> mentioned = new ArrayList<>();
        for (OrganisationRegister.Name name : register.names()) {
            if (name.listOnly() && !mayBeListed(text, name.text())) {
                continue; // a one-letter name ("T") has no pair of chars for NameMatcher to pre-check
            }
            for (Hit hit : names.find(name.text())) {
                if (NameMatcher.overlaps(taken, hit)) {
                    continue;
                }
                if (name.listOnly() && !inList(text, hit, taken)) {
                    continue;
                }
                taken.add(hit);
                String before = text.substring(0, hit.start());
                if (COMMITTEE_BEFORE.matcher(before).find()) {
                    continue; // the words are taken: no shorter name matches inside the committee's name
                }
                if (ADVICE_OF_BEFORE.matcher(before).find() || ADVICE_OF_AFTER.matcher(text.substring(hit.end())).find()
                        || ROLE_OF_BEFORE.matcher(before).find()) {
                    // a document or a topic, taken likewise: no party, but still named (ag:noemt)
                    mentioned.add(new Found(name.organisation(), hit));
                    continue;
                }
                found.add(new Found(name.organisation(), hit));
            }
        }
        findChambers(text, taken, found);
        found.sort(Comparator.comparingInt(f -> f.hit().start()));
        List<OrganisationFact> facts = new ArrayList<>();
        Found previousActor = null;
        for (Found f : found) {
            boolean sameWords = previousActor != null && previousActor.hit().equals(f.hit()); // "beide Kamers": two bodies
            boolean responsible = sameWords || isActor(text, f.hit())
                    || previousActor != null && previousActor.hit().end() <= f.hit().start()
                    && ACTOR_LIST_GAP.matcher(text.substring(previousActor.hit().end(), f.hit().start())).matches();
            previousActor = responsible ? f : null;
            boolean seen = facts.stream().anyMatch(x -> x.organisation().equals(f.organisation()));
            if (seen && !responsible) {
                continue;
            }
            if (seen) {
                facts.removeIf(x -> x.organisation().equals(f.organisation()));
            }
            facts.add(new OrganisationFact(f.organisation(), responsible, sentence.phrase(f.hit().text())));
        }
        for (Found f : mentioned) {
            if (facts.stream().noneMatch(x -> x.organisation().equals(f.organisation()))) {
                facts.add(new OrganisationFact(f.organisation(), false, true, sentence.phrase(f.hit().text())));
            }
        }
        return facts;
    }

    /** "de Kamer", "Uw Kamer": the Tweede Kamer; "de Kamers", "beide Kamers": both chambers. */
    private void findChambers(String text, List<Hit> taken, List<Found> found) {
        if (!text.contains("Kamer")) {
            return;
        }
        Matcher m = CHAMBER.matcher(text);
        while (m.find()) {
            int start = m.start() + m.group().lastIndexOf("Kamer");
            Hit hit = new Hit(start, m.end(), text.substring(start, m.end()));
            if (NameMatcher.overlaps(taken, hit)) {
                continue;
            }
            taken.add(hit);
            List<String> chambers = m.group(1).isEmpty() ? List.of(TWEEDE_KAMER) : List.of(TWEEDE_KAMER, EERSTE_KAMER);
            for (String code : chambers) {
                register.find(code).ifPresent(o -> found.add(new Found(o, hit)));
            }
        }
    }

    private record Found(Organisation organisation, Hit hit) {
    }

    private static boolean isActor(String text, Hit hit) {
        // "In opdracht van het ministerie van BZK": the register's name "ministerie van BZK" holds
        // words the patterns expect before the body, so they are read as part of the context.
        Matcher lead = MINISTRY_LEAD.matcher(hit.text());
        String before = text.substring(0, hit.start()) + (lead.lookingAt() ? lead.group() : "");
        String after = text.substring(hit.end());
        if (SUBJECT_START.matcher(before).matches()) {
            // A singular body followed by an infinitive is no subject: "Venetië-Commissie verzoeken
            // om advies ..." quotes a motion. "X en Y faciliteren" coordinates, "De ministers van" is plural.
            boolean infinitive = INFINITIVE_AFTER.matcher(after).find() && !before.contains("ministers");
            return !PASSIVE_AFTER.matcher(after).find() && !infinitive;
        }
        if (ACTOR_BEFORE.matcher(before).find()) {
            return true;
        }
        Matcher inverted = INVERTED_SUBJECT.matcher(before);
        return inverted.find() && !NOT_A_VERB.contains(inverted.group(1))
                && !PASSIVE_AFTER.matcher(after).find();
    }

    /** Whether {@code name} stands anywhere after a comma, "en" or a slash: the places {@link #inList} accepts. */
    private static boolean mayBeListed(String text, String name) {
        return text.contains("," + name) || text.contains(", " + name) || text.contains("en " + name)
                || text.contains("/" + name);
    }

    /**
     * "Belastingdienst, Toeslagen en Douane, No, hoogste bestuursrechters": a list of bodies. Bodies
     * joined by a slash are a list too: "Samenwerking BD/T met opdrachtgevers" is the Belastingdienst
     * and Toeslagen; the name before the slash must itself be a body found ({@code taken}).
     */
    private static boolean inList(String text, Hit hit, List<Hit> taken) {
        String before = text.substring(0, hit.start());
        if (before.endsWith("/")) {
            return taken.stream().anyMatch(t -> t.end() == hit.start() - 1);
        }
        if (!LIST_BEFORE.matcher(before).find()) {
            return false;
        }
        String window = before.substring(Math.max(0, before.length() - 80));
        return window.chars().filter(c -> c == ',').count() >= 1;
    }
}
