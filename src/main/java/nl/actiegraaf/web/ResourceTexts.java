package nl.actiegraaf.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The interface texts of the server-written pages (resource pages, {@code /def}, not found, search results)
 * in one language, from {@code web/i18n/bron.{lang}.json}; read once per language.
 */
public record ResourceTexts(String lang, Map<String, String> texts) {
    private static final Map<String, ResourceTexts> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    public static ResourceTexts of(String lang) {
        return LOADED.computeIfAbsent(lang.equals("en") ? "en" : "nl", ResourceTexts::load);
    }

    private static ResourceTexts load(String lang) {
        String name = "web/i18n/bron." + lang + ".json";
        try (InputStream in = ResourceTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Map<String, String> texts = new LinkedHashMap<>();
            flatten("", new ObjectMapper().readTree(in), texts);
            return new ResourceTexts(lang, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** The text of {@code key}; a missing key is a bug in the page, not in the request. */
    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no text '" + key + "' in web/i18n/bron." + lang + ".json");
        }
        return text;
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(texts.get(key));
    }
}
