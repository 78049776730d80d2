package nl.actiegraaf.web.search;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search box's text names, read before any full-text search: an action by its number ({@code 12},
 * {@code actie 12}), a motion by dossier and number ({@code 35510-21}, {@code 35510 nr. 21},
 * {@code motie 35510-21}) or by its number alone ({@code nr. 21}, {@code motie 21}), or else words (a name
 * or text). Lucene would split {@code 35510-21} at the hyphen and find everything with "21" in it.
 */
record SearchRequest(Kind kind, String text, OptionalInt number, String dossier) {
    enum Kind { ACTION_NUMBER, MOTION_NUMBER, WORDS }

    private static final Pattern ACTION = Pattern.compile("(?:actie|action|nr\\.? actie)?\\s*#?(\\d{1,5})");
    private static final Pattern MOTION = Pattern.compile(
            "(?:(?:motie|motion|kamerstuk)\\s*)?(\\d{5})(?:\\s*[-,/]\\s*|\\s+)(?:(?:nr|no|nummer)\\.?\\s*)?(\\d{1,4})");
    private static final Pattern MOTION_NUMBER = Pattern.compile(
            "(?:(?:motie|motion)\\s*(?:(?:nr|no|nummer)\\.?\\s*)?|(?:nr|no|nummer)\\.?\\s*)(\\d{1,4})");

    static SearchRequest read(String q) {
        String text = q.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = MOTION.matcher(lower);
        if (m.matches()) {
            return new SearchRequest(Kind.MOTION_NUMBER, text, OptionalInt.of(Integer.parseInt(m.group(2))), m.group(1));
        }
        m = MOTION_NUMBER.matcher(lower);
        if (m.matches()) {
            return new SearchRequest(Kind.MOTION_NUMBER, text, OptionalInt.of(Integer.parseInt(m.group(1))), null);
        }
        m = ACTION.matcher(lower);
        if (m.matches()) {
            return new SearchRequest(Kind.ACTION_NUMBER, text, OptionalInt.of(Integer.parseInt(m.group(1))), null);
        }
        return new SearchRequest(Kind.WORDS, text, OptionalInt.empty(), null);
    }

    /** The motion's identifier as the report writes it: {@code 35510-21}, or {@code nr. 21} without a dossier. */
    String motionName() {
        return dossier == null ? "nr. " + number.getAsInt() : dossier + "-" + number.getAsInt();
    }
}
