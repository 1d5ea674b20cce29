package gateway.sdp;

/** An {@code a=rtpmap:} entry: payload type, encoding name, clock rate and optional channels. */
public record RtpMap(int payloadType, String encoding, int clockRate, String parameters) {

    public boolean is(String name, int rate) {
        return encoding.equalsIgnoreCase(name) && clockRate == rate;
    }

    public String value() {
        String v = payloadType + " " + encoding + "/" + clockRate;
        return parameters == null ? v : v + "/" + parameters;
    }
}
