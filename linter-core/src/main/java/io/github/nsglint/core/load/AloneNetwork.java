package io.github.nsglint.core.load;

import java.nio.file.Path;

/**
 * Told, while a big estate's files are still being read, of a file whose network needs no other file: it refers
 * only to resources it declares itself. A caller may judge that network at once instead of having the file read
 * a second time once the networks are known; the network is exactly the one {@link ModelLoader#build} would make
 * of that file alone, and it stays alone unless another file refers to it (then the caller must not use what it
 * judged, see {@link LoadResult#deferred()}). Called from the loading threads, so it must be thread-safe.
 */
@FunctionalInterface
public interface AloneNetwork {

    AloneNetwork NONE = (file, network) -> { };

    void built(Path file, LoadResult.Built network);
}
