package gateway.call;

import ivr.audio.Codec;
import ivr.dtmf.KeySignal;

/**
 * What a call does in one phase of its flow: a menu, a queue wait, voicemail, a transfer, a
 * bridge. {@link CallFlow} holds exactly one; leaving its phase stops it, entering the next
 * phase starts the next one. Runs on the call's loop.
 */
interface Activity {
    /** The phase of the call while this activity runs. */
    CallPhase phase();

    /** Entry action. */
    default void start() {
    }

    /** Exit action; {@code next} is where the call goes (say, a transfer keeps its leg for the bridge). */
    default void stop(CallPhase next) {
    }

    /** A key from the caller, {@code how} it came; ignored unless the activity reads keys. */
    default void onKey(char key, KeySignal how) {
    }

    /** Whether {@link #callerAudio} wants the caller's audio: copying it costs, so only on demand. */
    default boolean hearsCaller() {
        return false;
    }

    /** Audio the caller sent, copied out of the packet. */
    default void callerAudio(Codec codec, byte[] bytes, long rtpTimestamp) {
    }

    /** Whether the routing core holds the call now and must hear when it ends. */
    default boolean heldByCore() {
        return false;
    }

    /** No activity: a call being answered ({@link CallPhase#NEW}) or over ({@link CallPhase#ENDED}). */
    static Activity none(CallPhase phase) {
        return () -> phase;
    }
}
