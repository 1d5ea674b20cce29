package ivr.play;

/** Where a playout channel's frames go: the gateway's RTP sender for one call leg. */
@FunctionalInterface
public interface FrameSink {

    /**
     * One 20 ms frame, called from {@link Playout#tick(long)} on the leg's event loop.
     *
     * @param payload          encoded audio, shared by every call playing the prompt: copy, never modify
     * @param timestampAdvance RTP clock units (samples) since the previous frame of this sink:
     *                         160 while a prompt plays, more after a silent gap
     * @param marker           first frame after silence (RTP marker bit)
     */
    void sendFrame(byte[] payload, int offset, int length, int timestampAdvance, boolean marker);
}
