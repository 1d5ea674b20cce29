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
 * arrive out of order still land where they belong. Only the newest {@code RING_FRAMES} are
 * kept in memory (a live call holds ~10 KB, not a 2 s window): every {@code FLUSH_FRAMES} of
 * new audio, what changed is handed to the writer, so a crash loses at most that much (plus
 * what the writer has queued); frames a late packet changes in memory are written again, and
 * a packet older than the memory but within {@code WINDOW_FRAMES} of the newest audio goes to
 * the writer as a one-channel patch it merges into the file. Runs on the call's loop.
 */
public final class AlignedRecording {
    public static final int CALLER = 0;
    public static final int AGENT = 1;
    /** How far a late packet may lag the newest one and still be placed: 2 s. */
    public static final int WINDOW_FRAMES = 16_000;
    /** The in-memory ring moves on in steps of this many frames: 50 ms. */
    static final int BLOCK_FRAMES = 400;
    /** Newest frames kept in memory, 300 ms: jitter between the two sides stays in it. */
    static final int RING_FRAMES = 6 * BLOCK_FRAMES;
    /**
     * New audio handed to the writer at least this often: 125 ms, half the 250 ms a kill may
     * cost, so that a chunk still queued for the disk at the kill stays within it too.
     */
    public static final int FLUSH_FRAMES = 1000;
    private static final int BYTES_PER_SAMPLE = 2;

    private final RecordingWriter.WavStream out;
    private final int channels;
    private final short[] ring;
    /** Position of the oldest frame still in the ring. */
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
        this.ring = new short[RING_FRAMES * channels];
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

    /** Frames (per channel) in the file so far, including what is still in memory. */
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
        place(channel, pos, length, codec, payload, offset, null);
    }

    /** Linear samples of one side at {@code position} samples since the start. */
    public void pcm(int channel, long position, short[] samples, int offset, int length) {
        place(channel, position, length, null, null, offset, samples);
    }

    /** Samples from {@code samples}, or else G.711 {@code payload} decoded, in pieces of at most FLUSH_FRAMES. */
    private void place(int channel, long position, int length, Codec codec, byte[] payload, int offset,
            short[] samples) {
        if (tooLate(position)) {
            return;
        }
        for (int done = 0; done < length; ) {
            int n = Math.min(length - done, FLUSH_FRAMES);
            long at = position + done;
            reserve(at, n);
            int below = (int) Math.max(0, Math.min(n, base - at)); // older than the ring: patched in the file
            byte[] patch = below == 0 ? null : new byte[below * BYTES_PER_SAMPLE];
            for (int i = 0; i < n; i++) {
                int from = offset + done + i;
                short s = samples != null ? samples[from] : codec.decode(payload[from]);
                if (i >= below) {
                    ring[slot(at + i, channel)] = s;
                } else {
                    patch[i * BYTES_PER_SAMPLE] = (byte) s;
                    patch[i * BYTES_PER_SAMPLE + 1] = (byte) (s >> 8);
                }
            }
            placed(channel, at, n, patch);
            done += n;
        }
    }

    private boolean tooLate(long position) {
        if (position + WINDOW_FRAMES < end) {
            latePackets++;
            return true;
        }
        return false;
    }

    /**
     * Frames [position, position + length) now hold audio, those below the ring in {@code patch}:
     * flush once enough new audio is in.
     */
    private void placed(int channel, long position, int length, byte[] patch) {
        if (patch != null) {
            out.patch(position * channels * BYTES_PER_SAMPLE, channel, patch);
        }
        long inRing = Math.max(position, base);
        if (inRing < position + length && inRing < flushed) {
            changedFrom = Math.min(changedFrom, inRing);
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

    /** Moves the ring on so that it reaches {@code position + length} (at most FLUSH_FRAMES). */
    private void reserve(long position, int length) {
        long needEnd = position + length;
        if (needEnd > base + RING_FRAMES) {
            long newBase = ((needEnd - RING_FRAMES + BLOCK_FRAMES - 1) / BLOCK_FRAMES) * BLOCK_FRAMES;
            if (newBase > Math.min(flushed, changedFrom)) {
                flush(); // the frames leaving the ring are in the file before their slots are reused
            }
            moveWindowTo(newBase);
        }
    }

    /**
     * Hands the writer the frames not yet written and those a late packet changed, [from, end),
     * at their place in the file, in at most two pieces (where the ring wraps).
     */
    private void flush() {
        long from = Math.min(changedFrom, flushed);
        while (from < end) {
            int n = (int) Math.min(end - from, RING_FRAMES - from % RING_FRAMES);
            out.write(from * channels * BYTES_PER_SAMPLE, WavWriter.toBytes(ring, slot(from, 0), n * channels));
            from += n;
        }
        flushed = Math.max(flushed, end);
        changedFrom = Long.MAX_VALUE;
    }

    /** Clears the slots of frames [base, newBase) for reuse; a jump past {@code flushed} leaves silence. */
    private void moveWindowTo(long newBase) {
        long clear = Math.min(newBase - base, RING_FRAMES);
        for (long f = base; f < base + clear; ) {
            int n = (int) Math.min(base + clear - f, RING_FRAMES - f % RING_FRAMES);
            int from = slot(f, 0);
            Arrays.fill(ring, from, from + n * channels, (short) 0);
            f += n;
        }
        base = newBase;
        flushed = Math.max(flushed, base);
    }

    private int slot(long position, int channel) {
        return (int) (position % RING_FRAMES) * channels + channel;
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
