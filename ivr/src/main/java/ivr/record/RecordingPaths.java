package ivr.record;

import java.nio.file.Path;
import java.time.LocalDate;

/** Where a call's files go: {@code <root>/yyyy/MM/dd/<callId>.<ext>}. */
public final class RecordingPaths {
    private RecordingPaths() {
    }

    public static Path of(Path root, LocalDate date, String callId, String extension) {
        return root.resolve(String.format("%04d", date.getYear()))
                .resolve(String.format("%02d", date.getMonthValue()))
                .resolve(String.format("%02d", date.getDayOfMonth()))
                .resolve(safeName(callId) + "." + extension);
    }

    /** A SIP Call-ID as a file name: characters other than letters, digits, '.', '-', '_', '@' become '_'. */
    public static String safeName(String callId) {
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("call id must not be empty");
        }
        StringBuilder b = new StringBuilder(callId.length());
        for (int i = 0; i < callId.length(); i++) {
            char c = callId.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '@';
            b.append(ok ? c : '_');
        }
        String name = b.toString();
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
