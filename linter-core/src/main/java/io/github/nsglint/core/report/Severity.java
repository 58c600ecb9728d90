package io.github.nsglint.core.report;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; maps one to one to SARIF levels. Thresholds read "fail on severity >= X". */
public enum Severity {
    NOTE,
    WARNING,
    ERROR;

    public String toSarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Optional<Severity> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning" -> Optional.of(WARNING);
            case "note" -> Optional.of(NOTE);
            default -> Optional.empty();
        };
    }
}
