package io.github.nsglint.core.load;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.SafeText;

/**
 * Something the loader has to tell the user about a file: an error (the file or part of it could not be
 * read; exit code 2), a warning (an expression Azure would reject, a construct not followed), or a note
 * (a file skipped because it is not a template, a parameters file paired with its template).
 */
public record LoadDiagnostic(Level level, SourceLocation location, String message) {

    public LoadDiagnostic {
        requireNonNull(level, "level is null");
        requireNonNull(location, "location is null");
        requireNonNull(message, "message is null");
    }

    /** {@code file:line:column: level: message}, names from the input shown escaped ({@link SafeText}). */
    public String display() {
        return SafeText.escape(location.display()) + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + SafeText.escape(message);
    }

    /** How serious a diagnostic is. */
    public enum Level {
        ERROR,
        WARNING,
        NOTE
    }
}
