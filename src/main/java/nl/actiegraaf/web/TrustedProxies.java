package nl.actiegraaf.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers the facade believes ({@code serve --trusted-proxy}): an
 * address or a CIDR block each, IPv4 or IPv6, never a host name (no DNS lookup is ever made). Empty by
 * default: then every forwarding header is ignored, since any client can send one.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private final List<Block> blocks;
    private final String text;

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefixBits;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private TrustedProxies(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * {@code "10.0.0.5,192.168.0.0/16,::1"}; null or blank: none.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String item = entry.strip();
            int slash = item.indexOf('/');
            byte[] address = literal(slash < 0 ? item : item.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("--trusted-proxy: '" + item + "' is not an IP address or CIDR block");
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(item.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("--trusted-proxy: '" + item + "' has no valid prefix length");
                }
            }
            blocks.add(new Block(address, bits));
        }
        return new TrustedProxies(List.copyOf(blocks), list.strip());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** True when {@code address} (a literal, as a socket reports it) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /**
     * The bytes of an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}), or null for anything
     * else (a host name, {@code unknown}, an obfuscated RFC 7239 identifier): never looked up.
     */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (IPV4.matcher(t).matches()) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            // A literal is parsed, never resolved: the patterns above let no host name through.
            byte[] bytes = InetAddress.getByName(t).getAddress();
            return ipv4Mapped(bytes);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** {@code ::ffff:10.0.0.1} is {@code 10.0.0.1}. */
    private static byte[] ipv4Mapped(byte[] bytes) {
        if (bytes.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return bytes;
                }
            }
            if ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                return Arrays.copyOfRange(bytes, 12, 16);
            }
        }
        return bytes;
    }

    /** The address in one canonical text form, for counting ({@code ::FFFF:10.0.0.1} and {@code 10.0.0.1} are one). */
    static String canonical(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address.toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "none" : text;
    }
}
