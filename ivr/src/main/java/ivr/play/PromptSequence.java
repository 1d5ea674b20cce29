package ivr.play;

import ivr.audio.Prompt;
import java.util.List;

/** Plays prompts one after another on a {@link MediaPort} (gapless with {@link Playout}). */
public final class PromptSequence {
    private PromptSequence() {
    }

    /** Plays {@code prompts} in order, then runs {@code onDone}; stopping the port ends the chain. */
    public static void play(MediaPort media, List<Prompt> prompts, Runnable onDone) {
        playFrom(media, List.copyOf(prompts), 0, onDone);
    }

    private static void playFrom(MediaPort media, List<Prompt> prompts, int index, Runnable onDone) {
        if (index == prompts.size()) {
            onDone.run();
            return;
        }
        media.play(prompts.get(index), () -> playFrom(media, prompts, index + 1, onDone));
    }
}
