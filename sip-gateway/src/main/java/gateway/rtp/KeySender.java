package gateway.rtp;

import io.netty.channel.EventLoop;
import ivr.dtmf.TelephoneEventEncoder;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * RFC 4733 key presses we originate on one leg (a key that reached the call by SIP INFO or
 * in-band): the packets of each event paced as the encoder says on the leg's loop, in the leg's
 * one outbound stream, and the keys one after another with a gap, so a burst of INFO requests
 * still reads as separate presses.
 */
final class KeySender {
    /** Silence between two events we send, as a phone leaves between two presses. */
    static final int GAP_MS = 60;

    private record Press(char key, int durationMs) {
    }

    private final LegDtmf leg;
    private final EventLoop loop;
    private final ArrayDeque<Press> pending = new ArrayDeque<>(2);
    private boolean sending;

    KeySender(LegDtmf leg, EventLoop loop) {
        this.leg = leg;
        this.loop = loop;
    }

    void press(char key, int durationMs) {
        pending.add(new Press(key, durationMs));
        if (!sending) {
            next();
        }
    }

    private void next() {
        Press press = pending.poll();
        if (press == null || !leg.open()) {
            pending.clear();
            sending = false;
            return;
        }
        sending = true;
        // every packet of one event carries the timestamp of its start (RFC 4733 2.5.1.2)
        long start = leg.eventTimestamp();
        List<TelephoneEventEncoder.Packet> packets = TelephoneEventEncoder.encode(press.key(), press.durationMs());
        for (TelephoneEventEncoder.Packet p : packets) {
            at(p.sendOffsetMs(), () -> leg.send(p, start));
        }
        at(packets.get(packets.size() - 1).sendOffsetMs() + GAP_MS, this::next);
    }

    private void at(int offsetMs, Runnable task) {
        if (offsetMs == 0) {
            task.run();
        } else {
            loop.schedule(task, offsetMs, TimeUnit.MILLISECONDS);
        }
    }
}
