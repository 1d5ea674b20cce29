package gateway.cli;

import config.validate.ConfigError;
import config.validate.ConfigLoader;
import config.validate.LoadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code acd check [--skip-env] FILE...}: validates routing config files the way the server
 * loads them, printing {@code OK} or every error (one per line, file:line:column: path: message).
 */
public final class CheckCommand implements Command {
    private static final String SKIP_ENV = "--skip-env";

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String arguments() {
        return "[" + SKIP_ENV + "] FILE...";
    }

    @Override
    public String summary() {
        return "validate config files: prints OK or every error; exit code 0 or 1 ("
                + SKIP_ENV + ": unset ${ENV} secrets are not errors)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>(args);
        boolean skipEnv = files.remove(SKIP_ENV);
        if (files.isEmpty() || files.stream().anyMatch(f -> f.startsWith("-"))) {
            err.println("usage: acd check " + arguments());
            return Cli.USAGE;
        }
        ConfigLoader loader = skipEnv ? ConfigLoader.withoutSecrets() : new ConfigLoader();
        int failed = 0;
        for (String f : files) {
            LoadResult r = loader.load(Path.of(f));
            if (r.ok()) {
                out.println(files.size() == 1 ? "OK" : f + ": OK");
            } else {
                failed++;
                r.errors().stream().map(ConfigError::toString).forEach(err::println);
                err.println(f + ": " + r.errors().size() + (r.errors().size() == 1 ? " error" : " errors"));
            }
        }
        return failed == 0 ? Cli.OK : Cli.FAILED;
    }
}
