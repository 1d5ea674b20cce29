package ops.http;

import java.nio.file.Path;
import ops.records.CallFacts;

/** The gateway's call facts that change what the page shows live (a key press or a recording does not). */
final class FeedFacts implements CallFacts {
    private final Runnable changed;

    FeedFacts(Runnable changed) {
        this.changed = changed;
    }

    @Override
    public void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source) {
        changed.run();
    }

    @Override
    public void menu(String callId, long atMs, String menuId) {
        changed.run();
    }

    @Override
    public void key(String callId, long atMs, char key) {
    }

    @Override
    public void voicemail(String callId, long atMs, String box, Path file) {
        changed.run();
    }

    @Override
    public void transfer(String callId, long atMs, String number) {
        changed.run();
    }

    @Override
    public void recording(String callId, long atMs, Path file) {
    }

    @Override
    public void ended(String callId, long atMs, EndCause cause) {
        changed.run();
    }
}
