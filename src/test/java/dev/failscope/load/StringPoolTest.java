package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StringPoolTest {

    @Test
    void aRepeatedStringBecomesOneObject() {
        StringPool pool = new StringPool();
        String first = pool.intern(new String("us-east-1a"));
        for (int i = 0; i < 1000; i++) {
            pool.intern("name-" + i); // names that occur once pass through
            assertThat(pool.intern(new String("us-east-1a"))).isSameAs(first);
        }
    }

    @Test
    void alwaysGivesAnEqualString() {
        StringPool pool = new StringPool();
        for (int i = 0; i < 3 * StringPool.SLOTS; i++) {
            String s = "server-" + (i * 7919 % 5000);
            assertThat(pool.intern(new String(s))).isEqualTo(s);
        }
        assertThat(pool.intern("")).isEmpty();
    }

    @Test
    void threadsDoNotShareATable() throws Exception {
        StringPool pool = new StringPool();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                work.add(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        String s = "zone-" + (i % 300);
                        if (!pool.intern(new String(s)).equals(s)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : two.invokeAll(work)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            two.shutdownNow();
        }
    }
}
