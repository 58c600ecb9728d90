package io.github.nsglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterFilesTest {

    private static final Path BASE = Path.of("/p");

    @Test
    void pairsAndOneFileForEveryTemplate() {
        ParameterFiles f = ParameterFiles.parse(BASE, List.of("infra/main.json = infra/main.prod.parameters.json",
                "shared.parameters.json"));
        assertEquals(Map.of(Path.of("/p/infra/main.json"), Path.of("/p/infra/main.prod.parameters.json")), f.pairs());
        assertEquals(Path.of("/p/shared.parameters.json"), f.every());
        ParameterFiles none = ParameterFiles.parse(BASE, List.of());
        assertNull(none.every());
        assertEquals(Map.of(), none.pairs());
    }
}
