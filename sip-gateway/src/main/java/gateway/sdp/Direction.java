package gateway.sdp;

import java.util.Locale;

/** RFC 3264 media direction, always from the point of view of the side that wrote the SDP. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The direction an answerer takes when it is willing to do everything the offer allows. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** What both sides allow: the answer to {@code offered} given our own {@code local} limits. */
    public Direction answerTo(Direction offered) {
        return of(sends && offered.receives, receives && offered.sends);
    }

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute, or null when the attribute is not a direction. */
    public static Direction fromAttribute(String name) {
        switch (name) {
            case "sendrecv":
                return SENDRECV;
            case "sendonly":
                return SENDONLY;
            case "recvonly":
                return RECVONLY;
            case "inactive":
                return INACTIVE;
            default:
                return null;
        }
    }
}
