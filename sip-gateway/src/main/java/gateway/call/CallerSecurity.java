package gateway.call;

import config.model.MediaSecurity;
import gateway.leg.AgentRoute;
import gateway.leg.LegSecurity;
import gateway.sdp.SrtpTerms;
import gateway.sip.AdmittedInvite;
import gateway.sip.Caller;

/** The SRTP terms of an incoming call: the {@code media} of the trunk or agent it came from, over its transport. */
final class CallerSecurity {
    private CallerSecurity() {
    }

    static SrtpTerms terms(CallDirectory directory, AdmittedInvite invite) {
        Caller caller = invite.caller();
        MediaSecurity policy = caller == null ? MediaSecurity.ANY : switch (caller.kind()) {
            case TRUNK -> directory.trunkMedia(caller.id());
            case AGENT -> directory.agent(caller.id()).map(AgentRoute::media).orElse(MediaSecurity.ANY);
        };
        return LegSecurity.answering(policy, invite.source() == null ? "UDP" : invite.source().transport());
    }
}
