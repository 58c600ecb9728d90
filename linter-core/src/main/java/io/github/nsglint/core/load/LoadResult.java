package io.github.nsglint.core.load;

import io.github.nsglint.core.model.NetworkModel;
import java.util.List;

/**
 * What loading a set of files gives: one network model over all of them, the files that contributed to it,
 * every diagnostic, and the suppressions written in the templates. Errors are files (or parts) that could not
 * be read; the rest still loaded.
 */
public record LoadResult(NetworkModel model, List<String> loadedFiles, List<LoadDiagnostic> diagnostics,
        List<InlineSuppression> suppressions) {

    public LoadResult {
        java.util.Objects.requireNonNull(model, "model is null");
        loadedFiles = List.copyOf(loadedFiles);
        diagnostics = List.copyOf(diagnostics);
        suppressions = List.copyOf(suppressions);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR);
    }
}
