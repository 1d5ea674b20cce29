package ivr.record;

import ivr.audio.Codec;
import ivr.audio.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes every recording and voicemail file, so disk latency never
 * reaches an event loop. Event loops hand it work with {@link WavStream#write(byte[])}, which
 * never blocks: audio beyond {@code maxPendingChunks} queued chunks is dropped and counted
 * (opening and finishing a file are always accepted). A file's header is written with zero
 * lengths at open and completed at finish; {@link RecordingRepair} fixes files a crash left.
 * Audio goes to the file as it comes, without an fsync: a kill of the process loses only what
 * is still queued (the kernel has the rest), a power cut what the OS had not yet written back.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWriter.class);

    /** Work for a finished file on the writer thread, after its header is final (e.g. metadata). */
    @FunctionalInterface
    public interface AfterFinish {
        void run(Path file, long dataBytes) throws IOException;
    }

    private sealed interface Command {
    }

    private record Open(WavStream stream) implements Command {
    }

    /**
     * @param offset  where in the audio data the bytes go, or {@link #APPEND} for after what is there
     * @param channel the one channel {@code bytes} holds, merged into the frames there; {@link #ALL} for whole frames
     */
    private record Data(WavStream stream, long offset, int channel, byte[] bytes) implements Command {
    }

    private static final long APPEND = -1;
    private static final int ALL = -1;

    private record Finish(WavStream stream, AfterFinish after) implements Command {
    }

    private record Stop() implements Command {
    }

    private static final int MAX_SUFFIX = 1000;

    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingChunks = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int maxPendingChunks;
    private final Thread thread;
    private volatile boolean stopping;

    public RecordingWriter(int maxPendingChunks) {
        this(maxPendingChunks, true);
    }

    /** With {@code start} false the thread starts only at {@link #start()}: lets a test fill the queue. */
    RecordingWriter(int maxPendingChunks, boolean start) {
        if (maxPendingChunks < 1) {
            throw new IllegalArgumentException("maxPendingChunks=" + maxPendingChunks + " must be at least 1");
        }
        this.maxPendingChunks = maxPendingChunks;
        this.thread = new Thread(this::run, "recording-writer");
        thread.setDaemon(true);
        if (start) {
            thread.start();
        }
    }

    void start() {
        thread.start();
    }

    /** Starts a 16-bit PCM WAV at 8 kHz with {@code channels} channels; parent folders are created. */
    public WavStream open(Path file, int channels) {
        if (stopping) {
            throw new IllegalStateException("recording writer is closed");
        }
        WavStream s = new WavStream(file, channels);
        queue.add(new Open(s));
        return s;
    }

    /** Audio chunks dropped because the disk fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, finishes nothing else, and ends the thread (bounded wait). */
    @Override
    public void close() {
        stopping = true;
        queue.add(new Stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Command c;
            try {
                c = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (c instanceof Stop) {
                return;
            }
            try {
                handle(c);
            } catch (RuntimeException e) {
                LOG.error("recording writer: unexpected failure on {}", c, e);
            }
        }
    }

    private void handle(Command c) {
        if (c instanceof Open o) {
            o.stream.openFile();
        } else if (c instanceof Data d) {
            pendingChunks.decrementAndGet();
            if (d.channel == ALL) {
                d.stream.writeAt(d.offset, d.bytes);
            } else {
                d.stream.patchAt(d.offset, d.channel, d.bytes);
            }
        } else if (c instanceof Finish f) {
            f.stream.finishFile(f.after);
        }
    }

    /** One file being written. Producer methods run on one event loop; file work on the writer thread. */
    public final class WavStream {
        private final Path file;
        private final int channels;
        /** Where it is really written: {@code file}, or name-2.wav ... if that existed (writer thread). */
        private Path actual;
        private final CompletableFuture<Path> done = new CompletableFuture<>();
        private boolean finishing;
        // writer thread only
        private FileChannel channel;
        private long dataBytes;
        private IOException failure;

        private WavStream(Path file, int channels) {
            if (channels < 1 || channels > 2) {
                throw new IllegalArgumentException("channels=" + channels + " must be 1 or 2");
            }
            this.file = file;
            this.channels = channels;
        }

        /** The requested path; {@link #done()} gives the one written (suffixed if this existed). */
        public Path file() {
            return file;
        }

        public int channels() {
            return channels;
        }

        /** Queues little-endian interleaved samples after those written; false if dropped (disk behind) or finished. */
        public boolean write(byte[] bytes) {
            return write(APPEND, bytes);
        }

        /**
         * Queues little-endian interleaved samples at byte {@code offset} of the audio data,
         * over what may be there already (a late packet's frames written again); a gap before
         * it reads as silence. False if dropped (disk behind) or finished.
         */
        public boolean write(long offset, byte[] bytes) {
            return queue(offset, ALL, bytes);
        }

        /**
         * Queues the little-endian samples of one channel for the frames at byte {@code offset}
         * of the audio data, keeping the other channel's there (silence if none). False if
         * dropped (disk behind) or finished.
         */
        public boolean patch(long offset, int channel, byte[] samples) {
            return queue(offset, channel, samples);
        }

        private boolean queue(long offset, int channel, byte[] bytes) {
            if (finishing) {
                return false;
            }
            if (pendingChunks.incrementAndGet() > maxPendingChunks) {
                pendingChunks.decrementAndGet();
                dropped.incrementAndGet();
                return false;
            }
            queue.add(new Data(this, offset, channel, bytes));
            return true;
        }

        /** Completes the header; the future completes once the file (and {@code after}) are done. */
        public CompletableFuture<Path> finish(AfterFinish after) {
            if (!finishing) {
                finishing = true;
                queue.add(new Finish(this, after));
            }
            return done;
        }

        public CompletableFuture<Path> finish() {
            return finish((f, n) -> { });
        }

        public CompletableFuture<Path> done() {
            return done;
        }

        void openFile() {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                createUnique();
                writeFully(WavWriter.header(channels, Codec.SAMPLE_RATE, 0), 0);
            } catch (IOException e) {
                fail(e);
            }
        }

        void writeAt(long offset, byte[] bytes) {
            if (channel == null) {
                return;
            }
            long at = offset == APPEND ? dataBytes : offset;
            try {
                writeFully(ByteBuffer.wrap(bytes), WavWriter.HEADER_BYTES + at);
                dataBytes = Math.max(dataBytes, at + bytes.length);
            } catch (IOException e) {
                fail(e);
            }
        }

        /** Reads the frames back, sets one channel's samples in them, writes them again. */
        void patchAt(long offset, int ch, byte[] samples) {
            if (channel == null) {
                return;
            }
            int frameBytes = channels * 2;
            ByteBuffer frames = ByteBuffer.allocate(samples.length / 2 * frameBytes);
            long at = WavWriter.HEADER_BYTES + offset;
            try {
                while (frames.hasRemaining() && channel.read(frames, at + frames.position()) > 0) {
                    // what lies past the end of the file stays silence
                }
                byte[] a = frames.array();
                for (int i = 0; i < samples.length / 2; i++) {
                    a[i * frameBytes + ch * 2] = samples[2 * i];
                    a[i * frameBytes + ch * 2 + 1] = samples[2 * i + 1];
                }
                writeFully(ByteBuffer.wrap(a), at);
                dataBytes = Math.max(dataBytes, offset + a.length);
            } catch (IOException e) {
                fail(e);
            }
        }

        void finishFile(AfterFinish after) {
            if (channel == null) {
                done.completeExceptionally(failure != null ? failure
                        : new IOException(file + ": recording was never opened"));
                return;
            }
            try (FileChannel ch = channel) {
                writeFully(WavWriter.header(channels, Codec.SAMPLE_RATE, dataBytes), 0);
                ch.force(false);
            } catch (IOException e) {
                fail(e);
                done.completeExceptionally(e);
                return;
            } finally {
                channel = null;
            }
            try {
                after.run(actual, dataBytes);
                done.complete(actual);
            } catch (IOException e) {
                LOG.warn("recording {}: finishing step failed", actual, e);
                done.completeExceptionally(e);
            }
        }

        /** A second recording of the same call on the same day (another bridge) gets -2, -3, ... */
        private void createUnique() throws IOException {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            for (int n = 1; ; n++) {
                Path candidate = n == 1 ? file
                        : file.resolveSibling(name.substring(0, dot) + "-" + n + name.substring(dot));
                try {
                    channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.READ);
                    actual = candidate;
                    return;
                } catch (FileAlreadyExistsException e) {
                    if (n == MAX_SUFFIX) {
                        throw e;
                    }
                }
            }
        }

        private void writeFully(ByteBuffer b, long position) throws IOException {
            long at = position;
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
        }

        private void fail(IOException e) {
            if (failure == null) {
                LOG.warn("recording {} failed; the rest of it is discarded", file, e);
                failure = e;
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one reported
                }
                channel = null;
            }
        }

        @Override
        public String toString() {
            return "WavStream[" + file + "]";
        }
    }
}
