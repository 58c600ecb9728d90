package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the diagnostics of one file's evaluation; the same message at the same place is kept once. */
final class Diagnostics {

    private final List<LoadDiagnostic> all = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    void add(LoadDiagnostic.Level level, SourceLocation at, String message) {
        if (seen.add(level + "|" + at.display() + "|" + message)) {
            all.add(new LoadDiagnostic(level, at, message));
        }
    }

    List<LoadDiagnostic> all() {
        return List.copyOf(all);
    }
}
