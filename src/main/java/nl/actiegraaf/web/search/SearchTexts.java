package nl.actiegraaf.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search's messages in one language, from {@code web/i18n/zoek.{lang}.json} (read once, at start). */
record SearchTexts(String lang, Map<String, String> texts) {
    static final List<String> LANGUAGES = List.of("nl", "en");

    private static final Map<String, SearchTexts> ALL = all();

    static SearchTexts of(String lang) {
        return ALL.getOrDefault(lang, ALL.get("nl"));
    }

    static Map<String, SearchTexts> all() {
        Map<String, SearchTexts> all = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            all.put(lang, load(lang));
        }
        return all;
    }

    static SearchTexts load(String lang) {
        String name = "web/i18n/zoek." + lang + ".json";
        try (InputStream in = SearchTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> texts = new LinkedHashMap<>();
            root.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
            return new SearchTexts(lang, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no text '" + key + "' in web/i18n/zoek." + lang + ".json");
        }
        return text;
    }

    String format(String key, Object... values) {
        return String.format(get(key), values);
    }
}
