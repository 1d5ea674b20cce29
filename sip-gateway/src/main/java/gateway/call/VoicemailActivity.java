package gateway.call;

import ivr.audio.Codec;
import ivr.record.VoicemailSession;

/** The caller leaving a message: prompt, beep, recording; keys end it early. */
final class VoicemailActivity implements Activity {
    private final VoicemailSession voicemail;

    VoicemailActivity(VoicemailSession voicemail) {
        this.voicemail = voicemail;
    }

    @Override
    public CallPhase phase() {
        return CallPhase.VOICEMAIL;
    }

    @Override
    public void start() {
        voicemail.start();
    }

    @Override
    public void stop(CallPhase next) {
        voicemail.hangup();
    }

    @Override
    public void onKey(char key) {
        voicemail.onKey(key);
    }

    @Override
    public boolean hearsCaller() {
        return true;
    }

    @Override
    public void callerAudio(Codec codec, byte[] bytes, long rtpTimestamp) {
        voicemail.onAudio((int) rtpTimestamp, codec, bytes, 0, bytes.length);
    }
}
