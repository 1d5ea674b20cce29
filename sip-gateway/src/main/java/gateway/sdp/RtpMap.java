package gateway.sdp;

import ivr.audio.Codec;

/** An {@code a=rtpmap:} entry: payload type, encoding name, clock rate and optional channels. */
public record RtpMap(int payloadType, String encoding, int clockRate, String parameters) {

    /** The rtpmap of {@code codec} under its static payload type. */
    public static RtpMap of(Codec codec) {
        return new RtpMap(codec.payloadType(), codec.encodingName(), codec.clockRate(), null);
    }

    public boolean is(Codec codec) {
        return is(codec.encodingName(), codec.clockRate());
    }

    public boolean is(String name, int rate) {
        return encoding.equalsIgnoreCase(name) && clockRate == rate;
    }

    public String value() {
        String v = payloadType + " " + encoding + "/" + clockRate;
        return parameters == null ? v : v + "/" + parameters;
    }
}
