package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export in which a few entries are no resources (no ID) is loaded without them, and says so for each. */
class LiveExportEntriesTest {

    @TempDir
    Path dir;

    @Test
    void entriesWithoutAnIdAreReportedAndTheRestIsLoaded() throws Exception {
        String nsg = "{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/%s\","
                + " \"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"%s\", \"properties\":"
                + " {\"securityRules\": []}}";
        Path f = Files.writeString(dir.resolve("export.json"), "[" + nsg.formatted("a", "a") + ",\n"
                + "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"no-id\"},\n"
                + nsg.formatted("b", "b") + "]");
        LoadResult r = new ModelLoader().load(List.of(f), null);
        assertEquals(List.of("a", "b"), r.model().networkSecurityGroups().stream()
                .map(n -> n.name().known().orElseThrow()).toList());
        assertEquals(List.of("export.json:2:1: warning: this entry of the export has no absolute resource 'id' or no"
                + " 'type', so it is not loaded; the other entries are"), r.diagnostics().stream()
                .map(d -> d.display().substring(d.display().indexOf("export.json"))).toList());
    }

    @Test
    void anArrayOfOtherThingsIsStillNoExport() throws Exception {
        Path f = Files.writeString(dir.resolve("list.json"), "[{\"name\": \"x\"}, {\"name\": \"y\"}, {\"id\":"
                + " \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/a\", \"type\":"
                + " \"Microsoft.Network/networkSecurityGroups\"}]");
        LoadResult r = new ModelLoader().load(List.of(f), null);
        assertEquals(List.of(), r.loadedFiles());
    }
}
