package config.validate;

import config.model.AcdConfig;
import config.model.Agent;
import config.model.Menu;
import config.model.NumberEntry;
import config.model.Queue;
import config.model.Trunk;
import config.yaml.Location;
import config.yaml.YNode;
import config.yaml.YamlSyntaxException;
import config.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates a routing config file in one pass over its YAML tree, collecting every
 * error (with line, column and path) rather than stopping at the first.
 */
public final class ConfigLoader {
    static final Set<String> SECTIONS = Set.of("sip", "rtp", "http", "storage", "trunks", "agents", "queues", "menus", "numbers",
            "pauseReasons", "push");

    private final Function<String, String> env;
    private final boolean requireSecrets;

    /** Substitutes {@code ${NAME}} from the process environment. */
    public ConfigLoader() {
        this(System.getenv());
    }

    public ConfigLoader(Map<String, String> env) {
        this(Map.copyOf(env)::get, true);
    }

    /**
     * @param env            the value of an environment variable, or null when it is not set
     * @param requireSecrets whether an unset {@code ${NAME}} without a default is an error
     */
    public ConfigLoader(Function<String, String> env, boolean requireSecrets) {
        this.env = env;
        this.requireSecrets = requireSecrets;
    }

    /**
     * For checking a committed file without its secrets: an unset {@code ${NAME}} is not an
     * error (the secret is left as written).
     */
    public static ConfigLoader withoutSecrets() {
        return new ConfigLoader(System::getenv, false);
    }

    public LoadResult load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return failure(file, "the file is not UTF-8 text");
        } catch (IOException e) {
            return failure(file, "cannot read the file: " + e);
        }
        return parse(text, file);
    }

    /** Validates {@code text} as if read from {@code file} (relative paths resolve beside it). */
    public LoadResult parse(String text, Path file) {
        Problems problems = new Problems(file.toString());
        YNode root;
        try {
            root = YamlTree.parse(text, (at, message) -> problems.at(at, "", message));
        } catch (YamlSyntaxException e) {
            problems.at(e.location(), "", e.getMessage());
            return new LoadResult(null, problems.sorted());
        }
        if (!(root instanceof YNode.Mapping)) {
            problems.at(root, "", "expected a mapping of sections (sip, http, agents, queues, ...), found " + root.describe());
            return new LoadResult(null, problems.sorted());
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        AcdConfig config = bind(root, file, new Binding(problems, dir, env, requireSecrets));
        return problems.isEmpty() ? new LoadResult(config, List.of()) : new LoadResult(null, problems.sorted());
    }

    private static AcdConfig bind(YNode root, Path file, Binding b) {
        Fields f = Fields.of(root, "", b.problems, SECTIONS);
        TargetReader targets = new TargetReader(b);
        ServerSections server = new ServerSections(b);
        List<Trunk> trunks = server.trunks(f);
        List<Agent> agents = new AgentsSection(b).read(f, trunks);
        List<Queue> queues = new QueuesSection(b, targets).read(f);
        List<MenusSection.Read> menus = new MenusSection(b, targets).read(f);
        List<NumberEntry> numbers = new NumbersSection(b, targets).read(f);
        b.refs.resolve();
        MenuCycles.check(menus, b.problems);
        List<Menu> menuList = menus.stream().map(MenusSection.Read::menu).toList();
        return new AcdConfig(file.toAbsolutePath().normalize(), server.sip(f.node("sip")), server.rtp(f.node("rtp")),
                server.http(f.node("http")), server.storage(f.node("storage")), trunks, agents, queues, menuList, numbers,
                server.pauseReasons(f), new PushSection(b).read(f));
    }

    private static LoadResult failure(Path file, String message) {
        return new LoadResult(null, List.of(new ConfigError(file.toString(), Location.START, "", message)));
    }
}
