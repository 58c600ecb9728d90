package io.github.nsglint.core.load;

import io.github.nsglint.core.model.NetworkModel;
import java.nio.file.Path;
import java.util.List;

/**
 * What loading a set of files gives: one network model over all of them, the files that contributed to it,
 * every diagnostic, and the suppressions written in the templates. Errors are files (or parts) that could not
 * be read; the rest still loaded. {@code components} are the separate networks in it: files that refer to each
 * other's resources form one; {@code model} is their union. For a big estate the networks are not built at load
 * time: {@code deferred} lists the files of each, {@code components} is empty and {@code model} too.
 */
public record LoadResult(NetworkModel model, List<LoadedFile> files, List<LoadDiagnostic> diagnostics,
        List<InlineSuppression> suppressions, List<Component> components, List<List<Path>> deferred) {

    /** A network built later ({@link ModelLoader#build}), and what its model's building had to say. */
    public record Built(Component component, List<LoadDiagnostic> diagnostics) {
        public Built {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** One separate network: its model and the suppressions written in its templates. */
    public record Component(NetworkModel model, List<InlineSuppression> suppressions) {
        public Component {
            java.util.Objects.requireNonNull(model, "model is null");
            suppressions = List.copyOf(suppressions);
        }
    }

    /** A file that contributed to the model: how messages name it, its size and its SHA-256, hashed as read. */
    public record LoadedFile(String name, long bytes, String sha256) {
    }

    public LoadResult {
        java.util.Objects.requireNonNull(model, "model is null");
        files = List.copyOf(files);
        components = List.copyOf(components);
        deferred = deferred.stream().map(List::copyOf).toList();
        diagnostics = List.copyOf(diagnostics);
        suppressions = List.copyOf(suppressions);
    }

    /** The names of the files that contributed, in input order. */
    public List<String> loadedFiles() {
        return files.stream().map(LoadedFile::name).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR);
    }
}
