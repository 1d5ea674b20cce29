package ops.records;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional {@code queue_log} file, line for line as Asterisk's app_queue writes it:
 * {@code epoch|callid|queuename|agent|event|data1|data2|...}, epoch in seconds, 'NONE' for no
 * call, queue or agent. Our own verbs (RINGING, AGENTSTATE) stay in the database, so tools built
 * for app_queue meet only words they know. Written by the journal's writer and flushed with
 * each batch; a write failure is logged once and never stops the database writes.
 */
final class QueueLogFile {
    private static final Logger log = LoggerFactory.getLogger(QueueLogFile.class);
    private static final Set<String> OURS = Set.of("RINGING", "AGENTSTATE");

    private final Path path;
    private final Writer out;
    private boolean failed;

    private QueueLogFile(Path path, Writer out) {
        this.path = path;
        this.out = out;
    }

    static QueueLogFile open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new QueueLogFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    void append(QueueEvent e) {
        if (!OURS.contains(e.event())) {
            write(() -> out.write(line(e)));
        }
    }

    void flush() {
        write(out::flush);
    }

    void close() {
        write(out::close);
    }

    static String line(QueueEvent e) {
        StringBuilder b = new StringBuilder().append(e.atMs() / 1000).append('|').append(field(e.callId()))
                .append('|').append(field(e.queueId())).append('|').append(field(e.agentId())).append('|')
                .append(e.event());
        for (String d : e.data()) {
            b.append('|').append(d == null ? "" : clean(d));
        }
        return b.append('\n').toString();
    }

    private static String field(String s) {
        return s == null || s.isEmpty() ? "NONE" : clean(s);
    }

    /** A '|' or a line break inside a value would shift every field after it. */
    private static String clean(String s) {
        return s.replace('|', '_').replace('\n', ' ').replace('\r', ' ');
    }

    private interface Io {
        void run() throws IOException;
    }

    private void write(Io io) {
        try {
            io.run();
            failed = false;
        } catch (IOException e) {
            if (!failed) {
                log.error("queue_log {} cannot be written (records go on in the database): {}", path, e.toString());
                failed = true;
            }
        }
    }
}
