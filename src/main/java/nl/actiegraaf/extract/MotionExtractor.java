package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.MotionFact;

/**
 * Finds motions in one sentence. The report cites the motions of the debate of 19 January 2021
 * (dossier 35510) as "(NR. 7 Motie Wilders)", "(NR 21 Motie Marijnissen cs, deel 1)",
 * "(NR 12. Motie Omtzigt/Van Dam)", in the status text also as "motie Omtzigt cs NR. 11" and
 * "deel 2 van motie Marijnissen, nr. 21"; motions of other dossiers as
 * "motie-Dassen c.s. (28362, nr. 53)"; and some only by submitter ("motie Lodders/Van Weyenberg"),
 * which {@link FactExtractor} ties to a numbered motion of the same report where it can.
 * A motion in the description is carried out by the action; in the status text it is only named.
 */
public final class MotionExtractor {
    /** The dossier of the POK debate's motions, which the report cites by number only. */
    public static final String POK_DOSSIER = "35510";

    private static final String NAME = "(?:(?:[Vv]an (?:der |den )?|[Dd]e )?\\p{Lu}[\\p{L}]+(?:-\\p{Lu}[\\p{L}]+)?)";
    private static final String NAMES = NAME + "(?:\\s*(?:/|\\ben\\b|-)\\s*" + NAME + ")*";
    private static final String CS = "(?:,?\\s*c\\.?\\s?s\\b\\.?)";

    // Every motion pattern holds "[Mm]otie", its cue (CuedPattern): most sentences name no motion
    // and are then not searched.
    private static final String MOTIE = "otie";
    /** "(NR. 16 Motie Klaver c.s. deel 1)": the body between "Motie" and ")" is parsed apart. */
    private static final CuedPattern NUMBERED = CuedPattern.of(Pattern.compile(
            "\\(?\\s*NR\\.?\\s*(\\d+)\\.?\\s+[Mm]otie\\s+([^()]*?)\\s*\\)"), MOTIE);
    /** "motie Omtzigt cs NR. 11". */
    private static final CuedPattern NAMED_THEN_NUMBER = CuedPattern.of(Pattern.compile(
            "[Mm]otie\\s+(" + NAMES + ")(" + CS + ")?\\s+NR\\.?\\s*(\\d+)"), MOTIE);
    /** "deel 2 van motie Marijnissen, nr. 21", "deel 1 van motie Klaver c.s. nr 16". */
    private static final CuedPattern PART_OF = CuedPattern.of(Pattern.compile(
            "deel\\s+(\\d+)\\s+van\\s+(?:de\\s+)?motie\\s+(" + NAMES + ")(" + CS + ")?,?\\s+nr\\.?\\s*(\\d+)"), MOTIE);
    /** "motie-Dassen c.s. (28362, nr. 53)": a motion of another dossier. */
    private static final CuedPattern WITH_PAPER = CuedPattern.of(Pattern.compile(
            "[Mm]otie[- ](" + NAMES + ")(" + CS + ")?\\s*\\((\\d{2}\\s?\\d{3}),\\s*nr\\.?\\s*(\\d+)\\)"), MOTIE);
    /** "motie Lodders/Van Weyenberg", "motie Segers", "motie Marijnissen II". */
    private static final CuedPattern UNNUMBERED = CuedPattern.of(Pattern.compile(
            "[Mm]otie[- ](" + NAMES + ")(" + CS + ")?"), MOTIE);
    private static final Pattern PART = Pattern.compile(",?\\s*deel\\s+(\\d+)\\s*,?$");
    private static final Pattern TRAILING_CS = Pattern.compile(CS + "\\s*,?$");

    private final PersonRegister persons;

    public MotionExtractor(PersonRegister persons) {
        this.persons = persons;
    }

