package nl.actiegraaf.link.tk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads one OData v4 JSON page of {@code Document} entities (with {@code DocumentVersie},
 * {@code Kamerstukdossier} and {@code Zaak} expanded, Zaak with {@code ZaakActor}, {@code Besluit},
 * Besluit with {@code Stemming} and {@code Agendapunt/Activiteit}) into {@link TkRecords}.
 *
 * <p>Wrong data never throws past a record: an entity without an {@code Id}, or a field of the wrong
 * type, is left out and named in {@link TkPage#problems()}. Only a page that is no JSON at all, or
 * no OData collection, is refused as a whole ({@link TkPageException}).
 */
public final class TkPageReader {
    /** Pages are small (the API sends at most 250 entities); deeper or bigger is no answer of the API. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1_000_000).build())
            .build());

    private final String origin;
    private final String serviceRoot;
    private final List<String> problems = new ArrayList<>();

    private TkPageReader(String origin, String serviceRoot) {
        this.origin = origin;
        this.serviceRoot = serviceRoot;
    }

    /** Parses {@code bytes}, named {@code origin} in messages. */
    public static TkPage read(byte[] bytes, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new TkPageException(origin + where + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new TkPageException(origin + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("value").isArray()) {
            throw new TkPageException(origin + ": not an OData collection page (no \"value\" array)");
        }
        String context = text(root, "@odata.context");
        if (context != null && !context.contains("$metadata#Document")) {
            throw new TkPageException(origin + ": a page of " + context.replaceFirst(".*\\$metadata#", "")
                    + ", not of Document");
        }
        String serviceRoot = context == null ? TkApi.DEFAULT_BASE : context.replaceFirst("\\$metadata#.*$", "");
        TkPageReader reader = new TkPageReader(origin, serviceRoot);
        List<TkRecords.Document> documents = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("value")) {
            TkRecords.Document document = reader.document(node, index++);
            if (document != null) {
                documents.add(document);
            }
        }
        return new TkPage(origin, text(root, "@odata.nextLink"), List.copyOf(documents), List.copyOf(reader.problems));
    }

    private TkRecords.Document document(JsonNode node, int index) {
        String id = text(node, "Id");
        if (id == null) {
            problems.add(origin + ": value[" + index + "]: a Document without Id, left out");
            return null;
        }
        if (deleted(node)) {
            return null;
        }
        List<String> externalIds = new ArrayList<>();
        for (JsonNode version : array(node, "DocumentVersie")) {
            String external = text(version, "ExterneIdentifier");
            if (external != null && !deleted(version)) {
                externalIds.add(external.strip());
            }
        }
        List<TkRecords.Dossier> dossiers = new ArrayList<>();
        for (JsonNode dossier : array(node, "Kamerstukdossier")) {
            Integer number = integer(dossier, "Nummer", "Document " + id);
            if (number != null && !deleted(dossier)) {
                dossiers.add(new TkRecords.Dossier(number, text(dossier, "Toevoeging")));
            }
        }
        return new TkRecords.Document(id, odataId(node, "Document", id), text(node, "Soort"),
                text(node, "DocumentNummer"), integer(node, "Volgnummer", "Document " + id), text(node, "Datum"),
                List.copyOf(externalIds), List.copyOf(dossiers), list(node, "Zaak", this::zaak), origin);
    }

    private TkRecords.Zaak zaak(JsonNode node) {
        String id = text(node, "Id");
        if (id == null || deleted(node)) {
            return null;
        }
        return new TkRecords.Zaak(id, odataId(node, "Zaak", id), text(node, "Nummer"), text(node, "Soort"),
                text(node, "GestartOp"), text(node, "Kabinetsappreciatie"),
                list(node, "ZaakActor", this::actor), list(node, "Besluit", this::besluit));
    }

    private TkRecords.Actor actor(JsonNode node) {
        if (deleted(node)) {
            return null;
        }
        return new TkRecords.Actor(text(node, "Relatie"), text(node, "ActorNaam"), text(node, "ActorFractie"),
                persoon(node.path("Persoon")), fractie(node.path("Fractie")));
    }

    private TkRecords.Besluit besluit(JsonNode node) {
        String id = text(node, "Id");
        if (id == null || deleted(node)) {
            return null;
        }
        // The date of the vote is the date of the activity (the plenary "Stemmingen") its agenda item is on.
        String date = text(node.path("Agendapunt").path("Activiteit"), "Datum");
        return new TkRecords.Besluit(id, odataId(node, "Besluit", id), text(node, "BesluitSoort"),
                text(node, "BesluitTekst"), text(node, "StemmingsSoort"), text(node, "Status"), date,
                list(node, "Stemming", this::stemming));
    }

    private TkRecords.Stemming stemming(JsonNode node) {
        if (deleted(node)) {
            return null;
        }
        JsonNode vergissing = node.path("Vergissing");
        return new TkRecords.Stemming(text(node, "Soort"), integer(node, "FractieGrootte", "Stemming " + text(node, "Id")),
                text(node, "ActorNaam"), text(node, "ActorFractie"), vergissing.isBoolean() && vergissing.booleanValue(),
                persoon(node.path("Persoon")), fractie(node.path("Fractie")));
    }

    private TkRecords.Persoon persoon(JsonNode node) {
        String id = text(node, "Id");
        if (id == null) {
            return null;
        }
        return new TkRecords.Persoon(id, odataId(node, "Persoon", id), text(node, "Roepnaam"), text(node, "Voornamen"),
                text(node, "Tussenvoegsel"), text(node, "Achternaam"));
    }

    private TkRecords.Fractie fractie(JsonNode node) {
        String id = text(node, "Id");
        if (id == null) {
            return null;
        }
        return new TkRecords.Fractie(id, odataId(node, "Fractie", id), text(node, "Afkorting"), text(node, "NaamNL"));
    }

    /** {@code @odata.id} as given; the API leaves it out under minimal metadata, then it is the canonical URL. */
    private String odataId(JsonNode node, String entitySet, String id) {
        String given = text(node, "@odata.id");
        if (given != null) {
            return given.startsWith("http") ? given : serviceRoot + given;
        }
        return serviceRoot + entitySet + "(" + id + ")";
    }

    private static boolean deleted(JsonNode node) {
        return node.path("Verwijderd").asBoolean(false);
    }

    private <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        for (JsonNode child : array(node, field)) {
            T item = read.apply(child);
            if (item != null) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    /** A navigation property as a list: a collection, a single entity, or nothing. */
    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isArray()) {
            return value;
        }
        return value.isObject() ? List.of(value) : List.of();
    }

    private Integer integer(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().strip().matches("\\d{1,9}")) {
            return Integer.valueOf(value.textValue().strip());
        }
        if (!value.isMissingNode() && !value.isNull()) {
            problems.add(origin + ": " + what + ": " + field + " is not a number (" + abbreviate(value.toString()) + ")");
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            String text = value.textValue().strip();
            return text.isEmpty() ? null : text;
        }
        return value.isNumber() || value.isBoolean() ? value.asText() : null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Lower-cased, for comparing the API's labels ("Stemmen - aangenomen"). */
    static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
