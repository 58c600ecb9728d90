package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.ModelGap;
import java.util.List;

/** What expanding one template gives: its resources, what it could not expand, and the diagnostics. */
public record ExpansionResult(List<ResourceInstance> resources, List<ModelGap> gaps, List<LoadDiagnostic> diagnostics) {

    public ExpansionResult {
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
        diagnostics = List.copyOf(diagnostics);
    }
}
