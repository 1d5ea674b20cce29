package gateway.sdp;

import java.util.List;

/**
 * Our own copy of an SDP body (RFC 4566): only what the gateway reads or writes. Lines we do not
 * use ({@code i= u= e= p= b= z= k= t= r=}) are parsed past and not kept; the writer emits
 * {@code t=0 0}.
 *
 * @param connection the session-level {@code c=} line, or null when every media section has one
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection,
                                 List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection that applies to {@code m}: its own, else the session's. */
    public Connection connectionOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** The direction that applies to {@code m}: its own attribute, else the session's, else sendrecv. */
    public Direction directionOf(MediaDescription m) {
        Direction d = m.direction();
        if (d == null) {
            d = MediaDescription.directionOf(attributes);
        }
        return d == null ? Direction.SENDRECV : d;
    }

    public static SessionDescription parse(String sdp) throws SdpException {
        return SdpParser.parse(sdp);
    }

    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
