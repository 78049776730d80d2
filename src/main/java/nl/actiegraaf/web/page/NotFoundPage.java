package nl.actiegraaf.web.page;

import nl.actiegraaf.web.ResourceTexts;

/**
 * The page a browser gets for an address with nothing at it (a 404): what happened, a search box
 * ({@code GET /zoek?q=}, served by {@link SearchPage} without scripts) and the site's navigation.
 */
final class NotFoundPage {
    private NotFoundPage() {
    }

    /** What the page offers to go on: the search form and the ways on; for an error page's own frame too. */
    static String body(String lang) {
        ResourceTexts t = ResourceTexts.of(lang);
        String q = lang.equals("nl") ? "" : "?lang=" + lang;
        return SearchPage.form(lang, "") + "<nav aria-label=\"" + PageTexts.escape(t.get("verder")) + "\"><p>"
                + PageTexts.escape(t.get("verder")) + " <a href=\"/" + q + "\">" + PageTexts.escape(t.get("start"))
                + "</a> · <a href=\"/" + q + "#tabel\">" + PageTexts.escape(t.get("tabel"))
                + "</a> · <a href=\"/def" + q + "\">" + PageTexts.escape(t.get("ontologie")) + "</a></p></nav>\n";
    }

    static String html(String lang, String path) {
        ResourceTexts t = ResourceTexts.of(lang);
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>404 Not Found – " + PageTexts.escape(t.get("nietGevonden")) + " · Actiegraaf</title>\n"
                + "<meta name=\"robots\" content=\"noindex\">\n" + PageChrome.HEAD + "</head>\n<body>\n"
                + PageChrome.header(lang, !lang.equals("nl"), lang.equals("nl") ? "/?lang=en" : "/?lang=nl")
                + "<main id=\"inhoud\">\n<h1>" + PageTexts.escape(t.get("nietGevonden")) + "</h1>\n"
                + "<p>" + PageTexts.escape(String.format(t.get("nietGevondenTekst"), path == null ? "" : path)) + "</p>\n"
                + body(lang) + "</main>\n" + PageChrome.footer(lang, !lang.equals("nl")) + "</body>\n</html>\n";
    }
}
