package config.build;

import config.model.AcdConfig;
import config.model.NumberEntry;
import config.model.OpenSpan;
import config.model.Queue;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import ivr.audio.ToneGenerator;
import ivr.entry.EntryPoint;
import ivr.entry.EntryPoints;
import ivr.hours.BusinessHours;
import ivr.hours.WeeklyRange;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.menu.MenuSet;
import ivr.queue.Phrases;
import ivr.queue.QueueAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the IVR plays and where callers go, built from a validated config: menus, entry points
 * with business hours, each queue's audio, and the shared sounds (announcement phrases,
 * voicemail prompt, beep, hold music for transfers). Immutable; a reload builds a new one and
 * the gateway swaps it in whole, so a call never sees half of two configs.
 *
 * @param sounds the shared sound files; the announcement phrases and voicemail prompts are read from here
 */
public record IvrSpecs(MenuSet menus, EntryPoints entries, Map<String, QueueMedia> queues, SharedSounds sounds) {

    /** The folder next to the config file that holds the shared sounds. */
    public static final String SOUNDS_DIR = "sounds";

    /**
     * A queue's audio, recording, and where its callers go when they leave it without an agent.
     *
     * @param audio    greeting, hold music and announcements
     * @param record   whether bridged calls of this queue are recorded
     * @param fallback where a caller goes on leaving the queue without an agent (max wait, queue
     *                 full, no agents, queue removed); null means hang up
     * @param forwardConfirm whether agents' personal devices press 1 to take its calls (an agent's own setting wins)
     */
    public record QueueMedia(String department, QueueAudio audio, boolean record, Destination fallback,
                             boolean forwardConfirm) {
        public QueueMedia {
            Objects.requireNonNull(audio, "audio");
            fallback = fallback == null ? Destination.HANGUP : fallback;
        }

        /** A queue whose agents' devices are put through as they answer. */
        public QueueMedia(String department, QueueAudio audio, boolean record, Destination fallback) {
            this(department, audio, record, fallback, false);
        }
    }

    /**
     * Sounds every call may need, whatever its queue.
     *
     * @param holdMusic what a caller hears while a transfer rings
     * @param pressOne  what an agent's personal device hears when it must confirm: "press 1 to take this call"
     */
    public record SharedSounds(Prompt voicemail, Prompt beep, Prompt holdMusic, Prompt pressOne) {
        public SharedSounds {
            Objects.requireNonNull(voicemail, "voicemail");
            Objects.requireNonNull(beep, "beep");
            Objects.requireNonNull(holdMusic, "holdMusic");
            Objects.requireNonNull(pressOne, "pressOne");
        }

        /** The given sounds, with two beeps asking a device to confirm. */
        public SharedSounds(Prompt voicemail, Prompt beep, Prompt holdMusic) {
            this(voicemail, beep, holdMusic, twoBeeps());
        }

        private static Prompt twoBeeps() {
            Pcm beep = ToneGenerator.tone(200, 0.3, 1000);
            return Prompt.of("two beeps", beep.concat(Pcm.silence(150)).concat(beep).concat(Pcm.silence(1500)));
        }

        /**
         * voicemail.wav, beep.wav, hold-music.wav and press-one.wav from {@code dir}. A file that is
         * not there is replaced by a built-in sound (no prompt, a 1 kHz beep, a ringback tone, two
         * beeps), so a config without a sounds folder still runs.
         */
        public static SharedSounds load(Path dir, PromptCache cache) throws IOException {
            return new SharedSounds(
                    orBuiltIn(dir.resolve("voicemail.wav"), cache, () -> Prompt.of("no voicemail prompt", Pcm.silence(100))),
                    orBuiltIn(dir.resolve("beep.wav"), cache, ToneGenerator::beep),
                    orBuiltIn(dir.resolve("hold-music.wav"), cache, () -> Prompt.of("ringback 425 Hz",
                            ToneGenerator.tone(1000, 0.3, 425).concat(Pcm.silence(4000)))),
                    orBuiltIn(dir.resolve("press-one.wav"), cache, SharedSounds::twoBeeps));
        }

        private static Prompt orBuiltIn(Path file, PromptCache cache, Supplier<Prompt> builtIn) throws IOException {
            return Files.exists(file) ? cache.get(file) : builtIn.get();
        }
    }

