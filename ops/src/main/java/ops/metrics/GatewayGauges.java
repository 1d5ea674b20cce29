package ops.metrics;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Figures the gateway already keeps, read by the metrics at scrape time (on the HTTP thread,
 * not the gateway's): each supplier must be a plain thread-safe read, such as a volatile field,
 * an atomic or the size of a concurrent map, never a walk that takes a lock held by a call loop.
 *
 * @param registrations      registered contacts in the registrar now
 * @param activeCalls        calls in progress now (any phase: IVR, queue, bridged)
 * @param activeLegs         SIP dialog legs in progress now (a bridged call has two)
 * @param rtpPacketsRelayed  RTP packets relayed since start (only ever grows)
 * @param rtpPacketsLost     RTP packets counted lost since start, from sequence gaps (only ever grows)
 */
public record GatewayGauges(LongSupplier registrations, LongSupplier activeCalls, LongSupplier activeLegs,
                            LongSupplier rtpPacketsRelayed, LongSupplier rtpPacketsLost) {
    /** All zero: what the series read until the gateway binds its own. */
    public static final GatewayGauges ZERO = new GatewayGauges(() -> 0, () -> 0, () -> 0, () -> 0, () -> 0);

    public GatewayGauges {
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(activeCalls, "activeCalls");
        Objects.requireNonNull(activeLegs, "activeLegs");
        Objects.requireNonNull(rtpPacketsRelayed, "rtpPacketsRelayed");
        Objects.requireNonNull(rtpPacketsLost, "rtpPacketsLost");
    }
}
