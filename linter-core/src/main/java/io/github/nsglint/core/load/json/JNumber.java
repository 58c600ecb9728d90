package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.math.BigDecimal;

/** A JSON number. ARM integers are 64-bit; other numbers are kept exactly. */
public record JNumber(BigDecimal value, SourceLocation location) implements JNode {

    public JNumber {
        requireNonNull(value, "value is null");
        requireNonNull(location, "location is null");
    }

    public static JNumber of(long value, SourceLocation location) {
        return new JNumber(BigDecimal.valueOf(value), location);
    }

    public boolean isIntegral() {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** The value as ARM's 64-bit integer; throws when it is not one. */
    public long longValue() {
        return value.longValueExact();
    }

    @Override
    public String typeName() {
        return isIntegral() ? "Integer" : "Float";
    }
}