    /** The motions {@code sentence} cites; unnumbered ones have a null {@link Motion#paper()}. */
    public List<MotionFact> extract(Sentence sentence) {
        String text = sentence.text();
        boolean carriedOut = sentence.column() == Column.OMSCHRIJVING;
        List<MotionFact> facts = new ArrayList<>();
        List<int[]> claimed = new ArrayList<>();
        // The patterns in order, most specific first: a later one does not read again what an earlier one read.
        BiConsumer<CuedPattern, Function<Matcher, Motion>> read = (pattern, motionOf) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (overlaps(claimed, m.start(), m.end())) {
                    continue;
                }
                Motion motion = motionOf.apply(m);
                if (motion != null) {
                    facts.add(new MotionFact(motion, carriedOut, sentence.phrase(m.group().trim())));
                    claimed.add(new int[] {m.start(), m.end()});
                }
            }
        };
        read.accept(NUMBERED, this::numbered);
        read.accept(PART_OF, m -> new Motion(new Kamerstuk(POK_DOSSIER, Integer.parseInt(m.group(4))),
                Integer.valueOf(m.group(1)), submitters(m.group(2)), m.group(3) != null));
        read.accept(NAMED_THEN_NUMBER, m -> new Motion(new Kamerstuk(POK_DOSSIER, Integer.parseInt(m.group(3))), null,
                submitters(m.group(1)), m.group(2) != null));
        read.accept(WITH_PAPER, m -> new Motion(new Kamerstuk(m.group(3).replace(" ", ""), Integer.parseInt(m.group(4))),
                null, submitters(m.group(1)), m.group(2) != null));
        read.accept(UNNUMBERED, m -> {
            List<Person> submitters = knownSubmitters(m.group(1));
            // "motie Inzake ..." or a name nobody registered: not a motion reference
            return submitters.isEmpty() ? null : new Motion(null, null, submitters, m.group(2) != null);
        });
        return facts;
    }

    /** "(NR. 16 Motie Klaver c.s. deel 1)": the number, then the body read apart into submitters, part and c.s. */
    private Motion numbered(Matcher m) {
        String body = m.group(2).trim().replaceAll(",$", "").trim();
        Integer part = null;
        Matcher p = PART.matcher(body);
        if (p.find()) {
            part = Integer.valueOf(p.group(1));
            body = body.substring(0, p.start()).trim();
        }
        boolean cs = false;
        Matcher c = TRAILING_CS.matcher(body);
        if (c.find()) {
            cs = true;
            body = body.substring(0, c.start()).trim();
        }
        return new Motion(new Kamerstuk(POK_DOSSIER, Integer.parseInt(m.group(1))), part, submitters(body), cs);
    }

    /** Submitters of a numbered motion: registered names resolve, others are kept as written. */
    private List<Person> submitters(String names) {
        Set<Person> out = new LinkedHashSet<>();
        for (String name : splitNames(names)) {
            out.add(persons.resolve(name).orElseGet(() -> persons.resolveOrCreate(name)));
        }
        return List.copyOf(out);
    }

    /** Submitters of an unnumbered reference: only registered names count, else it is not a motion. */
    private List<Person> knownSubmitters(String names) {
        Set<Person> out = new LinkedHashSet<>();
        for (String name : splitNames(names)) {
            var person = persons.resolve(name);
            if (person.isEmpty()) {
                // "Marijnissen II" is the register's Marijnissen; "Ploumen-Klaver" two persons.
                String[] words = name.split(" ");
                person = persons.resolve(words[0]);
            }
            person.ifPresent(out::add);
            if (person.isEmpty() && name.contains("-")) {
                for (String piece : name.split("-")) {
                    persons.resolve(piece).ifPresent(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    private List<String> splitNames(String names) {
        List<String> out = new ArrayList<>();
        for (String piece : names.split("\\s*(?:/|\\ben\\b)\\s*")) {
            String name = piece.trim().replaceAll("[,.]+$", "").trim();
            if (name.isEmpty()) {
                continue;
            }
            if (persons.resolve(name).isEmpty() && name.contains("-")) {
                // "Ploumen-Klaver": two members joined by a hyphen, unlike "Van Kooten-Arissen".
                String[] pieces = name.split("-");
                if (java.util.Arrays.stream(pieces).allMatch(x -> persons.resolve(x).isPresent())) {
                    out.addAll(List.of(pieces));
                    continue;
                }
            }
            out.add(name);
        }
        return out;
    }

    private static boolean overlaps(List<int[]> claimed, int start, int end) {
        return claimed.stream().anyMatch(c -> start < c[1] && c[0] < end);
    }
}
