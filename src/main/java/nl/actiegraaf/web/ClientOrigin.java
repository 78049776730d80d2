package nl.actiegraaf.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who sent a request and where the site is, decided in one place for every route: the address the caps
 * count ({@link QueryAdmission}) and the base of every absolute URL the facade writes (VoID/DCAT, download
 * links, feed links).
 *
 * <p>The request's own {@code Host} header is never used: any client can send {@code Host: evil.example}.
 * The base is the configured public base ({@code serve --public-base}); without one, the forwarded
 * protocol and host when the direct peer is a trusted proxy ({@code serve --trusted-proxy}); else the
 * server's own address as the connection reached it ({@code http://host:port}).
 *
 * <p>Forwarding headers count only when the direct peer is a trusted proxy. The client is then the
 * right-most address of {@code X-Forwarded-For} (or, without it, of RFC 7239 {@code Forwarded}) that is
 * not itself a trusted proxy: each proxy appends the address it saw, so everything left of that is
 * whatever the client chose to send, and a forged left-most address never counts.
 */
public final class ClientOrigin {
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*"
            + "|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");

    private final TrustedProxies proxies;
    private final String publicBase;
    private final String bindHost;

    /**
     * @param publicBase the site's base URL as its users reach it, or null (then forwarded or own)
     * @param bindHost the address the server binds to; a wildcard ({@code 0.0.0.0}, {@code ::}) means the
     *     address each connection came in on
     */
    public ClientOrigin(TrustedProxies proxies, URI publicBase, String bindHost) {
        this.proxies = proxies == null ? TrustedProxies.NONE : proxies;
        this.publicBase = publicBase == null ? null : checkedBase(publicBase);
        this.bindHost = bindHost;
    }

    /**
     * {@code https://data.example.org} or {@code https://example.org/actiegraaf}, without a trailing slash.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL without query or fragment
     */
    public static String checkedBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null
                || base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--public-base: '" + base
                    + "' must be an absolute http or https URL without user, query or fragment");
        }
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** The client's address, as the caps count it. */
    public String address(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!proxies.trusts(peer)) {
            return TrustedProxies.canonical(peer);
        }
        List<String> chain = forwardedFor(ctx);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = hostOf(chain.get(i));
            if (TrustedProxies.literal(hop) == null) {
                // Not an address ("unknown", an obfuscated name): nothing further left can be believed.
                break;
            }
            if (!proxies.trusts(hop)) {
                return TrustedProxies.canonical(hop);
            }
        }
        return TrustedProxies.canonical(peer);
    }

    /** The base of the absolute URLs written in answers, without a trailing slash. */
    public String base(Context ctx) {
        if (publicBase != null) {
            return publicBase;
        }
        if (proxies.trusts(ctx.req().getRemoteAddr())) {
            String proto = forwarded(ctx, "X-Forwarded-Proto", "proto");
            String host = forwarded(ctx, "X-Forwarded-Host", "host");
            boolean protoOk = proto == null || proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https");
            boolean hostOk = host == null || HOST.matcher(host).matches();
            if ((proto != null || host != null) && protoOk && hostOk) {
                String scheme = proto == null ? "http" : proto.toLowerCase(Locale.ROOT);
                return scheme + "://" + (host == null ? own(ctx) : host.toLowerCase(Locale.ROOT));
            }
        }
        return "http://" + own(ctx);
    }

    /** host:port of this server as the connection reached it: the bound address, never the Host header. */
    private String own(Context ctx) {
        String host = bindHost;
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = ctx.req().getLocalAddr();
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + ctx.req().getLocalPort();
    }

    /** The right-most value of a forwarding header, or of that parameter of the last RFC 7239 element. */
    private static String forwarded(Context ctx, String legacyHeader, String parameter) {
        List<String> legacy = commaSeparated(ctx.req().getHeaders(legacyHeader));
        if (!legacy.isEmpty()) {
            return legacy.get(legacy.size() - 1);
        }
        List<String> elements = commaSeparated(ctx.req().getHeaders("Forwarded"));
        return elements.isEmpty() ? null : parameter(elements.get(elements.size() - 1), parameter);
    }

    /** The addresses proxies appended, left (the client's claim) to right (the last proxy's view). */
    private static List<String> forwardedFor(Context ctx) {
        List<String> legacy = commaSeparated(ctx.req().getHeaders("X-Forwarded-For"));
        if (!legacy.isEmpty()) {
            return legacy;
        }
        List<String> chain = new ArrayList<>();
        for (String element : commaSeparated(ctx.req().getHeaders("Forwarded"))) {
            String value = parameter(element, "for");
            chain.add(value == null ? "unknown" : value);
        }
        return chain;
    }

    /** {@code 192.0.2.1:4711} -> {@code 192.0.2.1}, {@code [2001:db8::1]:4711} -> {@code 2001:db8::1}. */
    static String hostOf(String hop) {
        String h = hop.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** One parameter of an RFC 7239 element ({@code for=...;proto=https}), unquoted; null when absent. */
    static String parameter(String element, String name) {
        for (String pair : element.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** Every comma-separated value of every line of a header, in order (quoted commas do not occur in these). */
    private static List<String> commaSeparated(java.util.Enumeration<String> lines) {
        List<String> values = new ArrayList<>();
        if (lines == null) {
            return values;
        }
        while (lines.hasMoreElements()) {
            for (String value : lines.nextElement().split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }
}
