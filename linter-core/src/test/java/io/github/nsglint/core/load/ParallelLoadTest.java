package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Files load in parallel; the model and every message come out the same, in input order, run after run. */
class ParallelLoadTest {

    @Test
    void theCorpusLoadsTheSameEveryTimeAndProgressCountsEveryFile() {
        Path corpus = Corpus.root().resolve("azure-quickstart-templates");
        AtomicInteger calls = new AtomicInteger();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        LoadResult first = new ModelLoader().load(List.of(corpus), null, (done, total) -> {
            calls.incrementAndGet();
            totals.add(total);
            seen.add(done);
        });
        assertEquals(1, totals.size());
        int files = totals.iterator().next();
        assertTrue(files > 700, "files: " + files);
        assertEquals(files, calls.get());
        assertEquals(files, seen.size(), "each count from 1 to the total once");
        for (int run = 0; run < 2; run++) {
            LoadResult again = new ModelLoader().load(List.of(corpus), null);
            assertEquals(first.loadedFiles(), again.loadedFiles());
            assertEquals(first.diagnostics(), again.diagnostics());
            assertEquals(first.model(), again.model());
        }
        List<String> sorted = first.loadedFiles().stream().sorted().toList();
        assertEquals(sorted, first.loadedFiles(), "files are reported in path order");
    }
}