    public IvrSpecs {
        Objects.requireNonNull(menus, "menus");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(sounds, "sounds");
        queues = Map.copyOf(queues);
    }

    public Optional<QueueMedia> queue(String id) {
        return Optional.ofNullable(queues.get(id));
    }

    /** Builds from {@code config}, with the shared sounds from {@link #sharedSoundsDir}. */
    public static IvrSpecs build(AcdConfig config, PromptCache cache) throws IOException {
        return build(config, sharedSoundsDir(config), cache);
    }

    /**
     * Where the shared sounds are: the {@code sounds} folder beside the config file, or else the
     * folder of the config's first sound file (an example config using {@code ../sounds/...}).
     */
    public static Path sharedSoundsDir(AcdConfig config) {
        Path beside = config.source().toAbsolutePath().getParent().resolve(SOUNDS_DIR);
        if (Files.isDirectory(beside)) {
            return beside;
        }
        return Stream.concat(config.menus().stream().map(m -> m.prompt()),
                        config.queues().stream().flatMap(q -> Stream.of(q.greeting(), q.holdMusic())))
                .filter(Objects::nonNull).findFirst()
                .map(p -> p.toAbsolutePath().getParent()).orElse(beside);
    }

    /**
     * Builds from {@code config}. Every prompt goes through {@code cache}, so a reload loads only
     * the files that changed.
     *
     * @throws IOException when a sound cannot be read, naming the file
     */
    public static IvrSpecs build(AcdConfig config, Path soundsDir, PromptCache cache) throws IOException {
        List<Menu> menus = new ArrayList<>();
        for (config.model.Menu m : config.menus()) {
            menus.add(menu(m, cache));
        }
        MenuSet menuSet = new MenuSet(menus);
        List<EntryPoint> entries = config.numbers().stream().map(IvrSpecs::entry).toList();
        boolean announces = config.queues().stream().anyMatch(q -> positive(q.announcePosition()));
        if (announces && !Files.isDirectory(soundsDir)) {
            throw new IOException("queues announce positions, but the sounds folder " + soundsDir
                    + " (with stay-on-line.wav, caller-number.wav, number-N.wav ...) does not exist");
        }
        Phrases phrases = announces ? Phrases.load(soundsDir, cache) : null;
        Map<String, QueueMedia> queues = new LinkedHashMap<>();
        for (Queue q : config.queues()) {
            queues.put(q.id(), new QueueMedia(q.department(), new QueueAudio(prompt(q.greeting(), cache),
                    prompt(q.holdMusic(), cache), positive(q.announcePosition()) ? q.announcePosition() : null,
                    phrases), q.record(), q.whenMaxWait(), q.forwardConfirm()));
        }
        return new IvrSpecs(menuSet, new EntryPoints(entries, menuSet), queues, SharedSounds.load(soundsDir, cache));
    }

    static Menu menu(config.model.Menu m, PromptCache cache) throws IOException {
        Map<String, Destination> options = m.options();
        Destination after = m.otherwise() == null ? Destination.HANGUP : m.otherwise();
        Duration timeout = m.timeout() == null ? Menu.DEFAULT_TIMEOUT : m.timeout();
        // a menu without options is a prompt-only node: the file's `then` arrives as otherwise
        return new Menu(m.id(), cache.get(m.prompt()), timeout, Menu.DEFAULT_INTER_DIGIT_TIMEOUT, m.retries(),
                prompt(m.invalid(), cache), true, options, options.isEmpty() ? null : after,
                options.isEmpty() ? after : null);
    }

    static EntryPoint entry(NumberEntry n) {
        BusinessHours hours = null;
        if (n.hours() != null) {
            config.model.BusinessHours h = n.hours();
            hours = new BusinessHours(h.zone(), h.open().stream().map(IvrSpecs::range).toList(), h.holidays(),
                    h.closed());
        }
        return new EntryPoint(n.number(), n.entry(), hours);
    }

    static WeeklyRange range(OpenSpan s) {
        boolean untilMidnight = s.to().equals(LocalTime.MAX);
        return new WeeklyRange(EnumSet.of(s.day()), s.from(), untilMidnight ? LocalTime.MIDNIGHT : s.to(), untilMidnight);
    }

    private static Prompt prompt(Path file, PromptCache cache) throws IOException {
        return file == null ? null : cache.get(file);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }
}
