package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.ModelGap;
import java.util.List;

/**
 * What expanding one template gives: its resources, what it could not expand, the diagnostics, and the units of
 * evaluation work it took (measured against the bound by the corpus tests and benchmarks).
 */
public record ExpansionResult(List<ResourceInstance> resources, List<ModelGap> gaps, List<LoadDiagnostic> diagnostics,
        long work) {

    public ExpansionResult {
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
        diagnostics = List.copyOf(diagnostics);
    }
}
