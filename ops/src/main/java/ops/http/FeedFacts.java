package ops.http;

import java.nio.file.Path;
import ops.records.CallFacts;

/**
 * The gateway's call facts on their way to the records, with a word to the live feed for those
 * that change what the page shows (a call arrived, moved on or ended; a key press or a
 * recording does not). Both return at once: the facts come on the call loops.
 */
final class FeedFacts implements CallFacts {
    private final CallFacts records;
    private final Runnable changed;

    FeedFacts(CallFacts records, Runnable changed) {
        this.records = records;
        this.changed = changed;
    }

    @Override
    public void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source) {
        records.arrived(callId, atMs, dialed, callerNumber, callerName, source);
        changed.run();
    }

    @Override
    public void menu(String callId, long atMs, String menuId) {
        records.menu(callId, atMs, menuId);
        changed.run();
    }

    @Override
    public void key(String callId, long atMs, char key) {
        records.key(callId, atMs, key);
    }

    @Override
    public void voicemail(String callId, long atMs, String box, Path file) {
        records.voicemail(callId, atMs, box, file);
        changed.run();
    }

    @Override
    public void transfer(String callId, long atMs, String number) {
        records.transfer(callId, atMs, number);
        changed.run();
    }

    @Override
    public void recording(String callId, long atMs, Path file) {
        records.recording(callId, atMs, file);
    }

    @Override
    public void ended(String callId, long atMs, EndCause cause) {
        records.ended(callId, atMs, cause);
        changed.run();
    }
}
