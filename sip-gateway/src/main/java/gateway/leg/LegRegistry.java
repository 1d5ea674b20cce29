package gateway.leg;

/**
 * Where outgoing legs are known by Call-ID, so that their responses and in-dialog requests find
 * them (and the caller's loop). A leg registers when its INVITE goes out and leaves when it ends.
 */
public interface LegRegistry {
    void own(OutgoingLeg leg);

    void disown(OutgoingLeg leg);
}
