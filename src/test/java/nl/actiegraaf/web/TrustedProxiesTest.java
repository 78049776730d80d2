package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The trusted-proxy list and the forwarding values {@link ClientOrigin} reads, without a server. */
class TrustedProxiesTest {
    @Test
    void addressesAndBlocksOfBothFamiliesAreTrustedAndNothingElse() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.0.0/16,::1, 2001:db8::/32");
        assertTrue(proxies.trusts("10.0.0.5"));
        assertFalse(proxies.trusts("10.0.0.6"));
        assertTrue(proxies.trusts("192.168.200.1"));
        assertFalse(proxies.trusts("192.169.0.1"));
        assertTrue(proxies.trusts("[::1]"));
        assertTrue(proxies.trusts("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.trusts("2001:db8:ffff::7"));
        assertTrue(proxies.trusts("::ffff:10.0.0.5"), "an IPv4-mapped address is the IPv4 address");
        assertFalse(proxies.trusts("localhost"), "never a name");
        assertFalse(proxies.trusts(null));
        assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
        assertTrue(TrustedProxies.parse(" ").isEmpty());
    }

    @Test
    void anEntryThatIsNoAddressIsRefusedByName() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example"));
        assertTrue(name.getMessage().contains("'proxy.example'"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }

    @Test
    void forwardedValuesAreReadAsRfc7239WritesThem() {
        assertEquals("192.0.2.60", ClientOrigin.hostOf("192.0.2.60:4711"));
        assertEquals("2001:db8:cafe::17", ClientOrigin.hostOf("[2001:db8:cafe::17]:4711"));
        assertEquals("2001:db8::1", ClientOrigin.hostOf("2001:db8::1"));
        assertEquals("[2001:db8:cafe::17]:4711", ClientOrigin.parameter("for=\"[2001:db8:cafe::17]:4711\";proto=https", "for"));
        assertEquals("https", ClientOrigin.parameter("for=1.2.3.4; Proto=https", "proto"));
        assertNull(ClientOrigin.parameter("for=1.2.3.4", "host"));
        assertEquals("1.2.3.4", TrustedProxies.canonical("::ffff:1.2.3.4"));
    }

    @Test
    void aPublicBaseIsAnAbsoluteHttpUrlWithoutQuery() {
        assertEquals("https://data.example.org/ag", ClientOrigin.checkedBase(URI.create("https://data.example.org/ag/")));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.checkedBase(URI.create("/relative")));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.checkedBase(URI.create("ftp://x.example")));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.checkedBase(URI.create("https://x.example/?q=1")));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.checkedBase(URI.create("https://u:p@x.example")));
    }
}
