package gateway.call;

import config.build.IvrSpecs;
import config.model.MediaSecurity;
import gateway.leg.AgentRoute;
import gateway.trunk.TrunkRoute;
import ivr.menu.Destination;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the call path needs to know from the config: where a dialled number enters, what the
 * IVR plays, how to reach each agent and the outside world, and where files go.
 * Implementations read the config in force and are safe from any thread.
 */
public interface CallDirectory {
    /** Where a call for the Request-URI user starts now (business hours applied); empty: not served. */
    Optional<Destination> entryFor(String dialed);

    /** Menus, queue audio and shared sounds in force; a reload swaps them whole. */
    IvrSpecs ivr();

    Optional<AgentRoute> agent(String agentId);

    /** Every configured agent. */
    List<AgentRoute> agents();

    /** The SIP domain (digest realm), used in the From/To of calls we place. */
    String domain();

    /** The {@code media} setting of the trunk calls come in from; any when unknown. */
    default MediaSecurity trunkMedia(String trunkId) {
        return MediaSecurity.ANY;
    }

    /** Where transfers to outside numbers are sent: the first trunk; empty when there is none. */
    Optional<TrunkRoute> transferTrunk();

    /** Voicemail messages: {@code storage.dir/voicemail}. */
    Path voicemailDir();

    /** Call recordings: {@code storage.recordings}. */
    Path recordingsDir();
}
