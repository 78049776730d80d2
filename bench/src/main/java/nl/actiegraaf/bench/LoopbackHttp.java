package nl.actiegraaf.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 GETs from a chosen loopback source address (127.0.0.2, 127.0.0.3, ...; all of 127/8 is
 * loopback on Linux). The facade shares the store out per client address ({@code ctx.ip()}, the socket's
 * peer), so a benchmark that means "N clients" must come from N addresses; the JDK {@code HttpClient}
 * cannot choose its source address, hence sockets. Two styles: {@link #get} opens one connection per
 * request ({@code Connection: close}, the body is everything to the end of the stream), and
 * {@link Connection} keeps one open (keep-alive) as a real client library does, reading each answer by
 * its {@code Content-Length} or chunks.
 */
final class LoopbackHttp {
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private LoopbackHttp() {
    }

    /** A whole answer; header names in lower case. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    /** One GET on its own connection, closed after the answer. */
    static Response get(String source, URI base, String pathAndQuery, String accept) throws IOException {
        try (Socket socket = open(source, base)) {
            OutputStream out = socket.getOutputStream();
            out.write(request(base, pathAndQuery, accept, false));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /**
     * A keep-alive connection from one source address to one server. Not thread-safe: one client
     * thread owns it. Reconnects when the server closed it (between requests, or by {@code Connection: close}).
     */
    static final class Connection implements AutoCloseable {
        private final String source;
        private final URI base;
        private Socket socket;
        private InputStream in;

        Connection(String source, URI base) {
            this.source = source;
            this.base = base;
        }

        Response get(String pathAndQuery, String accept) throws IOException {
            boolean reused = socket != null;
            try {
                return exchange(pathAndQuery, accept);
            } catch (IOException e) {
                close();
                if (!reused) {
                    throw e;
                }
                return exchange(pathAndQuery, accept); // the server had closed an idle connection: once more, fresh
            }
        }

        private Response exchange(String pathAndQuery, String accept) throws IOException {
            if (socket == null) {
                socket = open(source, base);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request(base, pathAndQuery, accept, true));
            out.flush();
            Head head = readHead(in);
            byte[] body;
            if ("chunked".equalsIgnoreCase(head.headers().getOrDefault("transfer-encoding", ""))) {
                body = readChunked(in);
            } else if (head.headers().containsKey("content-length")) {
                int length = Integer.parseInt(head.headers().get("content-length"));
                body = in.readNBytes(length);
                if (body.length != length) {
                    throw new IOException("body of " + body.length + " bytes, Content-Length " + length);
                }
            } else {
                body = in.readAllBytes(); // delimited by the end of the connection
                close();
            }
            if ("close".equalsIgnoreCase(head.headers().getOrDefault("connection", ""))) {
                close();
            }
            return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a loopback socket: nothing to do about a failure
                }
                socket = null;
                in = null;
            }
        }
    }

    private static Socket open(String source, URI base) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(source, 0));
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] request(URI base, String pathAndQuery, String accept, boolean keepAlive) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: " + accept + (keepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before the answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            header(headers, line);
        }
        if (line == null) {
            throw new IOException("connection closed before the headers ended");
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    /** A CRLF-ended line (ISO-8859-1), or null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked body cut off (no last chunk)");
            }
            int size = chunkSize(sizeLine);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailers: none expected, skipped
                }
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new IOException("chunked body cut off in a chunk");
            }
            out.write(chunk);
            readLine(in); // the CRLF after the chunk
        }
    }

    private static int chunkSize(String sizeLine) {
        int semicolon = sizeLine.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
    }

    private static void header(Map<String, String> headers, String line) {
        int colon = line.indexOf(':');
        if (colon > 0) {
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** A whole answer read to the end of the stream: head, then the body de-chunked or checked against Content-Length. */
    static Response parse(byte[] all) throws IOException {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("connection closed before the headers ended (" + all.length + " bytes)");
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + lines[0]);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            header(headers, lines[i]);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = readChunked(new java.io.ByteArrayInputStream(body));
        } else if (headers.containsKey("content-length") && Long.parseLong(headers.get("content-length")) != body.length) {
            throw new IOException("body of " + body.length + " bytes, Content-Length " + headers.get("content-length"));
        }
        return new Response(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
    }
}
