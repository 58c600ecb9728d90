package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.SecurityRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bicep compiler's own samples, as it compiled them (main.json, and main.symbolicnames.json with
 * languageVersion 2.0 symbolic names): each loads, and for the samples that declare networks the model holds what
 * main.bicep declares, counted by hand from the .bicep source, the same from both compiled forms.
 */
class BicepSamplesTest {

    private static Path samples() {
        return Corpus.root().resolve("bicep-samples");
    }

    @Test
    void everyCompiledSampleLoadsWithoutAnException() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples())) {
            files = walk.filter(p -> p.getFileName().toString().equals("main.json")
                    || p.getFileName().toString().equals("main.symbolicnames.json")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int unknownFields = 0;
        for (Path f : files) {
            try {
                LoadResult r = new ModelLoader().load(List.of(f), null);
                unknownFields += unknownFields(r.model());
                if (r.loadedFiles().isEmpty() && r.diagnostics().stream()
                        .noneMatch(d -> d.level() == LoadDiagnostic.Level.ERROR)) {
                    failures.add(f + ": neither loaded nor an error");
                }
            } catch (RuntimeException e) {
                failures.add(f + ": " + e);
            }
        }
        assertTrue(files.size() >= 200, "samples found: " + files.size());
        assertEquals(List.of(), failures);
        // Exact, as measured: 82 before module outputs, the evaluation fixes and name parameters (issue 18), 60
        // since. A change is a conscious one: fewer is progress to note in the README; more is a regression or a
        // gap newly said, to explain.
        assertEquals(60, unknownFields, "Unknown fields over every compiled sample");
    }

    /** The Unknown fields anywhere in a model, as {@code nsglint show} prints them. */
    private static int unknownFields(Object node) {
        if (node instanceof Field.Unknown<?>) {
            return 1;
        }
        if (node instanceof Field.Known<?> k) {
            return unknownFields(k.value());
        }
        if (node instanceof java.util.Collection<?> c) {
            return c.stream().mapToInt(BicepSamplesTest::unknownFields).sum();
        }
        if (node instanceof java.util.Map<?, ?> m) {
            return unknownFields(m.values());
        }
        if (node instanceof Record r) {
            int n = 0;
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    n += unknownFields(component.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return n;
        }
        return 0;
    }

    /**
     * Counted from each main.bicep: vnet-to-vnet-peering's and vwan-shared-services' subnets write their NSG
     * inline (no NSG resource, an invalid link); 1vm-2nics-2subnets-1vnet and avd-backplane declare their networks
     * in modules; vm-copy-managed-disks makes one NIC per VM in a loop of 3 (the default count).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // sample                                                 | vnets | subnets | nsgs | rules | peerings | nics
            "user_submitted/201/vnet-to-vnet-peering                   | 2 | 2 | 0 | 0 | 2 | 0",
            "user_submitted/101/aadds-dual-region-replica-sets         | 2 | 2 | 2 | 6 | 2 | 0",
            "user_submitted/201/1vm-2nics-2subnets-1vnet               | 1 | 2 | 2 | 1 | 0 | 2",
            "user_submitted/201/vm-copy-managed-disks                  | 1 | 1 | 1 | 1 | 0 | 3",
            "user_submitted/101/databricks-all-in-one-template-for-vnet-injection | 1 | 2 | 1 | 6 | 0 | 0",
            "user_submitted/101/cyclecloud                             | 1 | 1 | 1 | 3 | 0 | 1",
            "user_submitted/201/vwan-shared-services                   | 3 | 3 | 0 | 0 | 0 | 0",
            "user_submitted/201/avd-backplane-with-network-and-storage-and-monitoring | 1 | 1 | 0 | 0 | 0 | 0",
    })
    void holdsWhatMainBicepDeclares(String sample, int vnets, int subnets, int nsgs, int rules, int peerings,
            int nics) {
        for (String compiled : List.of("main.json", "main.symbolicnames.json")) {
            NetworkModel m = new ModelLoader().load(List.of(samples().resolve(sample).resolve(compiled)), null).model();
            String what = sample + "/" + compiled;
            assertEquals(vnets, m.virtualNetworks().size(), what + " VNets");
            assertEquals(subnets, m.subnets().count(), what + " subnets");
            assertEquals(nsgs, m.networkSecurityGroups().size(), what + " NSGs");
            assertEquals(rules, m.networkSecurityGroups().stream().mapToInt(n -> n.securityRules()
                    instanceof Field.Known<List<SecurityRule>> k ? k.value().size() : 0).sum(), what + " rules");
            assertEquals(peerings, m.virtualNetworks().stream().mapToInt(v -> v.peerings().size()).sum(),
                    what + " peerings");
            assertEquals(nics, m.networkInterfaces().size(), what + " NICs");
        }
    }
}
