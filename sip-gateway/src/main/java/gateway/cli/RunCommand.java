package gateway.cli;

import config.validate.ConfigError;
import config.validate.ConfigLoader;
import config.validate.LoadResult;
import gateway.server.ServerMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import javax.sip.SipException;

/**
 * {@code acd run FILE}: runs the server on a routing config until SIGTERM or SIGINT. The file is
 * reloaded when saved and on SIGHUP; an invalid reload leaves the running config in force.
 */
public final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "run the server on a config file (reloaded on save and on SIGHUP)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println("usage: acd run " + arguments());
            return Cli.USAGE;
        }
        Path file = Path.of(args.get(0));
        ConfigLoader loader = new ConfigLoader();
        LoadResult loaded = loader.load(file);
        if (!loaded.ok()) {
            loaded.errors().stream().map(ConfigError::toString).forEach(err::println);
            err.println(file + ": " + loaded.errors().size() + " error(s); not started");
            return Cli.FAILED;
        }
        ServerMain server;
        try {
            server = ServerMain.start(loaded.config(), loader);
        } catch (SipException | IOException | RuntimeException e) {
            err.println("acd: cannot start: " + e.getMessage());
            return Cli.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "acd-shutdown"));
        ReloadSignal.onSighup(() -> new Thread(() -> server.reloader().reload("SIGHUP"), "acd-reload").start());
        int tlsPort = server.gateway().sip().host().tlsPort();
        out.println("acd: running " + file + " (SIP " + loaded.config().sip().listen().host() + ":"
                + server.gateway().sipPort() + ", UDP and TCP"
                + (tlsPort > 0 ? "; TLS " + loaded.config().sip().tls().listen().host() + ":" + tlsPort : "")
                + "); Ctrl-C stops");
        out.flush();
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }
}
