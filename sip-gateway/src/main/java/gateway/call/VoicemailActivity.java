package gateway.call;

import config.build.IvrSpecs;
import gateway.media.LoopScheduler;
import ivr.audio.Codec;
import ivr.play.Playout;
import ivr.record.VoicemailBox;
import ivr.record.VoicemailSession;
import java.nio.file.Path;
import ivr.dtmf.KeySignal;

/** The caller leaving a message: prompt, beep, recording; keys end it early. */
final class VoicemailActivity implements Activity {
    private final VoicemailSession voicemail;

    VoicemailActivity(VoicemailSession voicemail) {
        this.voicemail = voicemail;
    }

    /** A message for {@code box} (a queue id: its department names the message); {@code over} hangs up after it. */
    static VoicemailActivity leave(CallServices services, String box, String callId, String callerUser,
                                   Playout.Channel playout, LoopScheduler scheduler, Runnable over) {
        IvrSpecs ivr = services.directory().ivr();
        String department = ivr.queue(box).map(IvrSpecs.QueueMedia::department).orElse(null);
        CallMedia media = services.media();
        return new VoicemailActivity(new VoicemailSession(
                new VoicemailBox(box, services.directory().voicemailDir(), null, department),
                new VoicemailSession.Caller(callId, callerUser, services.clock().instant()), ivr.sounds().voicemail(),
                ivr.sounds().beep(), playout, scheduler, media.writer(), media.zone(), reason -> over.run()));
    }

    /** Where the message is written. */
    Path file() {
        return voicemail.file();
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
    public void onKey(char key, KeySignal how) {
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
