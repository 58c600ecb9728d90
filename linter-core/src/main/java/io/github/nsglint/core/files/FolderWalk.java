package io.github.nsglint.core.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The files below a folder whose names end with a suffix, sorted, and what could not be walked. Nothing is lost
 * without a word: a subfolder that cannot be read is an error naming it while the rest of the folder is still
 * walked; a FIFO, device or socket with a matching name is a note, never opened. A link is taken unless it leads
 * to a folder (folders are not followed, so a link cannot make the walk loop); where it leads is checked when the
 * file is read ({@link InputFiles}), so a link to a device or to nowhere is a located error then.
 */
public final class FolderWalk implements FileVisitor<Path> {

    /** One thing the walk could not take: an error (the folder's content is incomplete) or a note. */
    public record Problem(Path path, boolean error, String message) {
    }

    /** The matching files, sorted, and the problems in the order they were met. */
    public record Result(List<Path> files, List<Problem> problems) {

        public Result {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private final Path root;
    private final String suffix;
    private final List<Path> files = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    FolderWalk(Path root, String suffix) {
        this.root = root;
        this.suffix = suffix.toLowerCase(Locale.ROOT);
    }

    /** Walks {@code folder} for names ending with {@code suffix} (compared ignoring case). */
    public static Result of(Path folder, String suffix) {
        FolderWalk walk = new FolderWalk(folder, suffix);
        try {
            Files.walkFileTree(folder, walk);
        } catch (IOException e) {
            // Only the visitor's own exceptions get here, and it throws none.
            walk.problems.add(new Problem(folder, true, "cannot read folder: " + e.getMessage()));
        }
        return walk.result();
    }

    Result result() {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.naturalOrder());
        return new Result(sorted, problems);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return FileVisitResult.CONTINUE;
        }
        if (attributes.isRegularFile() || attributes.isSymbolicLink() && !Files.isDirectory(file)) {
            files.add(file);
        } else if (attributes.isOther()) {
            problems.add(new Problem(file, false, "not a regular file (a FIFO, device or socket): skipped"));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName()
                : e.getMessage();
        problems.add(new Problem(file, true, file.equals(root) ? "cannot read folder: " + why
                : "cannot read: " + why + "; nothing below it is linted"));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null) {
            problems.add(new Problem(dir, true, "the folder could not be read to its end: " + e.getMessage()));
        }
        return FileVisitResult.CONTINUE;
    }
}
