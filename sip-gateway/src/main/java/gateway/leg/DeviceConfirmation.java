package gateway.leg;

import gateway.rtp.RtpLeg;
import ivr.audio.Prompt;
import ivr.dtmf.KeySignal;
import ivr.play.Playout;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks whoever answered an agent's personal device to press 1 before the caller is put through,
 * so that a carrier's voicemail never takes a call: the prompt loops on the device's media leg
 * until a key comes, by RFC 4733 (or in-band) in its RTP or by INFO in its dialog. 1 confirms,
 * any other key refuses. Silence has no timer of its own: the core's ring timeout ends it, so
 * the core stays the one owner of how long an agent is offered a call. Runs on the call's loop.
 */
final class DeviceConfirmation {
    private static final Logger log = LoggerFactory.getLogger(DeviceConfirmation.class);
    static final char CONFIRM_KEY = '1';

    private final String callId;
    private final RtpLeg device;
    private final Prompt prompt;
    private final Playout.Channel playout;
    private final Runnable confirmed;
    private final Consumer<String> refused;
    private boolean over;

    /**
     * Starts prompting on {@code device}, an answered leg whose media is agreed.
     *
     * @param confirmed told when 1 is pressed
     * @param refused   told why when another key is
     */
    DeviceConfirmation(String callId, RtpLeg device, ConfirmPrompt prompting, Runnable confirmed,
                       Consumer<String> refused) {
        this.callId = callId;
        this.device = device;
        this.prompt = prompting.prompt();
        this.playout = prompting.playouts().channel(device);
        this.confirmed = confirmed;
        this.refused = refused;
        playout.fill(true); // the quiet between repeats is sent too: the device's jitter buffer stays primed
        device.listenForKeys((leg, key, how) -> key(key, how));
        say();
    }

    private void say() {
        if (!over) {
            playout.play(prompt, this::say);
        }
    }

    /** A key from the device, by any signal: the first one decides. */
    void key(char key, KeySignal how) {
        if (over) {
            return;
        }
        if (key == CONFIRM_KEY) {
            log.info("call {}: the device confirmed the answer ({} by {})", callId, key, how);
            confirmed.run();
        } else {
            refused.accept("key " + key + " by " + how + " instead of " + CONFIRM_KEY);
        }
    }

    /** Stops prompting and listening; the leg is bridged or hung up next. */
    void stop() {
        over = true;
        playout.close();
        if (device.state() == RtpLeg.State.OPEN) {
            device.listenForKeys(null);
        }
    }
}
