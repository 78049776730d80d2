package nl.actiegraaf.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML character references that occur in exported report text ("&amp;", "&#233;", "&eacute;"). */
final class HtmlEntities {
    private static final Pattern REFERENCE = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,8}));");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("euro", "\u20AC"),
            Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("hellip", "\u2026"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("bull", "\u2022"), Map.entry("shy", ""),
            Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("euml", "ë"), Map.entry("ecirc", "ê"),
            Map.entry("aacute", "á"), Map.entry("agrave", "à"), Map.entry("auml", "ä"), Map.entry("iuml", "ï"),
            Map.entry("iacute", "í"), Map.entry("ouml", "ö"), Map.entry("oacute", "ó"), Map.entry("uuml", "ü"),
            Map.entry("uacute", "ú"), Map.entry("ccedil", "ç"), Map.entry("Eacute", "É"), Map.entry("sup1", "\u00B9"),
            Map.entry("sup2", "\u00B2"), Map.entry("sup3", "\u00B3"), Map.entry("deg", "°"), Map.entry("sect", "§"));

    private HtmlEntities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            try {
                if (m.group(1) != null) {
                    replacement = Character.toString(Integer.parseInt(m.group(1)));
                } else if (m.group(2) != null) {
                    replacement = Character.toString(Integer.parseInt(m.group(2), 16));
                } else {
                    replacement = NAMED.getOrDefault(m.group(3), m.group());
                }
            } catch (IllegalArgumentException notACodePoint) {
                // leave a reference to no character as it was
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
