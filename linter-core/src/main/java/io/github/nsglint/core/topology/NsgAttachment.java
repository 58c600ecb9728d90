package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;

/** Which NSG applies at one level (a subnet or a NIC). */
public sealed interface NsgAttachment permits NsgAttachment.None, NsgAttachment.Attached, NsgAttachment.Unresolved {

    /** No NSG: this level allows everything. */
    record None() implements NsgAttachment {
    }

    /** The NSG, found in the scanned files. */
    record Attached(NetworkSecurityGroup nsg) implements NsgAttachment {
        public Attached {
            requireNonNull(nsg, "nsg is null");
        }
    }

    /**
     * An NSG whose rules the linter does not know: the reference is Unknown, or points at an NSG not declared
     * in the scanned files. Verdicts that depend on it are INDETERMINATE.
     */
    record Unresolved(Field<String> reference, String reason) implements NsgAttachment {
        public Unresolved {
            requireNonNull(reference, "reference is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
