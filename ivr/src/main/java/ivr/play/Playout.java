package ivr.play;

import ivr.audio.Codec;
import ivr.audio.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces prompt audio for every call leg on one event loop: the loop calls {@link #tick(long)}
 * every 20 ms and each playing channel sends the frames that are due by then. A late tick is
 * caught up with at most {@code maxBurstFrames} frames per channel; beyond that the schedule
 * slips (the audio arrives late but whole, with contiguous RTP timestamps) instead of flooding
 * the phone. Only playing channels are visited, so idle calls cost nothing. Single-threaded:
 * every method must be called on the owning loop.
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
            if (ch.prompt != null) {
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
            if (ch.prompt != null) {
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
            // Straight after the previous prompt (its last slot not yet past): no gap between them.
            boolean gapless = prompt == null && sentAny && ticked && nextDueMs > lastTickMs;
            if (prompt == null && !gapless) {
                startPending = true;
            }
            prompt = next;
            nextFrame = fromFrame < next.frameCount() ? fromFrame : 0;
            onDone = done;
            pendingDone = null;
            if (!listed) {
                listed = true;
                active.add(this);
            }
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
            closed = true;
        }

        void emitDue(long nowMs) {
            if (startPending) {
                startPending = false;
                nextDueMs = nowMs;
            }
            int burst = 0;
            while (prompt != null && nextDueMs <= nowMs && burst < maxBurstFrames) {
                send();
                burst++;
            }
            if (prompt != null && nextDueMs <= nowMs) {
                long slip = nowMs + Codec.FRAME_MS - nextDueMs;
                nextDueMs += slip;
                lastSentDueMs += slip;
                slips++;
            }
        }

        private void send() {
            byte[] frame = prompt.frame(codec, nextFrame);
            int advance = sentAny ? (int) ((nextDueMs - lastSentDueMs) * (Codec.SAMPLE_RATE / 1000))
                    : Codec.FRAME_SAMPLES;
            boolean marker = !sentAny || nextDueMs - lastSentDueMs > Codec.FRAME_MS;
            lastSentDueMs = nextDueMs;
            sentAny = true;
            nextDueMs += Codec.FRAME_MS;
            nextFrame++;
            framesSent++;
            try {
                sink.sendFrame(frame, 0, frame.length, advance, marker);
            } catch (RuntimeException e) {
                LOG.warn("frame sink failed, stopping playout of {}", prompt, e);
                stop();
                return;
            }
            if (nextFrame >= prompt.frameCount()) {
                pendingDone = onDone;
                onDone = null;
                prompt = null;
                finished.add(this);
            }
        }
    }
}
