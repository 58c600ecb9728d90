package io.github.nsglint.core.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder sb = new StringBuilder();
        for (Path t : Corpus.templates()) {
            LoadResult r = new ModelLoader().load(List.of(t), null);
            for (LoadDiagnostic d : r.diagnostics()) {
                if (d.level() != LoadDiagnostic.Level.NOTE) {
                    String m = d.message().replaceAll("'[^']*'", "'x'").replaceAll("[0-9]+", "N");
                    counts.merge(d.level() + " " + m.substring(0, Math.min(140, m.length())), 1, Integer::sum);
                    sb.append(d.display()).append('\n');
                }
            }
            for (var nsg : r.model().networkSecurityGroups()) {
                if (nsg.securityRules() instanceof io.github.nsglint.core.model.Field.Unknown<?> u) sb.append("RULESUNK ").append(u.location().display()).append(" ").append(u.reason()).append('\n');
                nsg.securityRules().known().ifPresent(rs -> rs.forEach(rule -> {
                    for (var f : java.util.List.of(rule.name(), rule.priority(), rule.direction(), rule.access(), rule.protocol(), rule.sourceAddressPrefixes(), rule.destinationAddressPrefixes(), rule.sourcePortRanges(), rule.destinationPortRanges())) {
                        if (f instanceof io.github.nsglint.core.model.Field.Unknown<?> u) sb.append("FIELDUNK ").append(u.location().display()).append(" ").append(u.reason()).append('\n');
                        if (f instanceof io.github.nsglint.core.model.Field.Invalid<?> u) sb.append("INVALID ").append(u.location().display()).append(" ").append(u.problem()).append(" ").append(u.raw()).append('\n');
                    }
                    rule.problems().forEach(pr -> sb.append("PROBLEM ").append(rule.location().display()).append(" ").append(pr).append('\n'));
                }));
            }
            r.model().gaps().forEach(g -> sb.append("GAP ").append(g.location().display()).append(" ").append(g.reason()).append('\n'));
        }
        counts.forEach((k, v) -> System.out.println(v + "\t" + k));
        java.nio.file.Files.writeString(Path.of("/tmp/probe/all.txt"), sb);
    }
}
