package gateway.sdp;

/** A {@code c=} line. The address may be an IPv4 or IPv6 literal, or (legal but rare) a host name. */
public record Connection(String addressType, String address) {

    public static Connection of(String address) {
        return new Connection(address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The RFC 2543 way to put a call on hold, still sent by many phones. */
    public boolean isHold() {
        return "0.0.0.0".equals(address);
    }

    public String line() {
        return "IN " + addressType + " " + address;
    }
}
