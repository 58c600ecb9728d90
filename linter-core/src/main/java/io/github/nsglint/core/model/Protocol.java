package io.github.nsglint.core.model;

import java.util.Locale;
import java.util.Optional;

/** The protocols an NSG rule may name; {@link #ANY} is ARM's {@code *}. */
public enum Protocol {
    TCP("Tcp"),
    UDP("Udp"),
    ICMP("Icmp"),
    ESP("Esp"),
    AH("Ah"),
    ANY("*");

    private final String armName;

    Protocol(String armName) {
        this.armName = armName;
    }

    public String armName() {
        return armName;
    }

    /** Parses an ARM value case-insensitively ({@code TCP} and {@code Tcp} both occur in real templates). */
    public static Optional<Protocol> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Optional.of(TCP);
            case "udp" -> Optional.of(UDP);
            case "icmp" -> Optional.of(ICMP);
            case "esp" -> Optional.of(ESP);
            case "ah" -> Optional.of(AH);
            case "*" -> Optional.of(ANY);
            default -> Optional.empty();
        };
    }
}
