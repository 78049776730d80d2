package nl.actiegraaf.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interface texts of one language, from {@code web/i18n/{lang}.json}: the one place every text
 * of the page lives. The server fills {@code {{key}}} in the HTML with them (so the first paint is
 * complete without a script); the scripts read the same file for what they draw.
 */
record PageTexts(String lang, Map<String, String> texts) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");

    static PageTexts load(String lang) {
        try {
            JsonNode root = new ObjectMapper().readTree(PageRoutes.resource("web/i18n/" + lang + ".json"));
            Map<String, String> texts = new LinkedHashMap<>();
            flatten("", root, texts);
            return new PageTexts(lang, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + lang + " texts", e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** The template with every {@code {{key}}} replaced by its escaped text; an unknown key is a bug. */
    String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            String key = m.group(1);
            String text = key.equals("lang") ? lang : texts.get(key);
            if (text == null) {
                throw new IllegalStateException("web/index.html: no text '" + key + "' in web/i18n/" + lang + ".json");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(text)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
