package ops.records;

import java.nio.file.Path;

/** Hands every call fact to two listeners in turn (the journal, then the live feed); each returns at once. */
public final class CallFactsTee implements CallFacts {
    private final CallFacts first;
    private final CallFacts second;

    public CallFactsTee(CallFacts first, CallFacts second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source) {
        first.arrived(callId, atMs, dialed, callerNumber, callerName, source);
        second.arrived(callId, atMs, dialed, callerNumber, callerName, source);
    }

    @Override
    public void menu(String callId, long atMs, String menuId) {
        first.menu(callId, atMs, menuId);
        second.menu(callId, atMs, menuId);
    }

    @Override
    public void key(String callId, long atMs, char key) {
        first.key(callId, atMs, key);
        second.key(callId, atMs, key);
    }

    @Override
    public void voicemail(String callId, long atMs, String box, Path file) {
        first.voicemail(callId, atMs, box, file);
        second.voicemail(callId, atMs, box, file);
    }

    @Override
    public void transfer(String callId, long atMs, String number) {
        first.transfer(callId, atMs, number);
        second.transfer(callId, atMs, number);
    }

    @Override
    public void recording(String callId, long atMs, Path file) {
        first.recording(callId, atMs, file);
        second.recording(callId, atMs, file);
    }

    @Override
    public void ended(String callId, long atMs, EndCause cause) {
        first.ended(callId, atMs, cause);
        second.ended(callId, atMs, cause);
    }
}
