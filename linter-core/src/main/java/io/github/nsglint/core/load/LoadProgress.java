package io.github.nsglint.core.load;

/** Told after each file is loaded; called from the loading threads, so an implementation must be thread-safe. */
@FunctionalInterface
public interface LoadProgress {

    LoadProgress NONE = (done, total) -> { };

    void loaded(int done, int total);
}
