package ops.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on a worker thread for the routing core's answer, so a stuck core gives 503, not a hung request. */
final class CoreAnswer {
    static final long TIMEOUT_MS = 5_000;

    private CoreAnswer() {
    }

    static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(503, "the routing core did not answer within " + TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while waiting for the routing core");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the routing core failed to answer", e.getCause());
        }
    }
}
