package nl.actiegraaf.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a report file into its lines of text, or refuses them with a one-line reason.
 *
 * <p>UTF-8 with or without byte-order mark is the normal case. Text that is not valid UTF-8 is read as
 * Windows-1252 (what Word and Excel on Windows write), which is the only other encoding such exports
 * come in; bytes that are valid in neither are refused rather than guessed, so no mojibake ever reaches
 * the graph. Line ends may be LF, CRLF or CR. Non-breaking and other odd spaces become plain spaces
 * here, once, so that nothing downstream has to think about them.
 */
public final class ReportDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** UTF-8 read as Windows-1252 and saved again: "Ã©" for "é". */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile("[ÃÂ][\u0080-\u00BF\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC]");

    private ReportDecoder() {
    }

    /** The decoded text of a report file. {@code endsWithNewline} tells whether the last line is complete. */
    public record DecodedText(List<String> lines, boolean endsWithNewline, Charset charset) {
    }

    public static DecodedText decode(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw ReportException.in(file, "the file is empty");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw ReportException.in(file, "UTF-16 text is not supported; save the report as UTF-8");
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw ReportException.at(file, lineOfByte(bytes, nul), "binary data (a NUL byte), not a text report");
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        String text;
        Charset charset;
        try {
            text = decodeUtf8AllowingCutEnd(bytes, start);
            charset = StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strict(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString();
                charset = WINDOWS_1252;
            } catch (CharacterCodingException notCp1252) {
                throw ReportException.in(file, "neither UTF-8 nor Windows-1252 text; save the report as UTF-8");
            }
            if (DOUBLE_ENCODED.matcher(text).find()) {
                // Read as Windows-1252 it shows UTF-8 sequences: a UTF-8 file with a few broken bytes.
                throw ReportException.at(file, lineOfByte(bytes, firstInvalidUtf8(bytes, start)),
                        "invalid UTF-8 (the rest of the file is UTF-8); repair or re-export the file");
            }
        }
        text = normaliseSpaces(text);
        checkForControlCharacters(file, text);
        checkForDoubleEncoding(file, text);
        if (text.isBlank()) {
            throw ReportException.in(file, "the file is empty (only white space)");
        }
        boolean endsWithNewline = text.endsWith("\n") || text.endsWith("\r");
        List<String> lines = splitLines(text);
        if (endsWithNewline) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return new DecodedText(lines, endsWithNewline, charset);
    }

    /**
     * What {@code Pattern.compile("\r\n|\r|\n").split(text, -1)} gives (CR LF, CR and LF each end a line; a trailing empty
     * line is kept), in one pass: the regular expression was a fifth of the conversion's time.
     */
    static List<String> splitLines(String text) {
        List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return java.util.Collections.unmodifiableList(lines);
    }

    /**
     * Strict UTF-8, except that a multi-byte character cut off by the end of the file is dropped: a file
     * cut short is still read as far as it goes, and must not fall back to Windows-1252 for it.
     */
    private static String decodeUtf8AllowingCutEnd(byte[] bytes, int start) throws CharacterCodingException {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError()) {
            result.throwException();
        }
        // Left-over bytes (endOfInput=false keeps them) are an incomplete character at the very end.
        if (in.remaining() > 3 || (in.hasRemaining() && (in.get(in.position()) & 0xC0) != 0xC0)) {
            throw new CharacterCodingException();
        }
        out.flip();
        return out.toString();
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CoderResult result = strict(StandardCharsets.UTF_8).decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Non-breaking, narrow and figure spaces become spaces; invisible characters disappear. */
    static String normaliseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u00A0', '\u2007', '\u202F', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
                     '\u2006', '\u2008', '\u2009', '\u200A', '\u3000' -> out.append(' ');
                case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD' -> {
                    // zero-width characters and soft hyphens carry no text
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void checkForControlCharacters(Path file, String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
                throw ReportException.at(file, line, String.format("binary data (control character U+%04X), not a text report", (int) c));
            }
        }
    }

    private static void checkForDoubleEncoding(Path file, String text) {
        Matcher m = DOUBLE_ENCODED.matcher(text);
        if (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            throw ReportException.at(file, line, "garbled characters (\"" + m.group()
                    + "\"): the text was converted to UTF-8 twice; convert it back once before reading");
        }
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOfByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
