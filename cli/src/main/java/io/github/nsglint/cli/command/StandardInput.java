package io.github.nsglint.cli.command;

import io.github.nsglint.core.load.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code -} as a path: one template read from standard input (editors, pipes), held in a private temporary folder
 * as {@code stdin.json} for the run, so that it is read, bounded and located like any file, then removed.
 */
final class StandardInput implements AutoCloseable {

    static final Path DASH = Path.of("-");

    private final Path folder;
    private final List<Path> paths;

    private StandardInput(Path folder, List<Path> paths) {
        this.folder = folder;
        this.paths = paths;
    }

    /**
     * {@code paths} with {@code -} replaced by the file holding standard input; the paths as they are when none is
     * {@code -}. At most one template is read (Azure's limit is far below the file limit it is held to).
     */
    static StandardInput of(List<Path> paths, InputStream in) throws IOException {
        if (!paths.contains(DASH)) {
            return new StandardInput(null, paths);
        }
        Path folder = Files.createTempDirectory("nsglint-stdin");
        Path file = folder.resolve("stdin.json");
        byte[] bytes = in.readNBytes((int) JsonReader.MAX_DOCUMENT_BYTES + 1);
        // One byte over the limit is enough for the reader to refuse it, with its own message.
        Files.write(file, bytes);
        List<Path> replaced = new ArrayList<>();
        boolean first = true;
        for (Path p : paths) {
            if (p.equals(DASH)) {
                if (first) {
                    replaced.add(file);
                }
                first = false;
            } else {
                replaced.add(p);
            }
        }
        return new StandardInput(folder, List.copyOf(replaced));
    }

    List<Path> paths() {
        return paths;
    }

    @Override
    public void close() throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
