package config.validate;

import config.model.Agent;
import config.model.Forward;
import config.model.MediaSecurity;
import config.model.NatMode;
import config.model.Secret;
import config.model.Trunk;
import config.yaml.YNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The agents section: ids, extensions and passwords, how their phones are met, personal devices and forwarding. */
final class AgentsSection {
    private static final Set<String> FIELDS = Set.of("id", "name", "extension", "password", "device", "forward", "trunk",
            "nat", "digest", "media", "forwardConfirm");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    static final Map<String, Forward> FORWARDS = Fields.names(Forward.values(), Forward::configName);

    private final Binding b;

    AgentsSection(Binding b) {
        this.b = b;
    }

    /** @param trunks the trunks read so far: the only one is the default for a device */
    List<Agent> read(Fields root, List<Trunk> trunks) {
        return root.items("agents", (node, path) -> agent(Fields.of(node, path, b.problems, FIELDS), node, trunks));
    }

    private Agent agent(Fields f, YNode node, List<Trunk> trunks) {
        String id = f.required("id", Values::id);
        b.refs.define(References.Kind.AGENT, id, f.has("id") ? f.node("id") : node, f.path("id"));
        String extension = f.value("extension", null, AgentsSection::extension);
        b.refs.define(References.Kind.EXTENSION, extension, f.node("extension"), f.path("extension"));
        Secret password = b.secret(f, "password");
        if (f.has("extension") && !f.has("password")) {
            f.missing("password");
        }
        String device = f.value("device", null, Values::phoneNumber);
        Forward forward = f.choice("forward", FORWARDS, Forward.NEVER);
        String trunk = f.value("trunk", null, Values::id);
        b.refs.refer(References.Kind.TRUNK, trunk, f.node("trunk"), f.path("trunk"));
        if (forward != Forward.NEVER && !f.has("device")) {
            b.problems.at(f.node("forward"), f.path("forward"), "\"" + forward.configName() + "\" needs a device (the personal number to forward to)");
        }
        if (!f.has("extension") && !f.has("device")) {
            f.missingOneOf("extension", "device");
        }
        if (f.has("device") && trunk == null) {
            if (trunks.size() == 1) {
                trunk = trunks.get(0).id();
            } else if (trunks.isEmpty()) {
                b.refs.needTrunk(f.node("device"), f.path("device"));
            } else {
                b.problems.at(f.node("device"), f.path("device"), "there are several trunks: say which one reaches this device with trunk:");
            }
        }
        NatMode nat = f.choice("nat", ServerSections.NAT_MODES, null);
        List<String> digest = ServerSections.digest(f, b.problems);
        for (String phonesOnly : List.of("nat", "digest")) {
            if (f.has(phonesOnly) && !f.has("extension")) {
                b.problems.at(f.node(phonesOnly), f.path(phonesOnly), "applies to registered phones: needs an extension");
            }
        }
        Boolean forwardConfirm = f.has("forwardConfirm") ? f.bool("forwardConfirm", false) : null;
        if (f.has("forwardConfirm") && forward == Forward.NEVER) {
            b.problems.at(f.node("forwardConfirm"), f.path("forwardConfirm"), "applies to a personal device: needs device and forward");
        }
        if (id == null) {
            return null;
        }
        MediaSecurity media = f.choice("media", ServerSections.MEDIA, MediaSecurity.ANY);
        return new Agent(id, f.text("name", id), extension, password, device, forward, trunk, nat, digest, media,
                forwardConfirm);
    }

    private static String extension(String text) throws BadValue {
        if (!EXTENSION.matcher(text).matches()) {
            throw new BadValue("bad extension \"" + text + "\": use digits or letters, e.g. \"1001\"");
        }
        return text;
    }
}
