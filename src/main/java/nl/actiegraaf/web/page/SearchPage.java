package nl.actiegraaf.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.actiegraaf.web.QueryAdmission;
import nl.actiegraaf.web.ResourceTexts;
import nl.actiegraaf.web.search.Search;
import nl.actiegraaf.web.search.SearchAnswer;

/**
 * {@code GET /zoek?q=}: the search's answer as a page of its own, written by the server, so the search box
 * of the not-found page and of a browser without scripts works; the page's table search uses {@code /api/zoek}.
 */
final class SearchPage {
    private final Search search;
    private final QueryAdmission admission;

    private SearchPage(Search search, QueryAdmission admission) {
        this.search = search;
        this.admission = admission;
    }

    static void register(JavalinConfig config, Search search, QueryAdmission admission) {
        SearchPage page = new SearchPage(search, admission);
        config.routes.get("/zoek", page::page);
    }

    /** The search form, labelled, for {@code /zoek}; {@code q} is filled in. */
    static String form(String lang, String q) {
        ResourceTexts t = ResourceTexts.of(lang);
        return "<search><form class=\"zoek\" action=\"/zoek\" method=\"get\">\n"
                + "<label for=\"zoek-q\">" + PageTexts.escape(t.get("zoekLabel")) + "</label>\n"
                + "<input id=\"zoek-q\" name=\"q\" type=\"search\" value=\"" + PageTexts.escape(q) + "\" required>\n"
                + (lang.equals("nl") ? "" : "<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">\n")
                + "<button type=\"submit\">" + PageTexts.escape(t.get("zoekKnop")) + "</button>\n</form></search>\n";
    }

    private void page(Context ctx) {
        String lang = PageChrome.language(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        if (q.length() > 500) {
            q = q.substring(0, 500);
        }
        SearchAnswer answer;
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            answer = search.answer(q, lang, 50);
        }
        boolean keep = ctx.queryParam("lang") != null;
        String suffix = keep ? "?lang=" + lang : "";
        ResourceTexts t = ResourceTexts.of(lang);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(PageTexts.escape(t.get("zoek"))).append(q.isBlank() ? "" : ": " + PageTexts.escape(q))
                .append(" · Actiegraaf</title>\n").append(PageChrome.HEAD).append("</head>\n<body>\n")
                .append(PageChrome.header(lang, keep, "/zoek?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                        + "&lang=" + (lang.equals("en") ? "nl" : "en")))
                .append("<main id=\"inhoud\">\n<h1>").append(PageTexts.escape(t.get("zoek"))).append("</h1>\n")
                .append(form(lang, q));
        if (answer.melding() != null) {
            html.append("<p class=\"melding\" role=\"status\">").append(PageTexts.escape(answer.melding()));
            if (answer.suggestie() != null) {
                html.append(" <a href=\"/zoek?q=").append(PageTexts.escape(URLEncoder.encode(answer.suggestie(), StandardCharsets.UTF_8)))
                        .append(keep ? "&amp;lang=" + lang : "").append("\">").append(PageTexts.escape(answer.suggestie())).append("</a>");
            }
            html.append("</p>\n");
        }
        if (!answer.entities().isEmpty()) {
            html.append("<ul class=\"entiteiten\">\n");
            for (SearchAnswer.Entity e : answer.entities()) {
                html.append("<li><a href=\"").append(PageTexts.escape(e.page() + suffix)).append("\" lang=\"nl\">")
                        .append(PageTexts.escape(e.label())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        if (!answer.acties().isEmpty()) {
            html.append("<ol class=\"zoekresultaten\">\n");
            for (SearchAnswer.ActionHit a : answer.acties()) {
                html.append("<li><a href=\"").append(PageTexts.escape(a.page() + suffix)).append("\">")
                        .append(PageTexts.escape(t.get("actie"))).append(' ').append(a.nummer()).append("</a>");
                if (a.status() != null) {
                    html.append(" <span class=\"status status-").append(PageTexts.escape(a.status())).append("\">")
                            .append(PageTexts.escape(a.statusLabel())).append("</span>");
                }
                // the snippet is escaped by the search; its only markup is <mark>
                html.append("<p lang=\"nl\">").append(PageTexts.escape(a.omschrijving())).append("</p>")
                        .append("<p class=\"snippet\" lang=\"nl\">").append(a.snippet()).append("</p></li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</main>\n").append(PageChrome.footer(lang, keep)).append("</body>\n</html>\n");
        ctx.contentType("text/html; charset=utf-8").result(html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
