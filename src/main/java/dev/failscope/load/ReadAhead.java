package dev.failscope.load;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Runs one task per input on a few worker threads, ahead of the caller, and hands the results back strictly in
 * input order: the loader reads and parses the next files while it builds the model from the current one; what
 * it makes does not depend on which worker finished first.
 *
 * <p>Two schedules. By count ({@link #ReadAhead(List, Function, int)}): inputs start in input order, at most
 * {@code threads + 1} ahead of the caller. By size ({@link #ReadAhead(List, Function, int, ToLongFunction, long)}):
 * the largest inputs start first, so that a big file is not left to run alone on one worker at the end while
 * the others idle, and inputs keep starting while the sizes of those started and not yet handed back stay
 * within a budget. The next input in order always may start, so the caller never waits on one that was held back.
 *
 * <p>The pool belongs to one load and ends with it ({@link #close}); its threads are daemons, so an abandoned
 * load never keeps the JVM alive. With one thread nothing is started and each task runs on the caller's thread
 * when its result is asked for.
 */
public final class ReadAhead<S, T> implements AutoCloseable {
    private final List<S> inputs;
    private final Function<S, T> task;
    private final ExecutorService pool;
    private final Future<T>[] started;
    private final boolean[] begun;
    /** Inputs in the order they should start. */
    private final int[] schedule;
    private final long[] sizes;
    private final long budget;
    private final int depth;
    private long held;
    private int next;
    private int taken;
    private int inFlight;

    /** The count schedule: input order, at most {@code threads + 1} inputs ahead. */
    public ReadAhead(List<S> inputs, Function<S, T> task, int threads) {
        this(inputs, task, threads, null, 0);
    }

    /**
     * The size schedule: largest first (ties in input order), within {@code budget} of started, not yet taken
     * size.
     */
    public ReadAhead(List<S> inputs, Function<S, T> task, int threads, ToLongFunction<S> size, long budget) {
        this.inputs = List.copyOf(inputs);
        this.task = task;
        int n = this.inputs.size();
        int workers = Math.max(1, Math.min(threads, n));
        this.pool = workers <= 1 ? null : Executors.newFixedThreadPool(workers, new Named());
        this.depth = size == null ? workers + 1 : Integer.MAX_VALUE;
        this.budget = size == null ? Long.MAX_VALUE : budget;
        this.sizes = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sizes[i] = size == null ? 0 : Math.max(0, size.applyAsLong(this.inputs.get(i)));
        }
        if (size != null) {
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -sizes[i]).thenComparingInt(i -> i));
        }
        this.schedule = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        @SuppressWarnings("unchecked")
        Future<T>[] f = new Future[n];
        this.started = f;
        this.begun = new boolean[n];
    }

    /**
     * Every input may start at once, in input order: for tasks whose results are small (the rules), so that a
     * slow one at the head does not hold the other workers idle.
     */
    public static <S, T> ReadAhead<S, T> allAtOnce(List<S> inputs, Function<S, T> task, int threads) {
        return new ReadAhead<>(inputs, task, threads, input -> 1, Long.MAX_VALUE);
    }

    /** Two results, made by {@link #both}. */
    public record Both<A, B>(A first, B second) {}

    /**
     * Two independent results made side by side on two workers (with one thread: one after the other, on the
     * caller's thread). An exception or error of either is rethrown here, as it was.
     */
    public static <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second, int threads) {
        List<Supplier<?>> tasks = List.of(first, second);
        try (ReadAhead<Supplier<?>, Object> ahead = allAtOnce(tasks, Supplier::get, Math.min(2, threads))) {
            @SuppressWarnings("unchecked")
            A a = (A) ahead.next();
            @SuppressWarnings("unchecked")
            B b = (B) ahead.next();
            return new Both<>(a, b);
        }
    }

    /** The order inputs start in (input 0 may start first: the caller waits on it), for tests. */
    int[] schedule() {
        return schedule.clone();
    }

    /** The number of worker threads a load uses on this machine: one per processor, at most four. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public boolean hasNext() {
        return taken < inputs.size();
    }

    private void start(int i) {
        S input = inputs.get(i);
        started[i] = pool.submit(() -> task.apply(input));
        begun[i] = true;
        held += sizes[i];
        inFlight++;
    }

    private void fill() {
        if (!begun[taken]) {
            start(taken);
        }
        while (next < schedule.length) {
            int i = schedule[next];
            if (begun[i]) {
                next++;
                continue;
            }
            if (inFlight >= depth || (held + sizes[i] > budget && inFlight > 0)) {
                return;
            }
            start(i);
            next++;
        }
    }

    /** The next input's result, in input order. A task's exception or error is rethrown here, as it was. */
    public T next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException();
        }
        if (pool == null) {
            return task.apply(inputs.get(taken++));
        }
        fill();
        int i = taken++;
        Future<T> head = started[i];
        started[i] = null;
        held -= sizes[i];
        inFlight--;
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
            for (Future<T> f : started) {
                if (f != null) {
                    f.cancel(true);
                }
            }
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
