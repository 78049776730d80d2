package nl.actiegraaf.web.page;

import io.javalin.http.BadRequestResponse;
import java.util.List;
import java.util.Locale;

/**
 * Which of the page's languages a request gets: the one it names with {@code ?lang=} (the page's
 * language switch links there), else the best match of its {@code Accept-Language}, else Dutch, the
 * language of the data. Only the interface texts change; the report and its facts stay Dutch.
 */
final class PageLanguage {
    /** The languages the page's texts exist in ({@code web/i18n/{lang}.json}); the first is the default. */
    static final List<String> SUPPORTED = List.of("nl", "en");

    private PageLanguage() {
    }

    /**
     * @param asked the {@code lang} parameter, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     * @throws BadRequestResponse when {@code lang} names a language the page is not written in
     */
    static String choose(String asked, String acceptLanguage) {
        return choose(asked, null, acceptLanguage);
    }

    /**
     * As {@link #choose(String, String)}, with the reader's earlier choice in between: the {@code lang}
     * cookie the page's language switch sets (an unknown value there is ignored, it is not the request's).
     */
    static String choose(String asked, String cookie, String acceptLanguage) {
        if (asked == null && cookie != null && SUPPORTED.contains(cookie.trim().toLowerCase(Locale.ROOT))) {
            return cookie.trim().toLowerCase(Locale.ROOT);
        }
        if (asked != null) {
            String lang = asked.trim().toLowerCase(Locale.ROOT);
            if (!SUPPORTED.contains(lang)) {
                throw new BadRequestResponse("parameter lang: '" + printable(asked) + "' is not one of " + SUPPORTED);
            }
            return lang;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? SUPPORTED.get(0) : match;
        } catch (IllegalArgumentException malformed) {
            return SUPPORTED.get(0); // a broken header is the browser's problem, not a reason to refuse the page
        }
    }

    /** At most 20 visible characters of a user's value, so an error line stays one short line. */
    private static String printable(String value) {
        String visible = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c))
                .limit(20).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() < value.length() ? visible + "…" : visible;
    }
}
