package ops.metrics;

/**
 * What the SIP gateway counts as it goes, called from its call loops and Jain-SIP's threads.
 * Every method only bumps a counter: no I/O, no lock, no allocation beyond a map lookup.
 * The gauges the gateway already holds (registrations, live calls, RTP totals) are read at
 * scrape time instead, through {@link GatewayGauges}.
 */
public interface GatewayMeters {
    /** A SIP request arrived (from a phone, a trunk, an agent's device). */
    void sipRequestReceived(String method);

    /** We sent a SIP request (an INVITE to an agent, a BYE, a CANCEL, ...). */
    void sipRequestSent(String method);

    /** A SIP response arrived for a request we sent; {@code status} is its code, 100..699. */
    void sipResponseReceived(int status);

    /** We sent a SIP response; {@code status} is its code, 100..699. */
    void sipResponseSent(int status);

    /** A call recording (stereo WAV) was started: the bridge began writing it. */
    void recordingWritten();

    /** The YAML config was reloaded: {@code ok} if it took effect, false if it was rejected. */
    void configReloaded(boolean ok);

    /** Meters nobody reads (tests that do not look at metrics). */
    GatewayMeters NONE = new GatewayMeters() {
        @Override
        public void sipRequestReceived(String method) {
        }

        @Override
        public void sipRequestSent(String method) {
        }

        @Override
        public void sipResponseReceived(int status) {
        }

        @Override
        public void sipResponseSent(int status) {
        }

        @Override
        public void recordingWritten() {
        }

        @Override
        public void configReloaded(boolean ok) {
        }
    };
}
