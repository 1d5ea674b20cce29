package gateway.server;

import acd.event.AcdEventListener;
import ops.metrics.GatewayMeters;
import ops.records.CallFacts;

/**
 * Who hears what the server does, none of them on the call path's critical work: the routing
 * core's events (records, metrics, the log), each call's facts (records), and the SIP counters
 * (metrics, also handed to each call for the recordings it starts). Each must return at once.
 */
public record Observers(AcdEventListener events, CallFacts facts, GatewayMeters meters) {
    /** Only the core's events: tests that read no records and no metrics. */
    public static Observers of(AcdEventListener events) {
        return new Observers(events, CallFacts.NONE, GatewayMeters.NONE);
    }
}
