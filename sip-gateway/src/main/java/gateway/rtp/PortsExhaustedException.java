package gateway.rtp;

import config.model.PortRange;

/** Every RTP port pair in the range is in use: the call cannot get media and is refused (503). */
public final class PortsExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortsExhaustedException(PortRange range, int inUse) {
        super("no free RTP port pair in " + range + ": all " + inUse + " pairs are in use");
    }
}
