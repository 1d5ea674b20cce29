package ivr.play;

import ivr.audio.Prompt;

/**
 * The audio output of one call leg as an IVR session sees it. All methods and callbacks run
 * on the leg's event loop. {@link Playout.Channel} is the real one; tests use a fake.
 */
public interface MediaPort {

    /**
     * Starts {@code prompt} at frame {@code fromFrame}, replacing whatever plays now (whose
     * {@code onDone} then never runs). {@code onDone} runs after the last frame has been sent,
     * and not at all if the prompt is stopped or replaced first.
     */
    void play(Prompt prompt, int fromFrame, Runnable onDone);

    default void play(Prompt prompt, Runnable onDone) {
        play(prompt, 0, onDone);
    }

    /**
     * Stops at once, without running the prompt's {@code onDone}.
     *
     * @return the index of the frame that would have been sent next, to resume there later;
     *         0 if nothing was playing
     */
    int stop();

    boolean playing();
}
