package nl.actiegraaf.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 exchange over a plain socket bound to a chosen loopback address (127.0.0.2, ...: all of
 * 127/8 is loopback on Linux), with any headers, {@code Host} included, which the JDK's client refuses to
 * set. HTTP/1.0: the answer comes unchunked and the server closes the connection after it.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, String head, String body) {
        /** A header's value (case-insensitive name), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** GET {@code path} from {@code from} to 127.0.0.1:{@code port}; {@code headers} as "Name: value" lines. */
    static Answer get(String from, int port, String path, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.0\r\n");
            boolean host = false;
            for (String header : headers) {
                request.append(header).append("\r\n");
                host |= header.regionMatches(true, 0, "Host:", 0, 5);
            }
            if (!host) {
                request.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            return new Answer(Integer.parseInt(text.substring(9, 12)), head, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
