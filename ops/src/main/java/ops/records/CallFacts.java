package ops.records;

import java.nio.file.Path;

/**
 * What the gateway knows of a call that the routing core never sees: how it arrived, the
 * menus and keys, voicemail, transfer, recording, and how it ended. Together with the core's
 * {@link acd.event.AcdEvent}s this is everything a call record holds. Called on the call loops:
 * implementations hand the fact over and return at once, never blocking, never doing I/O.
 * Times are wall-clock epoch milliseconds.
 */
public interface CallFacts {
    /** The call was admitted (a trunk, or an authenticated phone) and is being answered. */
    void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source);

    /** The caller entered a menu of the IVR. */
    void menu(String callId, long atMs, String menuId);

    /** The caller pressed a key (RFC 4733, SIP INFO or in-band), in any phase. */
    void key(String callId, long atMs, char key);

    /** The caller started leaving a voicemail message, written to {@code file}. */
    void voicemail(String callId, long atMs, String box, Path file);

    /** The caller is being transferred to an outside number. */
    void transfer(String callId, long atMs, String number);

    /** The bridged call is recorded to {@code file} (stereo WAV). */
    void recording(String callId, long atMs, Path file);

    /** The call is over, exactly once per call that {@link #arrived}. */
    void ended(String callId, long atMs, EndCause cause);

    /** Why a call ended, from the gateway's side: who hung up, or what failed. */
    enum EndCause {
        /** The caller hung up (BYE or CANCEL). */
        CALLER_HUNG_UP,
        /** The agent (or the transfer's far end) hung up a bridged call. */
        AGENT_HUNG_UP,
        /** We hung up: the IVR's hang-up, the end of a voicemail, a fallback to hang-up. */
        SYSTEM_HUNG_UP,
        /** No RTP for the inactivity timeout. */
        MEDIA_TIMEOUT,
        /** Never set up: unusable SDP, no media port, a transfer that failed, shutdown. */
        FAILED
    }

    /** Facts nobody records (tests that don't look at records). */
    CallFacts NONE = new CallFacts() {
        @Override
        public void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source) {
        }

        @Override
        public void menu(String callId, long atMs, String menuId) {
        }

        @Override
        public void key(String callId, long atMs, char key) {
        }

        @Override
        public void voicemail(String callId, long atMs, String box, Path file) {
        }

        @Override
        public void transfer(String callId, long atMs, String number) {
        }

        @Override
        public void recording(String callId, long atMs, Path file) {
        }

        @Override
        public void ended(String callId, long atMs, EndCause cause) {
        }
    };
}
