package io.github.nsglint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compliance controls a rule's tags name, as an auditor reads them: {@code cis-azure-6.1} is CIS Microsoft
 * Azure Foundations 6.1, {@code mcsb-ns-1} the Microsoft cloud security benchmark's NS-1.
 */
public final class ComplianceNames {

    private ComplianceNames() {
    }

    public static List<String> of(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            if (t.startsWith("cis-azure-")) {
                out.add("CIS Azure " + t.substring("cis-azure-".length()));
            } else if (t.startsWith("mcsb-")) {
                out.add("MCSB " + t.substring("mcsb-".length()).toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }
}
