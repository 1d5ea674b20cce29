package ivr.play;

import ivr.audio.Prompt;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/** A media port that "plays" in virtual time: a prompt ends after its duration. */
public final class FakeMediaPort implements MediaPort {
    private final Scheduler scheduler;
    /** Every prompt started, with its start frame, in order. */
    public final List<String> started = new ArrayList<>();
    private Prompt current;
    private long startedAtMs;
    private int fromFrame;
    private Cancellable end = Cancellable.NONE;
    public int stops;

    public FakeMediaPort(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void play(Prompt prompt, int from, Runnable onDone) {
        end.cancel();
        current = prompt;
        fromFrame = from;
        startedAtMs = scheduler.nowMs();
        started.add(from == 0 ? prompt.name() : prompt.name() + "@" + from);
        end = scheduler.schedule(prompt.durationMs() - from * 20L, () -> {
            current = null;
            onDone.run();
        });
    }

    @Override
    public int stop() {
        end.cancel();
        if (current == null) {
            return 0;
        }
        stops++;
        int at = fromFrame + (int) ((scheduler.nowMs() - startedAtMs) / 20);
        current = null;
        return at;
    }

    @Override
    public boolean playing() {
        return current != null;
    }

    public String current() {
        return current == null ? null : current.name();
    }
}
