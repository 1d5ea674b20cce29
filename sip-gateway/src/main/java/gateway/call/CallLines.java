package gateway.call;

import acd.call.CancelReason;
import gateway.net.Addresses;
import gateway.sip.AdmittedInvite;
import gateway.sip.Caller;
import ivr.dtmf.KeySignal;
import ivr.menu.Destination;
import java.util.Locale;
import ops.records.CallFacts.EndCause;

/**
 * The words of the INFO lines an operator follows a call by, one per step, each starting
 * {@code call <Call-ID>:} (see the README's Logging section). Never prints a null: a missing
 * field is {@code -} or left out.
 */
final class CallLines {
    private CallLines() {
    }

    /** {@code INVITE from 1001 to 100, 127.0.0.1:5062 over UDP, agent alice}: who called what, from where. */
    static String invite(AdmittedInvite invite, String callerUser) {
        Caller c = invite.caller();
        return "INVITE from " + orDash(callerUser) + " to " + orDash(invite.dialed()) + ", "
                + Addresses.of(invite.source().address()) + " over " + invite.source().transport() + ", "
                + (c.kind() == Caller.Kind.TRUNK ? "trunk " : "agent ") + c.id();
    }

    /** Where a destination sends the caller: {@code menu main}, {@code queue sales}, ... */
    static String destination(Destination d) {
        if (d instanceof Destination.Menu m) {
            return "menu " + m.menuId();
        } else if (d instanceof Destination.Queue q) {
            return "queue " + q.queueId();
        } else if (d instanceof Destination.Voicemail v) {
            return "voicemail " + v.voicemailId();
        } else if (d instanceof Destination.Transfer t) {
            return "transfer to " + t.number();
        }
        return "hang-up";
    }

    /** Why the core stopped a ring, as the ring's end line says it. */
    static String cancelled(CancelReason why) {
        return switch (why) {
            case TIMEOUT -> "no answer within the ring timeout";
            case ANSWERED_ELSEWHERE -> "cancelled, answered elsewhere";
            case CALLER_GONE -> "cancelled, caller gone";
            case LEFT_QUEUE -> "cancelled, the caller left the queue";
            case AGENT_UNAVAILABLE -> "cancelled, agent unavailable";
        };
    }

    static String how(KeySignal how) {
        return switch (how) {
            case RFC4733 -> "RFC 4733";
            case SIP_INFO -> "SIP INFO";
            case INBAND -> "in-band";
        };
    }

    /** {@code in menu after 12.3 s, caller hung up} or {@code ..., system hung up: voicemail over}. */
    static String ended(CallPhase phase, long durationMs, EndCause cause, String reason) {
        String side = switch (cause) {
            case CALLER_HUNG_UP -> "caller hung up";
            case AGENT_HUNG_UP -> "agent hung up";
            case MEDIA_TIMEOUT -> "system hung up, media timeout";
            case FAILED -> "failed";
            case SYSTEM_HUNG_UP -> "system hung up";
        };
        String why = reason == null || reason.isEmpty() || reason.equals(side) ? "" : ": " + reason;
        return "in " + phase(phase) + " after " + String.format(Locale.ROOT, "%.1f", durationMs / 1000.0)
                + " s, " + side + why;
    }

    private static String phase(CallPhase phase) {
        return switch (phase) {
            case NEW -> "setup";
            case IVR -> "menu";
            case QUEUED -> "queue";
            case VOICEMAIL -> "voicemail";
            case TRANSFER -> "transfer";
            case BRIDGED -> "bridge";
            case ENDED -> "end";
        };
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
