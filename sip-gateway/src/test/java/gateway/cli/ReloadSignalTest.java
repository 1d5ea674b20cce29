package gateway.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

class ReloadSignalTest {
    @Test
    void sighupRunsTheAction() throws InterruptedException {
        CountDownLatch reloaded = new CountDownLatch(1);
        assertTrue(ReloadSignal.onSighup(reloaded::countDown));
        Signal.raise(new Signal("HUP"));
        assertTrue(reloaded.await(30, TimeUnit.SECONDS), "no reload within 30s of SIGHUP");
    }
}
