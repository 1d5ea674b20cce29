package gateway.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 49 RFC 4475 torture messages from the shared folder, with their documentation addresses
 * rewritten to 127.0.0.1 so that every answer the server sends comes back to the test.
 */
final class TortureCorpus {
    /** One message: its name, the INDEX.tsv kind and expected behaviour, and its raw bytes. */
    record Message(String name, String kind, String expected, boolean contentLengthOk, byte[] bytes) {
    }

    static final int EXPECTED_COUNT = 49;
    private static final Pattern VIA_SENT_BY = Pattern.compile("(?i)(SIP\\s*/\\s*\\d+\\.\\d+\\s*/\\s*)([a-z]+)(\\s+)([^;,\\s]+)");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");
    private static final Pattern BRANCH = Pattern.compile("(?i)(;\\s*branch\\s*=\\s*)([^;,\\s]*)");
    private static final Pattern DOC_ADDRESS = Pattern.compile("192\\.0\\.2\\.\\d{1,3}");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(content-length|l)([ \\t]*:[ \\t]*)(\\d+)");

    private final Map<String, Message> messages;

    private TortureCorpus(Map<String, Message> messages) {
        this.messages = messages;
    }

    /**
     * Loads the corpus from {@code shared/sip-torture} next to the repository (the repository's
     * parent, or further up when the repository is a worktree nested deeper).
     */
    static TortureCorpus load() throws IOException {
        Path dir = locate();
        List<String> lines = Files.readAllLines(dir.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
        Map<String, Message> byName = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            byte[] bytes = Files.readAllBytes(dir.resolve(f[0] + ".dat"));
            byName.put(f[0], new Message(f[0], f[2], f[3], "yes".equals(f[5]), bytes));
        }
        if (byName.size() != EXPECTED_COUNT) {
            throw new AssertionError(dir + "/INDEX.tsv lists " + byName.size() + " messages, expected " + EXPECTED_COUNT);
        }
        return new TortureCorpus(byName);
    }

    private static Path locate() {
        Path module = Path.of("").toAbsolutePath();
        List<Path> tried = new ArrayList<>();
        // ../../shared/sip-torture from the module is the layout of the main checkout; a worktree
        // sits one or more levels deeper, so keep walking up.
        for (Path p = module.getParent() == null ? null : module.getParent().getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("sip-torture");
            tried.add(candidate);
            if (Files.isRegularFile(candidate.resolve("INDEX.tsv"))) {
                return candidate;
            }
        }
        throw new AssertionError("RFC 4475 torture corpus not found: expected shared/sip-torture/INDEX.tsv"
                + " next to the repository (../../shared/sip-torture from " + module + "); tried " + tried);
    }

    /**
     * What an answer to {@code message}, rewritten with {@code branchSuffix}, mentions: its Call-ID,
     * or for a message without one the suffix of its branch, which the answer's Via copies.
     */
    static String marker(byte[] message, String branchSuffix) {
        return callId(message).orElse(branchSuffix);
    }

    /** The Call-ID of {@code message}, or empty when it has none. */
    static java.util.Optional<String> callId(byte[] message) {
        Matcher m = CALL_ID.matcher(new String(message, StandardCharsets.ISO_8859_1));
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    List<Message> all() {
        return List.copyOf(messages.values());
    }

    Message get(String name) {
        Message m = messages.get(name);
        if (m == null) {
            throw new AssertionError("no torture message " + name);
        }
        return m;
    }

    /**
     * {@code raw} with every Via naming {@code transport} and sent-by 127.0.0.1:{@code replyPort},
     * and the RFC 5737 documentation addresses at 127.0.0.1, so that answers come back to the
     * test and nowhere else; a Content-Length that was right stays right. Each branch gets
     * {@code branchSuffix}: many torture messages share branch values, and the stack would take
     * a later one for a retransmission of an earlier one.
     */
    static byte[] rewrite(byte[] raw, int replyPort, String transport, String branchSuffix) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split + 4);
        String body = split < 0 ? "" : text.substring(split + 4);
        Matcher cl = CONTENT_LENGTH.matcher(head);
        boolean lengthWasRight = cl.find() && Long.parseLong(cl.group(3)) == body.length();
        head = VIA_SENT_BY.matcher(head).replaceAll(
                m -> Matcher.quoteReplacement(m.group(1) + transport + m.group(3) + "127.0.0.1:" + replyPort));
        head = BRANCH.matcher(head).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + branchSuffix));
        head = DOC_ADDRESS.matcher(head).replaceAll("127.0.0.1");
        body = DOC_ADDRESS.matcher(body).replaceAll("127.0.0.1");
        if (lengthWasRight) {
            int newLength = body.length();
            head = CONTENT_LENGTH.matcher(head).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + newLength));
        }
        return (head + body).getBytes(StandardCharsets.ISO_8859_1);
    }
}
