package io.github.nsglint.report;

import java.nio.file.Path;
import java.util.Optional;

/** Paths as code-scanning tools want them: relative to the repository root, with forward slashes. */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /** {@code file} relative to {@code root}, or empty when it lies outside it. */
    public static Optional<String> relative(Path root, String file) {
        Path r = root.toAbsolutePath().normalize();
        Path abs = r.resolve(file).toAbsolutePath().normalize();
        return abs.startsWith(r) ? Optional.of(r.relativize(abs).toString().replace('\\', '/')) : Optional.empty();
    }

    /** The absolute form of {@code file} (resolved against {@code root}). */
    public static Path absolute(Path root, String file) {
        return root.toAbsolutePath().normalize().resolve(file).toAbsolutePath().normalize();
    }
}
