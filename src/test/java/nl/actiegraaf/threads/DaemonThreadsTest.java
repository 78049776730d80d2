package nl.actiegraaf.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void anExecutorsThreadIsNamedAndNeverKeepsTheJvmAlive() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("actiegraaf-test"));
        try {
            Thread thread = executor.submit(Thread::currentThread).get(30, TimeUnit.SECONDS);
            assertEquals("actiegraaf-test", thread.getName());
            assertTrue(thread.isDaemon());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void startRunsTheTaskOnceOnItsOwnDaemonThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] on = new Thread[1];
        Thread started = DaemonThreads.start("actiegraaf-once", () -> {
            on[0] = Thread.currentThread();
            ran.countDown();
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS));
        started.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(started, on[0]);
        assertEquals("actiegraaf-once", started.getName());
        assertTrue(started.isDaemon());
    }
}
