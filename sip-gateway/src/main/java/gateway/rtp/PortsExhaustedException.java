package gateway.rtp;

import config.model.PortRange;

/** Every RTP port pair in the range is in use: the call cannot get media and is refused (503). */
public final class PortsExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortsExhaustedException(PortRange range, int inUse, int heldElsewhere) {
        super(heldElsewhere == 0
                ? "no free RTP port pair in " + range + ": all " + inUse + " pairs are in use"
                : "no free RTP port pair in " + range + ": " + inUse + " pairs are in use and " + heldElsewhere
                        + " held by other processes (set rtp.ports to a range nothing else uses)");
    }
}
