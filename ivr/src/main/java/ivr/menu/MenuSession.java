package ivr.menu;

import ivr.audio.Prompt;
import ivr.play.MediaPort;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller in one {@link Menu}: plays the prompt, collects the choice and reports where
 * to go, exactly once. Runs on the call's event loop; keys arrive through {@link #onKey}.
 */
public final class MenuSession {
    private static final Logger LOG = LoggerFactory.getLogger(MenuSession.class);

    public enum State {
        /** The menu prompt plays; a key barges in if the menu allows. */
        PROMPT,
        /** The invalid-choice prompt plays before the menu prompt is replayed. */
        INVALID,
        /** Waiting for the first or a further key. */
        COLLECTING,
        /** A destination was reported, or the call ended. */
        DONE
    }

    private final Menu menu;
    private final MediaPort media;
    private final Scheduler scheduler;
    private final Consumer<Destination> onResult;
    private final StringBuilder keys = new StringBuilder();
    private State state;
    private int retriesLeft;
    private int playId;
    private Cancellable timer = Cancellable.NONE;

    public MenuSession(Menu menu, MediaPort media, Scheduler scheduler, Consumer<Destination> onResult) {
        this.menu = menu;
        this.media = media;
        this.scheduler = scheduler;
        this.onResult = onResult;
        this.retriesLeft = menu.retries();
    }

    public void start() {
        if (state != null) {
            throw new IllegalStateException("menu " + menu.id() + " already started");
        }
        playPrompt();
    }

    public State state() {
        return state;
    }

    public Menu menu() {
        return menu;
    }

    /** A key press from RFC 4733 or SIP INFO. */
    public void onKey(char key) {
        if (state == null) {
            return; // not started yet: nothing is listening
        }
        switch (state) {
            case PROMPT, INVALID -> {
                if (!menu.bargeIn() || !menu.collectsInput()) {
                    return;
                }
                media.stop();
                playId++;
                state(State.COLLECTING);
                collect(key);
            }
            case COLLECTING -> collect(key);
            case DONE -> { }
            default -> throw new IllegalStateException(String.valueOf(state));
        }
    }

    /** The call ended: stop everything and report nothing. */
    public void cancel() {
        if (state == State.DONE) {
            return;
        }
        timer.cancel();
        media.stop();
        state(State.DONE);
    }

    private void playPrompt() {
        keys.setLength(0);
        state(State.PROMPT);
        play(menu.prompt(), this::promptEnded);
    }

    private void promptEnded() {
        if (!menu.collectsInput()) {
            finish(menu.then());
            return;
        }
        state(State.COLLECTING);
        armTimer(menu.timeout().toMillis());
    }

    private void play(Prompt prompt, Runnable then) {
        int id = ++playId;
        media.play(prompt, () -> {
            if (id == playId) { // a stale completion of a stopped prompt is ignored
                then.run();
            }
        });
    }

    private void collect(char key) {
        timer.cancel();
        keys.append(key);
        switch (menu.match(keys.toString())) {
            case EXACT -> finish(menu.options().get(keys.toString()));
            case EXACT_OR_LONGER, PREFIX -> armTimer(menu.interDigitTimeout().toMillis());
            case NONE -> failedAttempt(true);
            default -> throw new IllegalStateException();
        }
    }

    private void armTimer(long delayMs) {
        timer.cancel();
        timer = scheduler.schedule(delayMs, this::timedOut);
    }

    private void timedOut() {
        if (state != State.COLLECTING) {
            return;
        }
        String sofar = keys.toString();
        if (!sofar.isEmpty() && menu.options().containsKey(sofar)) {
            finish(menu.options().get(sofar));
        } else {
            failedAttempt(!sofar.isEmpty());
        }
    }

    /** No choice or a wrong one: replay while retries remain, then go to otherwise. */
    private void failedAttempt(boolean invalidInput) {
        LOG.debug("menu {}: {} (keys \"{}\"), {} retries left", menu.id(), invalidInput ? "invalid" : "no input",
                keys, retriesLeft);
        if (retriesLeft == 0) {
            finish(menu.otherwise());
            return;
        }
        retriesLeft--;
        keys.setLength(0);
        if (invalidInput && menu.invalid() != null) {
            state(State.INVALID);
            play(menu.invalid(), this::playPrompt);
        } else {
            playPrompt();
        }
    }

    private void finish(Destination destination) {
        timer.cancel();
        state(State.DONE);
        LOG.debug("menu {}: keys \"{}\" -> {}", menu.id(), keys, destination);
        onResult.accept(destination);
    }

    private void state(State next) {
        if (state == State.DONE) {
            throw new IllegalStateException("menu " + menu.id() + ": DONE -> " + next);
        }
        state = next;
    }
}
