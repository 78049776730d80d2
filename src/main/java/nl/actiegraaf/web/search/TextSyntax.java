package nl.actiegraaf.web.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.text.analyzer.Util;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The search words as the store's text index reads them: Lucene's classic query syntax and the Dutch
 * analyser the index was built with ({@code fuseki-config/actiegraaf.ttl}, {@code text:LocalizedAnalyzer "nl"}).
 * A text is parsed here first, so one the index cannot read becomes a message, not a failed store query.
 */
final class TextSyntax {
    /** The same analyser as the index: stems and stop words match what the index holds. */
    static final Analyzer ANALYZER = Util.getLocalizedAnalyzer("nl");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+\\*?");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

    private TextSyntax() {
    }

    /** Why Lucene cannot read {@code q}, or empty when it can. */
    static Optional<String> problem(String q) {
        try {
            new QueryParser("tekst", ANALYZER).parse(q);
            return Optional.empty();
        } catch (ParseException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            int cut = message.indexOf('\n');
            return Optional.of(cut < 0 ? message : message.substring(0, cut));
        }
    }

    /**
     * The words of {@code q} without syntax, as a query Lucene always reads: operators written as words
     * ({@code AND}) become a phrase of that word, a trailing {@code *} (prefix) is kept.
     */
    static String plainWords(String q) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String word = m.group();
            words.add(OPERATORS.contains(word) ? "\"" + word + "\"" : word);
        }
        return String.join(" ", words);
    }

    /** The words of {@code q} without syntax or operators, for fuzzy suggestions. */
    static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String word = m.group().replace("*", "");
            if (!OPERATORS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** What the index holds for the words of {@code q}: their stems (stop words dropped). */
    static Set<String> stems(String q) {
        Set<String> stems = new LinkedHashSet<>();
        for (Token token : tokens(String.join(" ", words(q)))) {
            stems.add(token.term());
        }
        return stems;
    }

    /** The prefixes of {@code q}'s prefix words ({@code opvang*}), lower case. */
    static Set<String> prefixes(String q) {
        Set<String> prefixes = new LinkedHashSet<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            if (m.group().endsWith("*")) {
                prefixes.add(m.group().substring(0, m.group().length() - 1).toLowerCase(Locale.ROOT));
            }
        }
        return prefixes;
    }

    /** A word of a text as the analyser reads it: its index term and where it stands in the text. */
    record Token(String term, int start, int end) {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("tekst", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return tokens;
    }
}
