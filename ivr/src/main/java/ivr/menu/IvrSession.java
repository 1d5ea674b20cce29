package ivr.menu;

import ivr.play.MediaPort;
import ivr.time.Scheduler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's walk through the menus: follows {@code menu:} destinations from node to node and
 * reports the first destination that leaves the IVR (queue, voicemail, transfer, hangup).
 * A tree that loops through prompt-only nodes without the caller pressing anything is cut
 * off with a hangup after {@link #MAX_NODES_WITHOUT_INPUT} nodes.
 */
public final class IvrSession {
    private static final Logger LOG = LoggerFactory.getLogger(IvrSession.class);
    public static final int MAX_NODES_WITHOUT_INPUT = 32;

    private final MenuSet menus;
    private final MediaPort media;
    private final Scheduler scheduler;
    private final Consumer<Destination> onResult;
    private final Consumer<String> menuEntered;
    private MenuSession current;
    private int nodesWithoutInput;
    private boolean done;

    /** @param onResult receives the destination outside the IVR, once, on the call's loop */
    public IvrSession(MenuSet menus, MediaPort media, Scheduler scheduler, Consumer<Destination> onResult) {
        this(menus, media, scheduler, onResult, menuId -> { });
    }

    /** @param menuEntered hears the id of each menu the caller enters, for the call's record */
    public IvrSession(MenuSet menus, MediaPort media, Scheduler scheduler, Consumer<Destination> onResult,
                      Consumer<String> menuEntered) {
        this.menus = menus;
        this.media = media;
        this.scheduler = scheduler;
        this.onResult = onResult;
        this.menuEntered = menuEntered;
    }

    /** Runs {@code entry}: a menu is walked, anything else is reported at once. */
    public void start(Destination entry) {
        go(entry);
    }

    public void onKey(char key) {
        if (current != null) {
            nodesWithoutInput = 0;
            current.onKey(key);
        }
    }

    /** The caller hung up. */
    public void hangup() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        done = true;
    }

    public boolean done() {
        return done;
    }

    /** The node the caller is in, or null. */
    public Menu currentMenu() {
        return current == null ? null : current.menu();
    }

    private void go(Destination next) {
        if (done) {
            return;
        }
        if (next instanceof Destination.Menu m) {
            if (++nodesWithoutInput > MAX_NODES_WITHOUT_INPUT) {
                LOG.warn("menu {}: {} nodes without a key press, the tree loops; hanging up", m.menuId(),
                        MAX_NODES_WITHOUT_INPUT);
                go(Destination.HANGUP);
                return;
            }
            menuEntered.accept(m.menuId());
            current = new MenuSession(menus.get(m.menuId()), media, scheduler, this::go);
            current.start();
            return;
        }
        current = null;
        done = true;
        onResult.accept(next);
    }
}
