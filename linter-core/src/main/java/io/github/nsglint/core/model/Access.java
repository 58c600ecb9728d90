package io.github.nsglint.core.model;

import java.util.Locale;
import java.util.Optional;

/** Whether a security rule allows or denies the flows it matches. */
public enum Access {
    ALLOW("Allow"),
    DENY("Deny");

    private final String armName;

    Access(String armName) {
        this.armName = armName;
    }

    public String armName() {
        return armName;
    }

    public static Optional<Access> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "allow" -> Optional.of(ALLOW);
            case "deny" -> Optional.of(DENY);
            default -> Optional.empty();
        };
    }
}
