package dev.failscope.load;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per input on a few worker threads, a bounded window ahead of the caller, and hands the results
 * back strictly in input order: the loader reads and parses the next files while it builds the model from the
 * current one, and the rule catalogue runs its rules side by side; what either makes does not depend on which
 * worker finished first.
 *
 * <p>The pool belongs to one load and ends with it ({@link #close}); its threads are daemons, so an abandoned
 * load never keeps the JVM alive. With one thread nothing is started and each task runs on the caller's thread
 * when its result is asked for. At most {@code threads + 1} results are held at once, so at most that many parsed
 * files are alive besides the model.
 */
public final class ReadAhead<S, T> implements AutoCloseable {
    private final List<S> inputs;
    private final Function<S, T> task;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> window = new ArrayDeque<>();
    private final int depth;
    private int submitted;
    private int taken;

    public ReadAhead(List<S> inputs, Function<S, T> task, int threads) {
        this.inputs = List.copyOf(inputs);
        this.task = task;
        int workers = Math.max(1, Math.min(threads, this.inputs.size()));
        this.pool = workers <= 1 ? null : Executors.newFixedThreadPool(workers, new Named());
        this.depth = workers + 1;
    }

    /** The number of worker threads a load uses on this machine: one per processor, at most four. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public boolean hasNext() {
        return taken < inputs.size();
    }

    /** The next input's result, in input order. A task's exception or error is rethrown here, as it was. */
    public T next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException();
        }
        if (pool == null) {
            return task.apply(inputs.get(taken++));
        }
        while (submitted < inputs.size() && window.size() < depth) {
            S input = inputs.get(submitted++);
            window.add(pool.submit(() -> task.apply(input)));
        }
        Future<T> head = window.poll();
        taken++;
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("loading was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            window.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "failscope-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
