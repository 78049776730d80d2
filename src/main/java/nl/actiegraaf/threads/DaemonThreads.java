package nl.actiegraaf.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The one way Actiegraaf makes its background threads: named (so a thread dump says whose work it is)
 * and daemon (a forgotten {@code close()} never keeps the JVM alive). Each executor built on it is owned
 * and shut down by the object that creates it.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads called {@code name}, for {@code Executors.newSingleThread...Executor(factory)}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A started daemon thread called {@code name} running {@code task} once. */
    public static Thread start(String name, Runnable task) {
        Thread thread = named(name).newThread(task);
        thread.start();
        return thread;
    }
}
