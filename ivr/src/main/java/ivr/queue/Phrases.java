package ivr.queue;

import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spoken pieces of position and wait announcements ("you are caller number" "twenty"
 * "three"), from the files {@code scripts/make-sounds.sh} writes into the sounds folder.
 */
public final class Phrases {
    /** Numbers up to this can be spoken: 1-19 and the tens compose 1..99. */
    public static final int MAX_NUMBER = 99;
    /** The numbers recorded as files; the others are said as tens plus units. */
    private static final int[] RECORDED = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
        20, 30, 40, 50, 60, 70, 80, 90};

    private final Prompt stayOnLine;
    private final Prompt callerNumber;
    private final Prompt expectedWait;
    private final Prompt lessThanAMinute;
    private final Prompt minute;
    private final Prompt minutes;
    private final Map<Integer, Prompt> numbers;

    public Phrases(Prompt stayOnLine, Prompt callerNumber, Prompt expectedWait, Prompt lessThanAMinute,
            Prompt minute, Prompt minutes, Map<Integer, Prompt> numbers) {
        this.stayOnLine = stayOnLine;
        this.callerNumber = callerNumber;
        this.expectedWait = expectedWait;
        this.lessThanAMinute = lessThanAMinute;
        this.minute = minute;
        this.minutes = minutes;
        this.numbers = Map.copyOf(numbers);
        for (int n : RECORDED) {
            if (!numbers.containsKey(n)) {
                throw new IllegalArgumentException("phrases: number " + n + " is missing");
            }
        }
    }

    /** Loads stay-on-line.wav, caller-number.wav, number-N.wav ... from {@code dir}. */
    public static Phrases load(Path dir, PromptCache cache) throws IOException {
        Map<Integer, Prompt> numbers = new TreeMap<>();
        for (int n : RECORDED) {
            numbers.put(n, cache.get(dir.resolve("number-" + n + ".wav")));
        }
        return new Phrases(cache.get(dir.resolve("stay-on-line.wav")), cache.get(dir.resolve("caller-number.wav")),
                cache.get(dir.resolve("expected-wait.wav")), cache.get(dir.resolve("less-than-a-minute.wav")),
                cache.get(dir.resolve("minute.wav")), cache.get(dir.resolve("minutes.wav")), numbers);
    }

    public Prompt stayOnLine() {
        return stayOnLine;
    }

    /** "you are caller number three"; empty when the position is unknown or above 99. */
    public List<Prompt> position(int position) {
        if (position < 1 || position > MAX_NUMBER) {
            return List.of();
        }
        List<Prompt> out = new ArrayList<>(3);
        out.add(callerNumber);
        addNumber(out, position);
        return out;
    }

    /** "your expected wait is about two minutes", or "... less than a minute"; empty above 99 minutes. */
    public List<Prompt> expectedWait(long waitMs) {
        if (waitMs < 60_000) {
            return List.of(lessThanAMinute);
        }
        long m = (waitMs + 59_999) / 60_000;
        if (m > MAX_NUMBER) {
            return List.of();
        }
        List<Prompt> out = new ArrayList<>(4);
        out.add(expectedWait);
        addNumber(out, (int) m);
        out.add(m == 1 ? minute : minutes);
        return out;
    }

    private void addNumber(List<Prompt> out, int n) {
        if (n < 20 || n % 10 == 0) {
            out.add(numbers.get(n));
        } else {
            out.add(numbers.get(n / 10 * 10));
            out.add(numbers.get(n % 10));
        }
    }
}
