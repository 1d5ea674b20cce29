package gateway.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code acd} command line: dispatches to a subcommand by its name. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** Every subcommand the server jar offers. */
    public static Cli standard() {
        return new Cli(List.of(new CheckCommand(), new RunCommand()));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return USAGE;
        }
        if (List.of("-h", "--help", "help").contains(args[0])) {
            usage(out);
            return OK;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("acd: unknown command \"" + args[0] + "\"");
            usage(err);
            return USAGE;
        }
        return c.run(Arrays.asList(args).subList(1, args.length), out, err);
    }

    private void usage(PrintStream to) {
        to.println("usage: acd COMMAND [ARGS...]");
        to.println();
        for (Command c : commands.values()) {
            to.printf("  acd %s %s%n      %s%n", c.name(), c.arguments(), c.summary());
        }
    }
}
