package gateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import config.model.Push;
import gateway.sip.registrar.PushTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP push gateway of {@code push: {url, token}}: one JSON POST per phone to wake, sent
 * asynchronously by the JDK's client so no call loop waits on the network. A gateway problem is
 * logged once when it starts and once when it clears, with the gateway's host only: never the
 * token, nor the device's prid.
 */
public final class PushGateway {
    private static final Logger log = LoggerFactory.getLogger(PushGateway.class);
    /** Longer than any ring timeout is pointless: the ring has moved on by then. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private volatile Push config;
    private volatile HttpClient http;
    /** The problem logged last, or null while the gateway answers. */
    private final AtomicReference<String> problem = new AtomicReference<>();

    /** Takes a (re)loaded config's push section; null turns push off. */
    public void configure(Push push) {
        if (push != null && http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        if (push != null && config == null) {
            log.info("push wake-ups (RFC 8599) through {}", where(push.url()));
        }
        config = push;
    }

    public boolean on() {
        return config != null;
    }

    /** Posts the wake-up; completes normally on a 2xx, exceptionally with {@link Failure} otherwise. */
    public CompletableFuture<Void> post(PushTarget target, PushNotice notice) {
        Push push = config;
        if (push == null) {
            return CompletableFuture.failedFuture(new Failure("push is not configured"));
        }
        HttpRequest request = HttpRequest.newBuilder(push.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + push.token().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(target, notice))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            String trouble = error != null ? describe(error)
                    : response.statusCode() / 100 != 2 ? "answered " + response.statusCode() : null;
            report(push.url(), trouble);
            if (trouble != null) {
                throw new CompletionException(new Failure("push gateway " + trouble));
            }
            return null;
        });
    }

    static byte[] body(PushTarget target, PushNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", target.provider());
        body.put("param", target.param());
        body.put("prid", target.prid());
        body.put("callId", notice.callId());
        body.put("caller", notice.caller());
        body.put("queue", notice.queue());
        body.put("agent", notice.agentId());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push body", e);
        }
    }

    private void report(URI url, String trouble) {
        String before = problem.getAndSet(trouble);
        if (trouble != null && !trouble.equals(before)) {
            log.warn("push gateway {} {}: phones that sleep cannot be woken until it answers (said once)",
                    where(url), trouble);
        } else if (trouble == null && before != null) {
            log.info("push gateway {} answers again", where(url));
        }
    }

    /** The error's kind, never the request (its headers hold the token). */
    private static String describe(Throwable error) {
        Throwable cause = cause(error);
        if (cause instanceof HttpTimeoutException) {
            return "did not answer within " + TIMEOUT.toSeconds() + " s";
        }
        return "unreachable (" + cause.getClass().getSimpleName() + ")";
    }

    /** What went wrong, out of the CompletionException a future's stage wraps it in. */
    static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String where(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    /** Why a wake-up could not be asked for. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
