package acd.command;

import acd.engine.AcdEngine;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Where {@link AcdProxy} sends its commands: the {@link acd.engine.AcdLoop} in production, or
 * straight into an engine when everything runs on one thread (tests in virtual time).
 */
public interface CommandSink {
    /** Work for the engine, given the core's current time. */
    @FunctionalInterface
    interface Command {
        void run(AcdEngine engine, long nowMs);
    }

    /** A command with an answer, given the core's current time. */
    @FunctionalInterface
    interface Query<T> {
        T run(AcdEngine engine, long nowMs);
    }

    void post(Command command);

    <T> CompletableFuture<T> ask(Query<T> query);

    /** Runs each command at once on the calling thread, at the time {@code clockMs} gives. */
    static CommandSink direct(AcdEngine engine, LongSupplier clockMs) {
        return new CommandSink() {
            @Override
            public void post(Command command) {
                command.run(engine, clockMs.getAsLong());
            }

            @Override
            public <T> CompletableFuture<T> ask(Query<T> query) {
                try {
                    return CompletableFuture.completedFuture(query.run(engine, clockMs.getAsLong()));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }
}
