package ops.http;

/** Reloads the config file on request (the same path as the file watcher's reload) and tells the last outcome. */
public interface ConfigControl {
    /** Reloads now, blocking until applied or rejected; a rejected config leaves the running one in place. */
    ReloadResult reload();

    /** The last reload's outcome (the load at start-up counts as one). */
    ReloadResult status();
}
