package nl.actiegraaf.link.tk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The requests the linkset needs from the gegevensmagazijn: per dossier, the Documents with the wanted
 * Volgnummers, with everything the join reads expanded in the same answer (so one motion costs no
 * extra requests). The Toevoeging is not filtered here: the join checks it, so a page that also holds
 * {@code 35000-IX} when {@code 35000} was asked for cannot be linked wrongly.
 */
public final class TkApi {
    public static final String DEFAULT_BASE = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/";

    /** At most this many Volgnummers per request, so a URL stays well below servers' limits. */
    static final int NUMBERS_PER_REQUEST = 20;

    static final String EXPAND = "DocumentVersie($select=ExterneIdentifier,Verwijderd),Kamerstukdossier,"
            + "Zaak($expand=ZaakActor($expand=Persoon,Fractie),"
            + "Besluit($expand=Stemming($expand=Persoon,Fractie),Agendapunt($expand=Activiteit)))";

    private TkApi() {
    }

    /** The first page of each request for {@code papers} (dossier key, number), against {@code base}. */
    public static List<URI> documentRequests(URI base, List<KamerstukRef> papers) {
        SortedMap<String, SortedSet<Integer>> byDossier = new TreeMap<>();
        for (KamerstukRef paper : papers) {
            byDossier.computeIfAbsent(paper.dossier(), d -> new TreeSet<>()).add(paper.number());
        }
        List<URI> requests = new ArrayList<>();
        for (Map.Entry<String, SortedSet<Integer>> dossier : byDossier.entrySet()) {
            String number = dossier.getKey().replaceFirst("-.*$", "");
            if (!number.matches("\\d{1,9}")) {
                continue; // the graph only holds digit dossiers; anything else cannot be asked for
            }
            List<Integer> numbers = new ArrayList<>(dossier.getValue());
            for (int from = 0; from < numbers.size(); from += NUMBERS_PER_REQUEST) {
                List<Integer> chunk = numbers.subList(from, Math.min(numbers.size(), from + NUMBERS_PER_REQUEST));
                String filter = "Verwijderd eq false and Kamerstukdossier/any(d: d/Nummer eq " + number + ") and ("
                        + chunk.stream().map(n -> "Volgnummer eq " + n).collect(Collectors.joining(" or ")) + ")";
                requests.add(base.resolve("Document?$filter=" + encode(filter) + "&$expand=" + encode(EXPAND)
                        + "&$orderby=Volgnummer"));
            }
        }
        return requests;
    }

    /** For messages: which dossier a request asks for ("dossier 35510"). */
    public static String describe(URI request) {
        String query = request.getQuery() == null ? "" : request.getQuery();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("d/Nummer eq (\\d+)").matcher(query);
        return m.find() ? "dossier " + m.group(1) : request.getPath();
    }

    /** Percent-encoding as OData servers expect it (a space is %20, not +). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The base as a directory URI (a trailing slash), so relative entity sets resolve under it. */
    public static URI base(String value) {
        return URI.create(value.endsWith("/") ? value : value + "/");
    }
}
