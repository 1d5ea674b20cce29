package ivr.record;

import ivr.audio.Codec;
import ivr.audio.WavWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Puts the audio of each side of a call at its place in time and streams the result to a
 * {@link RecordingWriter}: channel 0 (left) the caller, channel 1 (right) the agent. Samples
 * are written at a position in samples since the recording began, so a side that sent nothing
 * (muted phone, lost packets, agent not yet connected) is silence there, and packets that
 * arrive out of order still land where they belong. A window of {@code WINDOW_FRAMES} is kept
 * in memory for late packets, but the file does not wait for it: every {@code FLUSH_FRAMES} of
 * new audio, what changed is handed to the writer, so a crash loses at most that much (plus
 * what the writer has queued); frames a late packet changes are written again. Runs on the
 * call's loop.
 */
public final class AlignedRecording {
    public static final int CALLER = 0;
    public static final int AGENT = 1;
    /** The window moves on in steps of this many frames: 0.5 s. */
    public static final int BLOCK_FRAMES = 4000;
    /** How far a late packet may lag the newest one and still be placed: 2 s. */
    public static final int WINDOW_FRAMES = 4 * BLOCK_FRAMES;
    /**
     * New audio handed to the writer at least this often: 125 ms, half the 250 ms a kill may
     * cost, so that a chunk still queued for the disk at the kill stays within it too.
     */
    public static final int FLUSH_FRAMES = 1000;
    private static final int BYTES_PER_SAMPLE = 2;

    private final RecordingWriter.WavStream out;
    private final int channels;
    private final short[] ring;
    /** Position of the oldest frame still in the window. */
    private long base;
    /** One past the newest frame written by any side. */
    private long end;
    /** Frames [0, flushed) are handed to the writer (those at or after {@code base} may change again). */
    private long flushed;
    /** The oldest frame below {@code flushed} a late packet changed since the last flush; MAX_VALUE for none. */
    private long changedFrom = Long.MAX_VALUE;
    private long latePackets;
    private final SideClock[] clocks;

    public AlignedRecording(RecordingWriter.WavStream out) {
        this.out = out;
        this.channels = out.channels();
        this.ring = new short[WINDOW_FRAMES * channels];
        this.clocks = new SideClock[channels];
        for (int c = 0; c < channels; c++) {
            clocks[c] = new SideClock();
        }
    }

    public Path file() {
        return out.file();
    }

    /** Packets too late for the window (dropped). */
    public long latePackets() {
        return latePackets;
    }

    /** Frames (per channel) in the file so far, including what is still in the window. */
    public long frames() {
        return end;
    }

    /**
     * An RTP payload of G.711 from one side, placed by its RTP timestamp (see {@link SideClock}).
     *
     * @param elapsedMs ms since this recording started, when the packet arrived
     */
    public void rtp(int channel, long elapsedMs, int rtpTimestamp, Codec codec, byte[] payload, int offset,
            int length) {
        long pos = clocks[channel].position(elapsedMs, rtpTimestamp, length);
        if (!reserve(pos, length)) {
            return;
        }
        for (int i = 0; i < length; i++) {
            ring[slot(pos + i, channel)] = codec.decode(payload[offset + i]);
        }
        placed(pos, length);
    }

    /** Linear samples of one side at {@code position} samples since the start. */
    public void pcm(int channel, long position, short[] samples, int offset, int length) {
        if (!reserve(position, length)) {
            return;
        }
        for (int i = 0; i < length; i++) {
            ring[slot(position + i, channel)] = samples[offset + i];
        }
        placed(position, length);
    }

    /** Frames [position, position + length) now hold audio: flush once enough new audio is in. */
    private void placed(long position, int length) {
        if (position < flushed) {
            changedFrom = Math.min(changedFrom, position);
        }
        end = Math.max(end, position + length);
        if (end - flushed >= FLUSH_FRAMES) {
            flush();
        }
    }

    /** Writes what is left and completes the header. */
    public CompletableFuture<Path> finish(RecordingWriter.AfterFinish after) {
        flush();
        return out.finish(after);
    }

    public CompletableFuture<Path> finish() {
        return finish((f, n) -> { });
    }

    private boolean reserve(long position, int length) {
        if (position < base || length > WINDOW_FRAMES) {
            latePackets++;
            return false;
        }
        long needEnd = position + length;
        if (needEnd > base + WINDOW_FRAMES) {
            long newBase = ((needEnd - WINDOW_FRAMES + BLOCK_FRAMES - 1) / BLOCK_FRAMES) * BLOCK_FRAMES;
            flush(); // the frames leaving the window are in the file before their slots are reused
            moveWindowTo(newBase);
        }
        return true;
    }

    /**
     * Hands the writer the frames not yet written and those a late packet changed, [from, end),
     * at their place in the file, in at most two pieces (where the ring wraps).
     */
    private void flush() {
        long from = Math.min(changedFrom, flushed);
        while (from < end) {
            int n = (int) Math.min(end - from, WINDOW_FRAMES - from % WINDOW_FRAMES);
            out.write(from * channels * BYTES_PER_SAMPLE, WavWriter.toBytes(ring, slot(from, 0), n * channels));
            from += n;
        }
        flushed = Math.max(flushed, end);
        changedFrom = Long.MAX_VALUE;
    }

    /** Clears the slots of frames [base, newBase) for reuse; a jump past {@code flushed} leaves silence. */
    private void moveWindowTo(long newBase) {
        long clear = Math.min(newBase - base, WINDOW_FRAMES);
        for (long f = base; f < base + clear; ) {
            int n = (int) Math.min(base + clear - f, WINDOW_FRAMES - f % WINDOW_FRAMES);
            int from = slot(f, 0);
            Arrays.fill(ring, from, from + n * channels, (short) 0);
            f += n;
        }
        base = newBase;
        flushed = Math.max(flushed, base);
    }

    private int slot(long position, int channel) {
        return (int) (position % WINDOW_FRAMES) * channels + channel;
    }

    /**
     * Maps one side's RTP timestamps to positions in the recording: the first packet is
     * placed by its arrival time, later ones by their timestamp distance from it (so network
     * jitter does not smear the audio). A jump of more than a second against arrival time
     * (a new SSRC, a re-INVITE, a sender that resets) re-anchors on arrival time.
     */
    static final class SideClock {
        private static final long REANCHOR_SAMPLES = Codec.SAMPLE_RATE;
        private boolean anchored;
        private long anchorPosition;
        private int anchorTimestamp;

        long position(long elapsedMs, int rtpTimestamp, int length) {
            long byArrival = Math.max(0, elapsedMs * (Codec.SAMPLE_RATE / 1000) - length);
            long byTimestamp = anchorPosition + (rtpTimestamp - anchorTimestamp);
            if (!anchored || Math.abs(byTimestamp - byArrival) > REANCHOR_SAMPLES) {
                anchored = true;
                anchorPosition = byArrival;
                anchorTimestamp = rtpTimestamp;
                return byArrival;
            }
            return byTimestamp;
        }
    }
}
