package gateway.server;

import config.build.IvrSpecs;
import config.model.AcdConfig;
import config.model.Agent;
import config.model.MediaSecurity;
import config.model.Trunk;
import gateway.call.CallDirectory;
import gateway.leg.AgentRoute;
import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentCredentials;
import gateway.sip.auth.AgentDirectory;
import gateway.sip.auth.ClientCredentials;
import gateway.sip.auth.DigestAlgorithm;
import gateway.trunk.RegistrationSpec;
import gateway.trunk.TrunkRoute;
import ivr.audio.PromptCache;
import ivr.menu.Destination;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config in force, as the call path and the registrar read it. A reload swaps the config
 * and the IVR built from it together; calls read whichever is current when they look
 * (business hours at the time of the call).
 */
public final class ConfiguredDirectory implements CallDirectory, AgentDirectory {
    private static final Logger log = LoggerFactory.getLogger(ConfiguredDirectory.class);

    private record InForce(AcdConfig config, IvrSpecs ivr) {
    }

    private final Clock clock;
    private final PromptCache prompts = new PromptCache();
    private volatile InForce current;
    private volatile TrunkSources trunks;
    private final TrunkAddresses trunkAddresses;

    /** @throws IOException when a sound of the config cannot be loaded */
    public ConfiguredDirectory(AcdConfig config, Clock clock) throws IOException {
        this(config, clock, new TrunkAddresses());
    }

    /** With the trunks' addresses resolved by {@code trunkAddresses}, now and at each reload. */
    public ConfiguredDirectory(AcdConfig config, Clock clock, TrunkAddresses trunkAddresses) throws IOException {
        this.clock = clock;
        this.trunkAddresses = trunkAddresses;
        trunkAddresses.update(config.trunks());
        this.current = new InForce(config, IvrSpecs.build(config, prompts));
        this.trunks = trunkSources(config);
    }

    /**
     * Takes a reloaded config in. Its prompts are loaded first (only changed files are read);
     * if that fails the IVR in force stays, the rest of the config is taken.
     */
    public void update(AcdConfig next) {
        IvrSpecs ivr;
        try {
            ivr = IvrSpecs.build(next, prompts);
        } catch (IOException | RuntimeException e) {
            log.error("config {}: the IVR could not be rebuilt, the previous menus and sounds stay in force: {}",
                    next.source(), e.getMessage());
            ivr = current.ivr();
        }
        this.trunks = trunkSources(next);
        trunkAddresses.update(next.trunks());
        current = new InForce(next, ivr);
    }

    /** The trunks of the config in force: which source addresses may call in without auth. */
    public TrunkSources trunks() {
        return trunks;
    }

    /** The trunks' resolved addresses; calls read them and never look a name up. */
    public TrunkAddresses trunkAddresses() {
        return trunkAddresses;
    }

    public AcdConfig config() {
        return current.config();
    }

    @Override
    public Optional<Destination> entryFor(String dialed) {
        return current.ivr().entries().route(dialed, clock.instant());
    }

    @Override
    public IvrSpecs ivr() {
        return current.ivr();
    }

    @Override
    public MediaSecurity trunkMedia(String trunkId) {
        return current.config().trunk(trunkId).map(Trunk::media).orElse(MediaSecurity.ANY);
    }

    @Override
    public Optional<TrunkRoute> transferTrunk() {
        return current.config().trunks().stream().findFirst().map(this::route);
    }

    /** The trunks of the config in force as calls reach them (addresses as last resolved). */
    public List<TrunkRoute> trunkRoutes() {
        return current.config().trunks().stream().map(this::route).toList();
    }

    /** What the trunks with {@code register: true} register as. */
    public List<RegistrationSpec> registrations() {
        return current.config().trunks().stream().filter(Trunk::register)
                .map(t -> new RegistrationSpec(route(t), t.username(), t.domain(), t.registerExpiry())).toList();
    }

    private TrunkRoute route(Trunk t) {
        ClientCredentials credentials = t.username() == null || t.password() == null ? null
                : new ClientCredentials(t.username(), t.password().value());
        return new TrunkRoute(t.id(), trunkAddresses.get(t.id()), t.transport(), credentials, t.offer());
    }

    @Override
    public Path voicemailDir() {
        return current.config().storage().dir().resolve("voicemail");
    }

    @Override
    public Path recordingsDir() {
        return current.config().storage().recordings();
    }

    @Override
    public Optional<AgentRoute> agent(String agentId) {
        AcdConfig c = current.config();
        return c.agent(agentId).map(a -> route(c, a));
    }

    @Override
    public List<AgentRoute> agents() {
        AcdConfig c = current.config();
        return c.agents().stream().map(a -> route(c, a)).toList();
    }

    @Override
    public String domain() {
        return current.config().sip().domain();
    }

    /** Digest credentials by extension, for REGISTER and agents' own calls. */
    @Override
    public Optional<AgentCredentials> byUser(String extension) {
        return current.config().agents().stream()
                .filter(a -> extension.equals(a.extension()) && a.password() != null)
                .findFirst()
                .map(a -> new AgentCredentials(a.id(), a.extension(), a.password().value(),
                        digestAlgorithms(a.digest()), a.nat()));
    }

    /** The config's algorithm names (already validated) as the authenticator takes them. */
    static List<DigestAlgorithm> digestAlgorithms(List<String> names) {
        return names.stream().map(name -> DigestAlgorithm.fromToken(name).orElseThrow()).toList();
    }

    /** Which source addresses are trunks, from each trunk's {@code allow} list. */
    static TrunkSources trunkSources(AcdConfig config) {
        return TrunkSources.allowing(config.trunks().stream().collect(Collectors.toMap(Trunk::id, Trunk::allow)));
    }

    private AgentRoute route(AcdConfig c, Agent a) {
        TrunkRoute trunk = a.trunk() == null ? null : c.trunk(a.trunk()).map(this::route).orElse(null);
        return new AgentRoute(a.id(), a.extension(), a.device(), a.forward(), trunk, a.media(), a.forwardConfirm());
    }
}
