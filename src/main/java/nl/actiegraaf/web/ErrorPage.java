package nl.actiegraaf.web;

/**
 * The HTML page a browser gets for an error: the site's look and navigation, the status, what went
 * wrong and the ways on. The one place error pages are made; {@link #body} is where a status's own
 * content goes (the 404 page's suggestions, say).
 */
public final class ErrorPage {
    private ErrorPage() {
    }

    /** The whole page for {@code problem}. */
    static String html(Problem problem) {
        String title = problem.status() + " " + problem.title();
        return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + Html.escape(title) + " · Actiegraaf</title>\n"
                // the page's look through ResourcePage, the one known way from web up to web.page (LayeringTest)
                + ResourcePage.chromeHead() + "</head>\n<body>\n" + ResourcePage.chromeHeader(ResourcePage.View.DUTCH, "?lang=en")
                + "<main id=\"inhoud\" class=\"error-page\">\n"
                + "<h1>" + Html.escape(title) + "</h1>\n"
                + "<p class=\"error\" role=\"alert\">" + Html.escape(problem.detail()) + "</p>\n"
                + body(problem)
                + "</main>\n</body>\n</html>\n";
    }

    /** What the page says beyond the message, by status. */
    static String body(Problem problem) {
        if (problem.status() == 404) {
            return """
                    <p>Deze pagina bestaat niet (meer). Verder zoeken:</p>
                    <ul>
                      <li><a href="/">Het overzicht van alle acties</a></li>
                      <li><a href="/#tabel">De tabel met alle acties, doorzoekbaar</a></li>
                      <li><a href="/def">De ontologie</a> · <a href="/api/docs">de API</a></li>
                    </ul>
                    """ + ResourcePage.notFoundOffer("nl");
        }
        return "<p><a href=\"/\">Terug naar het overzicht</a> · <a href=\"/api/docs\">De API</a></p>\n";
    }
}
