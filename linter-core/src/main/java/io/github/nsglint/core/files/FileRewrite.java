package io.github.nsglint.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Replaces a file's text the way an editor's safe save does: the new text is written beside the file, given the
 * file's mode, owner and group, and moved over it in one step, so a failure never leaves half a file. A symbolic
 * link is written through: its target is changed and the link stays a link. A file that is read-only (no write
 * bit for its owner, even when running as root) or that has other hard links is refused and left as it was.
 */
public final class FileRewrite {

    private FileRewrite() {
    }

    /** Throws what {@link #replace} would refuse the file for, without changing anything. */
    public static void check(Path file) throws InputFileException {
        Path target = target(file);
        checkTarget(target, posix(target));
    }

    /** Replaces the text of {@code file} (or of the file it links to) with {@code text}, in UTF-8. */
    public static void replace(Path file, String text) throws InputFileException {
        Path target = target(file);
        PosixFileAttributes posix = posix(target);
        checkTarget(target, posix);
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), ".nsglint-fix", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (posix != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
                view.setPermissions(posix.permissions());
                if (!posix.owner().equals(view.readAttributes().owner())) {
                    view.setOwner(posix.owner());
                }
                if (!posix.group().equals(view.readAttributes().group())) {
                    view.setGroup(posix.group());
                }
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new InputFileException("cannot write the file: " + e.getMessage() + "; not changed");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // left behind: a hidden .nsglint-fix file, harmless
                }
            }
        }
    }

    private static Path target(Path file) throws InputFileException {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new InputFileException("cannot resolve the file: " + e.getMessage());
        }
    }

    private static void checkTarget(Path target, PosixFileAttributes posix) throws InputFileException {
        if (!Files.isRegularFile(target)) {
            throw new InputFileException("not a regular file: not changed");
        }
        if (!Files.isWritable(target) || posix != null && !posix.permissions().contains(PosixFilePermission.OWNER_WRITE)) {
            throw new InputFileException("the file is read-only: not changed (make it writable to let --write fix it)");
        }
        int links = hardLinks(target);
        if (links > 1) {
            throw new InputFileException("the file has " + links + " hard links, which a rewrite would split: not"
                    + " changed (apply the patch nsglint fix prints instead)");
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static PosixFileAttributes posix(Path file) throws InputFileException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes();
        } catch (IOException e) {
            throw new InputFileException("cannot read the file's attributes: " + e.getMessage());
        }
    }

    private static int hardLinks(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
