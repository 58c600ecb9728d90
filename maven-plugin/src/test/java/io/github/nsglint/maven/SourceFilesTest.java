package io.github.nsglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @Test
    void antPatternsMatchAsMavenDoes() {
        assertTrue(SourceFiles.pattern("**/*.json").matcher("main.json").matches(), "** is also no folder");
        assertTrue(SourceFiles.pattern("**/*.json").matcher("a/b/main.json").matches());
        assertFalse(SourceFiles.pattern("*.json").matcher("a/main.json").matches(), "* stays within one name");
        assertTrue(SourceFiles.pattern("hub/**").matcher("hub/x/y.json").matches());
        assertTrue(SourceFiles.pattern("legacy/").matcher("legacy/old.json").matches(), "trailing slash: below");
        assertTrue(SourceFiles.pattern("**/*.parameters.json").matcher("x/main.parameters.json").matches());
        assertTrue(SourceFiles.pattern("main?.json").matcher("main1.json").matches());
        assertFalse(SourceFiles.pattern("main?.json").matcher("main10.json").matches());
        assertTrue(SourceFiles.pattern("a\\*.json").matcher("a/b.json").matches(), "backslash separates too");
    }

    @Test
    void filesMatchIncludesAndNoExcludeSortedPerFolder(@TempDir Path dir) throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra/spokes"));
        Files.writeString(dir.resolve("infra/hub.json"), "{}");
        Files.writeString(infra.resolve("b.json"), "{}");
        Files.writeString(infra.resolve("a.json"), "{}");
        Files.writeString(infra.resolve("notes.md"), "");
        Files.writeString(dir.resolve("infra/bicepconfig.json"), "{}");
        List<Path> files = SourceFiles.collect(List.of(dir.resolve("infra")), List.of("**/*.json"),
                List.of("bicepconfig.json"));
        assertEquals(List.of(dir.resolve("infra/hub.json"), infra.resolve("a.json"), infra.resolve("b.json")),
                files);
    }
}
