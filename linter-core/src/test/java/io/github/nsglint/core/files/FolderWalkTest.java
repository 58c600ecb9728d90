package io.github.nsglint.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walk loses nothing silently: an unreadable subfolder is an error and the walk goes on; a FIFO is a note. */
class FolderWalkTest {

    @TempDir
    Path dir;

    @Test
    void matchingFilesSortedLinksTakenFoldersNotFollowed() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/x.JSON"), "{}");
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createSymbolicLink(dir.resolve("l.json"), dir.resolve("a.json"));
        Files.createSymbolicLink(dir.resolve("loop.json"), dir);
        FolderWalk.Result r = FolderWalk.of(dir, ".json");
        assertEquals(List.of(dir.resolve("a.json"), dir.resolve("b/x.JSON"), dir.resolve("l.json")), r.files());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void anUnreadableSubfolderIsAnErrorAndTheWalkGoesOn() {
        // Root reads every folder, so the failure the file system would report is handed to the walk directly.
        FolderWalk walk = new FolderWalk(dir, ".json");
        Path locked = dir.resolve("locked");
        assertEquals(FileVisitResult.CONTINUE, walk.visitFileFailed(locked, new AccessDeniedException(locked.toString())));
        assertEquals(List.of(new FolderWalk.Problem(locked, true, "cannot read: permission denied; nothing below it"
                + " is linted")), walk.result().problems());
        FolderWalk top = new FolderWalk(dir, ".json");
        top.visitFileFailed(dir, new AccessDeniedException(dir.toString()));
        assertEquals("cannot read folder: permission denied", top.result().problems().get(0).message());
    }

    @Test
    void aFifoIsANoteAndNotAFile() throws Exception {
        Path fifo = dir.resolve("x.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start()
                .waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && Files.exists(fifo));
        FolderWalk.Result r = FolderWalk.of(dir, ".json");
        assertEquals(List.of(), r.files());
        assertEquals(List.of(new FolderWalk.Problem(fifo, false, "not a regular file (a FIFO, device or socket):"
                + " skipped")), r.problems());
    }
}
