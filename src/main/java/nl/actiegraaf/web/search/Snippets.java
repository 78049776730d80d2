package nl.actiegraaf.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sentence of a text that shows why it matched, HTML-escaped, with the matching words in
 * {@code <mark>}: the only markup in a snippet, so a client can insert it as HTML.
 */
final class Snippets {
    static final int MAX = 320;

    private Snippets() {
    }

    /** A span of the text to mark. */
    record Span(int start, int end) {
    }

    /** The sentence with the most words of the query ({@link TextSyntax#stems}, prefixes), those words marked. */
    static String forWords(String text, Set<String> stems, Set<String> prefixes) {
        List<Span> marks = new ArrayList<>();
        for (TextSyntax.Token token : TextSyntax.tokens(text)) {
            String word = text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
            if (stems.contains(token.term()) || prefixes.stream().anyMatch(word::startsWith)) {
                marks.add(new Span(token.start(), token.end()));
            }
        }
        return best(text, marks);
    }

    /** The sentence holding {@code words} (the report's words for a fact), those marked; else the first sentence. */
    static String forPhrase(String text, String words) {
        List<Span> marks = new ArrayList<>();
        if (words != null && !words.isBlank()) {
            int at = text.indexOf(words);
            if (at < 0) {
                at = text.toLowerCase(Locale.ROOT).indexOf(words.toLowerCase(Locale.ROOT));
            }
            if (at >= 0 && words.length() <= 80) {
                marks.add(new Span(at, at + words.length()));
            } else if (at >= 0 || words.length() > 80) {
                // the words are a sentence of their own: show it, unmarked
                return escapeCut(words, List.of(), 0, words.length());
            }
        }
        return best(text, marks);
    }

    private static String best(String text, List<Span> marks) {
        List<Span> sentences = sentences(text);
        Span chosen = sentences.isEmpty() ? new Span(0, text.length()) : sentences.get(0);
        int most = 0;
        for (Span sentence : sentences) {
            int count = (int) marks.stream().filter(m -> m.start() >= sentence.start() && m.end() <= sentence.end()).count();
            if (count > most) {
                most = count;
                chosen = sentence;
            }
        }
        return escapeCut(text, marks, chosen.start(), chosen.end());
    }

    static List<Span> sentences(String text) {
        return nl.actiegraaf.web.Sentences.of(text).stream().map(x -> new Span(x.start(), x.end())).toList();
    }

    /** The escaped text from {@code start} to {@code end}, at most {@link #MAX} characters around the first mark. */
    private static String escapeCut(String text, List<Span> marks, int start, int end) {
        String prefix = "";
        String suffix = "";
        if (end - start > MAX) {
            int first = marks.stream().filter(m -> m.start() >= start && m.end() <= end).mapToInt(Span::start).findFirst().orElse(start);
            int from = Math.max(start, Math.min(first - MAX / 3, end - MAX));
            from = wordStart(text, from, start);
            int to = Math.min(end, from + MAX);
            to = wordEnd(text, to, end);
            prefix = from > start ? "… " : "";
            suffix = to < end ? " …" : "";
            return prefix + marked(text, marks, from, to) + suffix;
        }
        return prefix + marked(text, marks, start, end) + suffix;
    }

    private static int wordStart(String text, int at, int floor) {
        while (at > floor && !Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    private static int wordEnd(String text, int at, int ceiling) {
        while (at < ceiling && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String marked(String text, List<Span> marks, int from, int to) {
        StringBuilder html = new StringBuilder();
        int at = from;
        for (Span mark : marks) {
            if (mark.start() < at || mark.end() > to) {
                continue;
            }
            html.append(escape(text.substring(at, mark.start()))).append("<mark>")
                    .append(escape(text.substring(mark.start(), mark.end()))).append("</mark>");
            at = mark.end();
        }
        return html.append(escape(text.substring(at, to))).toString().strip();
    }

    static String escape(String text) {
        return nl.actiegraaf.web.Html.escape(text);
    }
}
