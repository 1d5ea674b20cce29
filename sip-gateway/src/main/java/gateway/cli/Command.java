package gateway.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code acd}: {@code acd NAME ARGS...}. */
public interface Command {
    String name();

    /** The arguments, for the usage text, e.g. {@code "[--skip-env] FILE..."}. */
    String arguments();

    /** One line: what it does. */
    String summary();

    /** @return the process exit code: 0 success, 1 failure, 2 wrong usage */
    int run(List<String> args, PrintStream out, PrintStream err);
}
