package ivr.queue;

import ivr.audio.Prompt;
import java.time.Duration;

/**
 * A queue's audio settings.
 *
 * @param greeting         played once on entry; null for none
 * @param holdMusic        looped while waiting; null for silence
 * @param announceEvery    period of "please stay on the line" with position and wait; null for never
 * @param phrases          the announcement pieces; required when {@code announceEvery} is set
 */
public record QueueAudio(Prompt greeting, Prompt holdMusic, Duration announceEvery, Phrases phrases) {

    public QueueAudio {
        if (announceEvery != null) {
            if (announceEvery.isNegative() || announceEvery.isZero()) {
                throw new IllegalArgumentException("announcePosition=" + announceEvery + " must be positive");
            }
            if (phrases == null) {
                throw new IllegalArgumentException("announcePosition needs the announcement phrases");
            }
        }
    }
}
