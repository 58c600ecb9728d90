package io.github.nsglint.core.model;

import java.util.Locale;
import java.util.Optional;

/** The operating system of a VM or scale set, which decides the port Bastion connects on (SSH or RDP). */
public enum OperatingSystem {
    WINDOWS("Windows"),
    LINUX("Linux");

    private final String armName;

    OperatingSystem(String armName) {
        this.armName = armName;
    }

    /** As ARM writes it ({@code osDisk.osType}). */
    public String armName() {
        return armName;
    }

    /** ARM's {@code osType} value, case-insensitively. */
    public static Optional<OperatingSystem> parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "windows" -> Optional.of(WINDOWS);
            case "linux" -> Optional.of(LINUX);
            default -> Optional.empty();
        };
    }
}
