package gateway;

import gateway.cli.Cli;

/** The {@code acd} executable: {@code java -jar acd.jar COMMAND ...} (see {@code scripts/acd}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.standard().run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
