package gateway.sip.tcp;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * A connection {@link TcpConnections} counts against the caps and closes when idle: plain TCP or
 * TLS. Both are the RI's channels underneath, so what they add lives in their {@link Guard}.
 */
interface GuardedChannel extends ConnectionInbox.Owner {
    Guard guard();

    /** Wall-clock time of the last byte in or out, as the RI stamps it. */
    long getLastActivityTimestamp();

    /** A peer opened it to us (counted per source), rather than we to it. */
    default boolean accepted() {
        return guard().accepted();
    }

    /** The remote end as connected (the RI may rewrite its peer fields from headers). */
    @Override
    default InetSocketAddress peer() {
        return guard().peer();
    }

    /** Whether an INVITE it carried has a dialog among {@code liveCallIds}; forgets the others. */
    default boolean carriesDialog(Set<String> liveCallIds) {
        return guard().inbox().carriesDialog(liveCallIds);
    }
}
