package nl.actiegraaf.web.page;

/**
 * The shared look of every HTML page the facade serves: the stylesheet and icon links for the
 * {@code <head>}, and the site header with the page's navigation. The resource pages
 * ({@code /id/...}, {@code /def}) call these so they look and navigate like the page at {@code /}.
 */
public final class PageChrome {
    private static final PageTexts TEXTS = PageTexts.load("nl");

    /** For inside {@code <head>}: stylesheet and icon, no inline style (a strict CSP passes). */
    public static final String HEAD = "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
            + "<link rel=\"stylesheet\" href=\"" + PageRoutes.STYLESHEET + "\">\n";

    private static final String HEADER = TEXTS.fill("""
            <a class="skip" href="#inhoud">{{nav.skip}}</a>
            <header class="site">
              <a class="brand" href="/">{{brand}}</a>
              <nav aria-label="{{nav.label}}">
                <ul>
                  <li><a href="/#overzicht">{{nav.overzicht}}</a></li>
                  <li><a href="/#netwerk">{{nav.netwerk}}</a></li>
                  <li><a href="/#tijdlijn">{{nav.tijdlijn}}</a></li>
                  <li><a href="/#tabel">{{nav.tabel}}</a></li>
                  <li><a href="/#query">{{nav.query}}</a></li>
                  <li class="secondary"><a href="/api/docs">{{nav.api}}</a></li>
                  <li class="secondary"><a href="/def">{{nav.ontologie}}</a></li>
                </ul>
              </nav>
            </header>
            """);

    private PageChrome() {
    }

    /** The site header with navigation; the page's {@code <main>} should carry {@code id="inhoud"}. */
    public static String header() {
        return HEADER;
    }
}
