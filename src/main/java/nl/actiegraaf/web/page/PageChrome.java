package nl.actiegraaf.web.page;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared look of every HTML page the facade serves: the stylesheet and icon links for the
 * {@code <head>}, the site header with the page's navigation and language switch, the footer, the
 * reader's language, and the page for an address with nothing at it ({@link #notFound}). The resource
 * pages ({@code /id/...}, {@code /def}) call these so they look and navigate like the page at {@code /}.
 */
public final class PageChrome {
    /** The name of the cookie that keeps the reader's language across pages (set by the page's switch and by {@code ?lang=}). */
    public static final String LANGUAGE_COOKIE = "lang";

    /** For inside {@code <head>}: stylesheet and icon, no inline style (a strict CSP passes). */
    public static final String HEAD = "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
            + "<link rel=\"stylesheet\" href=\"" + PageRoutes.STYLESHEET + "\">\n";

    private static final String HEADER = """
            <a class="skip" href="#inhoud">{{nav.skip}}</a>
            <header class="site">
              <a class="brand" href="/{{q}}">{{brand}}</a>
              <nav aria-label="{{nav.label}}">
                <ul>
                  <li><a href="/{{q}}#overzicht">{{nav.overzicht}}</a></li>
                  <li><a href="/{{q}}#netwerk">{{nav.netwerk}}</a></li>
                  <li><a href="/{{q}}#tijdlijn">{{nav.tijdlijn}}</a></li>
                  <li><a href="/{{q}}#tabel">{{nav.tabel}}</a></li>
                  <li><a href="/{{q}}#query">{{nav.query}}</a></li>
                  <li class="secondary"><a href="/api/docs">{{nav.api}}</a></li>
                  <li class="secondary"><a href="/def{{q}}">{{nav.ontologie}}</a></li>
                  <li class="secondary"><a href="{{switch}}" hreflang="{{other}}" lang="{{other}}">{{otherName}}</a></li>
                </ul>
              </nav>
            </header>
            """;
    private static final Map<String, PageTexts> TEXTS = new LinkedHashMap<>();

    static {
        for (String lang : PageLanguage.SUPPORTED) {
            TEXTS.put(lang, PageTexts.load(lang));
        }
    }

    private PageChrome() {
    }

    /** The site header with navigation in Dutch; the page's {@code <main>} should carry {@code id="inhoud"}. */
    public static String header() {
        return header("nl", false, "?lang=en");
    }

    /**
     * The site header in {@code lang}.
     *
     * @param keepLanguage whether links carry {@code ?lang=} (the reader chose it by parameter)
     * @param switchHref where the language switch leads (this page in the other language)
     */
    public static String header(String lang, boolean keepLanguage, String switchHref) {
        String other = lang.equals("en") ? "nl" : "en";
        String template = HEADER.replace("{{q}}", keepLanguage ? "?lang=" + lang : "")
                .replace("{{switch}}", PageTexts.escape(switchHref))
                .replace("{{other}}", other)
                .replace("{{otherName}}", other.equals("en") ? "English" : "Nederlands");
        return TEXTS.get(lang).fill(template);
    }

    /** The footer: the machine ways in; {@code /sparql} for people is the query view of the page. */
    public static String footer(String lang, boolean keepLanguage) {
        String q = keepLanguage ? "?lang=" + lang : "";
        return "<footer class=\"site\">\n  <p><a href=\"/" + q + "#query\">SPARQL</a> (<code>/sparql</code>) · "
                + "<a href=\"/api/queries\">/api/queries</a> · <a href=\"/openapi.json\">OpenAPI</a> · "
                + "<a href=\"/download/actiegraaf.trig\">TriG</a> · <a href=\"/.well-known/void\">VoID</a></p>\n</footer>\n";
    }

    /**
     * The reader's language for a page: {@code ?lang=} (nl or en), else the {@code lang} cookie, else the best
     * match of {@code Accept-Language}, else Dutch.
     *
     * @throws io.javalin.http.BadRequestResponse when {@code lang} names a language the pages are not written in
     */
    public static String language(String asked, String cookie, String acceptLanguage) {
        return PageLanguage.choose(asked, cookie, acceptLanguage);
    }

    /** {@link #language} for a request; a {@code ?lang=} choice is kept in the cookie for the next pages. */
    public static String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        String lang = language(asked, ctx.cookie(LANGUAGE_COOKIE), ctx.header("Accept-Language"));
        if (asked != null) {
            ctx.header("Set-Cookie", LANGUAGE_COOKIE + "=" + lang + "; Path=/; Max-Age=31536000; SameSite=Lax");
        }
        ctx.header("Content-Language", lang);
        ctx.header("Vary", "Accept-Language, Cookie");
        return lang;
    }

    /**
     * The HTML page for an address with nothing at it, for a 404 to a browser: says so, offers the search
     * (a form to {@code /zoek}, which works without scripts) and the navigation.
     *
     * @param lang nl or en
     * @param path the path asked for, shown escaped
     */
    public static String notFound(String lang, String path) {
        return NotFoundPage.html(TEXTS.containsKey(lang) ? lang : "nl", path);
    }

    /** Only what the not-found page offers inside its {@code <main>} after the message (search form, ways on), for a page of another frame. */
    public static String notFoundBody(String lang) {
        return NotFoundPage.body(TEXTS.containsKey(lang) ? lang : "nl");
    }
}
