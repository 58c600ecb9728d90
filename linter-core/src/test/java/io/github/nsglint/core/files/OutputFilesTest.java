package io.github.nsglint.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are compared with inputs by real path, through links, before anything is written. */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void theSameFileByAnyNameClashes() throws Exception {
        Path t = Files.writeString(dir.resolve("t.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("out.sarif"), t);
        Path viaDots = dir.resolve("sub/../t.json");
        Files.createDirectories(dir.resolve("sub"));
        List<OutputFiles.Input> in = List.of(OutputFiles.Input.file(t, "template"));
        assertEquals(List.of(new OutputFiles.Clash(link, "it is the template this run reads"),
                new OutputFiles.Clash(viaDots, "two outputs of this run go to the same file")),
                OutputFiles.clashes(List.of(link, viaDots), in));
    }

    @Test
    void aFolderInputOwnsItsExistingFilesOfItsSuffixOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("f"));
        Files.writeString(folder.resolve("old.json"), "{}");
        Files.writeString(folder.resolve("report.sarif"), "{}");
        List<OutputFiles.Input> in = List.of(new OutputFiles.Input(folder, ".json", "template"));
        assertEquals(1, OutputFiles.clashes(List.of(folder.resolve("old.json")), in).size());
        assertEquals(0, OutputFiles.clashes(List.of(folder.resolve("report.sarif"), folder.resolve("new.json")), in)
                .size());
    }

    @Test
    void aDanglingLinkIsJudgedByItsTargetAndALinkLoopEnds() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        // A link loop ends where the operating system would give up, somewhere in the loop.
        assertEquals(dir.toRealPath(), OutputFiles.real(a).getParent());
        Path t = Files.writeString(dir.resolve("t.json"), "{}");
        Path dangling = Files.createSymbolicLink(dir.resolve("d"), dir.resolve("new.txt"));
        assertEquals(dir.toRealPath().resolve("new.txt"), OutputFiles.real(dangling));
        assertEquals(List.of(), OutputFiles.clashes(List.of(dangling), List.of(OutputFiles.Input.file(t, "x"))));
    }
}
