package io.github.nsglint.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's outputs would land, compared with what the run reads, by real path (links resolved): a report
 * written over a template, a baseline or a rule file would destroy the input it was made from, so such a run is
 * refused before anything is written.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Something a run reads: a file, or a folder of which every file whose name ends with {@code suffix} is read.
     *
     * @param role how messages name it: "template", "baseline", "rule file", ...
     */
    public record Input(Path path, String suffix, String role) {

        /** A single file read by the run. */
        public static Input file(Path path, String role) {
            return new Input(path, "", role);
        }
    }

    /** One output that must not be written, and why. */
    public record Clash(Path output, String reason) {
    }

    /**
     * The outputs that would overwrite an input or another output of the same run, each once. An output that
     * does not exist yet can only clash with another output.
     */
    public static List<Clash> clashes(List<Path> outputs, List<Input> inputs) {
        List<Clash> out = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path output : outputs) {
            Path real = real(output);
            if (seen.contains(real)) {
                out.add(new Clash(output, "two outputs of this run go to the same file"));
                continue;
            }
            seen.add(real);
            if (!Files.isRegularFile(real)) {
                continue;
            }
            for (Input in : inputs) {
                Optional<String> why = overwrites(real, in);
                if (why.isPresent()) {
                    out.add(new Clash(output, why.get()));
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<String> overwrites(Path realOutput, Input in) {
        Path root = real(in.path());
        if (realOutput.equals(root)) {
            return Optional.of("it is the " + in.role() + " this run reads");
        }
        if (!in.suffix().isEmpty() && Files.isDirectory(root) && realOutput.startsWith(root)
                && realOutput.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(in.suffix())) {
            return Optional.of("it is a *" + in.suffix() + " file in " + in.path() + ", which this run reads as "
                    + in.role() + " input");
        }
        return Optional.empty();
    }

    /**
     * The real path of a file that may not exist yet: its own real path when it exists, else its nearest existing
     * folder's real path with the rest of the name appended (so a link to a folder is seen through as well).
     */
    public static Path real(Path p) {
        return real(p, 0);
    }

    private static Path real(Path p, int links) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                return abs.toRealPath();
            }
            if (Files.isSymbolicLink(abs) && links < MAX_LINKS) {
                // A dangling link: writing through it would create its target, so the target is what counts.
                return real(abs.resolveSibling(Files.readSymbolicLink(abs)), links + 1);
            }
        } catch (IOException e) {
            return abs;
        }
        Path parent = abs.getParent();
        return parent == null ? abs : real(parent, links).resolve(abs.getFileName());
    }

    /** As many links as the operating system follows before it gives up (Linux's limit). */
    private static final int MAX_LINKS = 40;
}
