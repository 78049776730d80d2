package nl.actiegraaf.web.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.actiegraaf.web.QueryAdmission;
import nl.actiegraaf.web.StoreFailure;
import nl.actiegraaf.web.WebContext;

/**
 * {@code GET /api/zoek?q=TEXT[&lang=nl|en][&limit=N]}: the page's search box (see {@link Search} and
 * {@link SearchAnswer} for the answer). A text the index cannot read, or that finds nothing, is an answer
 * (200, with {@code melding} and {@code suggestie}), not an error; only a bad parameter is a 400.
 */
public final class SearchRoutes {
    public static final String PATH = nl.actiegraaf.web.api.ApiPaths.SEARCH;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final int MAX_QUERY = 500;
    private static final Set<String> PARAMETERS = Set.of("q", "lang", "limit");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Search search;
    private final QueryAdmission admission;
    private final Map<String, SearchTexts> texts = SearchTexts.all();

    private SearchRoutes(Search search, QueryAdmission admission) {
        this.search = search;
        this.admission = admission;
    }

    /** Registers {@code /api/zoek}; returns the search, for the page's own results page. */
    public static Search register(JavalinConfig config, WebContext context) {
        Search search = new Search(context.store());
        SearchRoutes routes = new SearchRoutes(search, context.admission());
        config.routes.get(PATH, routes::search);
        return search;
    }

    private void search(Context ctx) {
        try {
            for (String name : ctx.queryParamMap().keySet()) {
                if (!PARAMETERS.contains(name)) {
                    throw new BadParameter(name, "unknown parameter; this search takes q, lang and limit");
                }
                if (ctx.queryParams(name).size() > 1) {
                    throw new BadParameter(name, "given more than once");
                }
            }
            String q = ctx.queryParam("q");
            q = q == null ? "" : q;
            if (q.length() > MAX_QUERY) {
                throw new BadParameter("q", "longer than " + MAX_QUERY + " characters");
            }
            if (q.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t' || c == 0xFFFD)) {
                throw new BadParameter("q", "contains a control character");
            }
            SearchAnswer answer;
            try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
                answer = search.answer(q, texts.get(language(ctx)), limit(ctx.queryParam("limit")));
            }
            ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(answer));
        } catch (BadParameter e) {
            error(ctx, 400, "parameter " + e.parameter + ": " + e.getMessage(), e.parameter);
        } catch (StoreFailure e) {
            boolean timeout = e.kind() == StoreFailure.Kind.TIMEOUT;
            error(ctx, timeout ? 503 : 502, timeout ? "the search ran past the time limit of " + e.limitText()
                    : "the store failed: " + e.reason(), null);
        } catch (HttpResponseException e) {
            error(ctx, e.getStatus(), e.getMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code lang}, else the page's cookie, else the browser's preference, else Dutch. */
    private static String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            String lang = asked.strip().toLowerCase(Locale.ROOT);
            if (!SearchTexts.LANGUAGES.contains(lang)) {
                throw new BadParameter("lang", "not one of " + SearchTexts.LANGUAGES);
            }
            return lang;
        }
        String cookie = ctx.cookie("lang");
        if (cookie != null && SearchTexts.LANGUAGES.contains(cookie)) {
            return cookie;
        }
        String accept = ctx.header("Accept-Language");
        try {
            String match = accept == null ? null
                    : Locale.lookupTag(Locale.LanguageRange.parse(accept), SearchTexts.LANGUAGES);
            return match == null ? "nl" : match;
        } catch (IllegalArgumentException malformed) {
            return "nl";
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadParameter("limit", "not a whole number from 1 to " + MAX_LIMIT);
    }

    /** The facade's one error format (an RFC 9457 problem, naming the parameter at fault). */
    private static void error(Context ctx, int status, String message, String parameter) {
        nl.actiegraaf.web.Problem.send(ctx, status, message, parameter);
    }

    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    static List<String> parameters() {
        return List.copyOf(PARAMETERS);
    }
}
