package ivr.play;

import ivr.audio.Codec;
import ivr.audio.Prompt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces prompt audio for every call leg on one event loop: the loop calls {@link #tick(long)}
 * every 20 ms and each playing channel sends the frames that are due by then. A late tick is
 * caught up with at most {@code maxBurstFrames} frames per channel; beyond that the schedule
 * slips (the audio arrives late but whole, with contiguous RTP timestamps) instead of flooding
 * the phone. Only playing (or filling) channels are visited, so idle calls cost nothing.
 * Single-threaded: every method must be called on the owning loop.
 *
 * <p>A channel with its filler on ({@link Channel#fill(boolean)}) never goes quiet: whenever no
 * prompt plays it sends a 20 ms frame of the codec's digital silence every tick, on the same
 * schedule and the same RTP stream as the prompts, so a prompt starting or ending leaves no gap
 * and no jump in the timestamps. Encoded silence rather than RFC 3389 comfort noise: our SDP
 * offers and answers no CN, and a G.711 silence frame every 20 ms keeps every carrier's and SBC's
 * RTP timeout and jitter buffer content.
 */
public final class Playout {
    private static final Logger LOG = LoggerFactory.getLogger(Playout.class);
    public static final int DEFAULT_MAX_BURST_FRAMES = 3;

    private final int maxBurstFrames;
    private final ArrayList<Channel> active = new ArrayList<>();
    private final List<Channel> finished = new ArrayList<>();
    private long lastTickMs;
    private boolean ticked;
    private long framesSent;
    private long fillerFrames;
    private long slips;

    public Playout() {
        this(DEFAULT_MAX_BURST_FRAMES);
    }

    public Playout(int maxBurstFrames) {
        if (maxBurstFrames < 1) {
            throw new IllegalArgumentException("maxBurstFrames=" + maxBurstFrames + " must be at least 1");
        }
        this.maxBurstFrames = maxBurstFrames;
    }

    /** A channel for one call leg, sending {@code codec} frames to {@code sink}. */
    public Channel open(Codec codec, FrameSink sink) {
        return new Channel(codec, sink);
    }

    /** Sends every frame due at {@code nowMs}, then runs the onDone of prompts that ended. */
    public void tick(long nowMs) {
        lastTickMs = nowMs;
        ticked = true;
        int n = active.size();
        for (int i = 0; i < n; i++) {
            Channel ch = active.get(i);
            if (ch.sounding()) {
                ch.emitDue(nowMs);
            }
        }
        compact();
        for (int i = 0; i < finished.size(); i++) {
            Channel ch = finished.get(i);
            Runnable done = ch.pendingDone;
            ch.pendingDone = null;
            if (done != null) {
                done.run();
            }
        }
        finished.clear();
    }

    private void compact() {
        int w = 0;
        for (int r = 0; r < active.size(); r++) {
            Channel ch = active.get(r);
            if (ch.sounding()) {
                active.set(w++, ch);
            } else {
                ch.listed = false;
            }
        }
        active.subList(w, active.size()).clear();
    }

    /** Channels playing now. */
    public int playing() {
        int n = 0;
        for (Channel ch : active) {
            if (ch.prompt != null) {
                n++;
            }
        }
        return n;
    }

    public long framesSent() {
        return framesSent;
    }

    /** Frames of silence the fillers sent (also counted in {@link #framesSent()}). */
    public long fillerFrames() {
        return fillerFrames;
    }

    /** Times a channel fell more than the burst bound behind and its schedule slipped. */
    public long slips() {
        return slips;
    }

    /** The playout of one call leg. */
    public final class Channel implements MediaPort {
        private final Codec codec;
        private final FrameSink sink;
        private Prompt prompt;
        private int nextFrame;
        private Runnable onDone;
        private Runnable pendingDone;
        private boolean startPending;
        private long nextDueMs;
        private long lastSentDueMs;
        private boolean sentAny;
        private boolean listed;
        private boolean closed;
        private boolean fill;
        private byte[] silence;

        private Channel(Codec codec, FrameSink sink) {
            this.codec = codec;
            this.sink = sink;
        }

        public Codec codec() {
            return codec;
        }

        @Override
        public void play(Prompt next, int fromFrame, Runnable done) {
            if (closed) {
                throw new IllegalStateException("playout channel is closed");
            }
            if (fromFrame < 0) {
                throw new IllegalArgumentException("fromFrame=" + fromFrame);
            }
            boolean wasSounding = sounding();
            prompt = next;
            nextFrame = fromFrame < next.frameCount() ? fromFrame : 0;
            onDone = done;
            pendingDone = null;
            resume(wasSounding);
        }

        /**
         * Turns the filler on or off: while on, every tick with no prompt playing sends a frame of
         * silence. Off while the leg is bridged (the relay speaks then); on again when it is not.
         */
        public void fill(boolean on) {
            if (closed || on == fill) {
                return;
            }
            boolean wasSounding = sounding();
            fill = on;
            if (on) {
                resume(wasSounding);
            }
        }

        /** Whether the filler is on. */
        public boolean filling() {
            return fill;
        }

        /** Listed and scheduled again after being quiet; straight after the last slot, without a gap. */
        private void resume(boolean wasSounding) {
            boolean gapless = sentAny && ticked && nextDueMs > lastTickMs;
            if (!wasSounding && !gapless) {
                startPending = true;
            }
            if (!listed) {
                listed = true;
                active.add(this);
            }
        }

        private boolean sounding() {
            return prompt != null || fill;
        }

        @Override
        public int stop() {
            int position = prompt == null ? 0 : nextFrame;
            prompt = null;
            onDone = null;
            pendingDone = null;
            return position;
        }

        @Override
        public boolean playing() {
            return prompt != null;
        }

        /** Stops and refuses further play: the call leg is gone. */
        public void close() {
            stop();
            fill = false;
            closed = true;
        }

        private byte[] silenceFrame() {
            if (silence == null) {
                silence = new byte[Codec.FRAME_SAMPLES];
                Arrays.fill(silence, codec.silence());
            }
            return silence;
        }

        void emitDue(long nowMs) {
            if (startPending) {
                startPending = false;
                nextDueMs = nowMs;
            }
            int burst = 0;
            while (sounding() && nextDueMs <= nowMs && burst < maxBurstFrames) {
                send();
                burst++;
            }
            if (sounding() && nextDueMs <= nowMs) {
                long slip = nowMs + Codec.FRAME_MS - nextDueMs;
                nextDueMs += slip;
                lastSentDueMs += slip;
                slips++;
            }
        }

        private void send() {
            Prompt playing = prompt;
            byte[] frame = playing != null ? playing.frame(codec, nextFrame) : silenceFrame();
            int advance = sentAny ? (int) ((nextDueMs - lastSentDueMs) * (Codec.SAMPLE_RATE / 1000))
                    : Codec.FRAME_SAMPLES;
            boolean marker = !sentAny || nextDueMs - lastSentDueMs > Codec.FRAME_MS;
            lastSentDueMs = nextDueMs;
            sentAny = true;
            nextDueMs += Codec.FRAME_MS;
            framesSent++;
            if (playing == null) {
                fillerFrames++;
            } else {
                nextFrame++;
            }
            try {
                sink.sendFrame(frame, 0, frame.length, advance, marker);
            } catch (RuntimeException e) {
                LOG.warn("frame sink failed, stopping playout of {}", playing == null ? "silence" : playing, e);
                stop();
                fill = false;
                return;
            }
            if (playing != null && nextFrame >= playing.frameCount()) {
                pendingDone = onDone;
                onDone = null;
                prompt = null;
                finished.add(this);
            }
        }
    }
}
