package io.github.nsglint.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** The output formats on the class path (META-INF/services), found by their ID. */
public final class ReporterRegistry {

    private ReporterRegistry() {
    }

    public static List<Reporter> all() {
        List<Reporter> out = new ArrayList<>();
        ServiceLoader.load(Reporter.class, Reporter.class.getClassLoader()).forEach(out::add);
        out.sort(java.util.Comparator.comparing(Reporter::id));
        return out;
    }

    /** The reporter with this ID; an unknown one is an error that lists the known IDs. */
    public static Reporter byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        List<Reporter> all = all();
        return all.stream().filter(r -> r.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "'; known: "
                        + String.join(", ", all.stream().map(Reporter::id).toList())));
    }
}
