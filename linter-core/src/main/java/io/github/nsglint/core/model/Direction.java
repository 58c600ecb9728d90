package io.github.nsglint.core.model;

import java.util.Locale;
import java.util.Optional;

/** Traffic direction of a security rule. */
public enum Direction {
    INBOUND("Inbound"),
    OUTBOUND("Outbound");

    private final String armName;

    Direction(String armName) {
        this.armName = armName;
    }

    public String armName() {
        return armName;
    }

    /** Parses an ARM value, case-insensitively as ARM does ({@code inbound} is common in real templates). */
    public static Optional<Direction> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "inbound" -> Optional.of(INBOUND);
            case "outbound" -> Optional.of(OUTBOUND);
            default -> Optional.empty();
        };
    }
}
