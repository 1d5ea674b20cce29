package gateway.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code kill -HUP <pid>} reloads the config, as daemons conventionally do. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported), the only way to catch a signal in Java 17;
 * the handler runs on the JVM's signal dispatcher thread, so the action must return quickly
 * or hand its work on.
 */
public final class ReloadSignal {
    private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {
    }

    /** @return false where SIGHUP cannot be caught (e.g. on Windows, or when the JVM reserves it) */
    public static boolean onSighup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), s -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.error("reload on SIGHUP failed", e);
                }
            });
            return true;
        } catch (IllegalArgumentException e) {
            log.warn("SIGHUP cannot be caught here ({}); reload by saving the config file instead", e.getMessage());
            return false;
        }
    }
}
