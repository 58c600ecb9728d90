package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real template of the quickstart corpus loads, with its parameters file, without an exception. */
class QuickstartCorpusTest {

    @Test
    void everyKicsSampleLoadsAndEveryNsgRuleIsKnown() throws Exception {
        List<Path> samples;
        try (var walk = java.nio.file.Files.walk(Corpus.root().resolve("kics-arm-nsg"))) {
            samples = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() >= 29, "KICS samples: " + samples.size());
        int rules = 0;
        for (Path s : samples) {
            LoadResult r = new ModelLoader().load(List.of(s), null);
            List<String> problems = r.diagnostics().stream().filter(d -> d.level() != LoadDiagnostic.Level.NOTE)
                    .map(LoadDiagnostic::display).toList();
            if (s.getFileName().toString().matches("metadata\\.json|positive_expected_result\\.json")) {
                // KICS's description and expected results: given alone, nothing to lint is an error, not a quiet pass.
                assertEquals(List.of(s + ":1:1: error: nothing to lint: no input is an ARM template or an Azure"
                        + " resource export"), problems);
                continue;
            }
            assertEquals(List.of(), problems, s.toString());
            for (NetworkSecurityGroup nsg : r.model().networkSecurityGroups()) {
                if (nsg.deployment().origin() == io.github.nsglint.core.model.Deployment.Origin.REFERENCED) {
                    // Rules added to an NSG declared elsewhere: known, but its other rules are not, and a gap says so.
                    assertTrue(nsg.complete() instanceof Field.Unknown, s.toString());
                    assertEquals(1, r.model().gaps().size(), s.toString());
                } else {
                    assertEquals(Field.known(true), nsg.complete(), s.toString());
                }
                for (SecurityRule rule : nsg.securityRules().known().orElseThrow(() -> new AssertionError(s + ": "
                        + nsg.securityRules()))) {
                    rules++;
                    assertTrue(rule.destinationPortRanges().isKnown() && rule.sourceAddressPrefixes().isKnown()
                            && rule.direction().isKnown() && rule.access().isKnown() && rule.protocol().isKnown(),
                            s + ": " + rule);
                }
            }
        }
        // 27 rule declarations, counted by hand in the 27 samples (two positives declare 2 rules, two files none).
        assertEquals(27, rules, "rules in KICS samples");
    }

    @Test
    void everyTemplateLoadsWithoutExceptionOrError() throws Exception {
        List<Path> templates = Corpus.templates();
        assertTrue(templates.size() >= 370, "corpus has " + templates.size() + " templates");
        List<String> failures = new ArrayList<>();
        int nsgs = 0;
        int rules = 0;
        int unknownRuleLists = 0;
        for (Path t : templates) {
            try {
                LoadResult r = new ModelLoader().load(List.of(t), null);
                r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR)
                        .forEach(d -> failures.add(d.display()));
                if (r.loadedFiles().isEmpty()) {
                    failures.add(t + ": not recognised as a template");
                }
                for (NetworkSecurityGroup nsg : r.model().networkSecurityGroups()) {
                    nsgs++;
                    if (nsg.securityRules() instanceof Field.Known<List<SecurityRule>> k) {
                        rules += k.value().size();
                    } else {
                        unknownRuleLists++;
                    }
                }
            } catch (RuntimeException e) {
                failures.add(t + ": " + e);
            }
        }
        // One template of the corpus is one Azure rejects as its parameters file is written: the file names three
        // NSGs GEN-UNIQUE-8, a placeholder the quickstart pipeline replaces with unique names. nsglint lints what it
        // is given: the NSG is defined twice, and then three times.
        List<String> expected = List.of(
                "parameterized-linked-templates/azuredeploy.json:375:9: error: Microsoft.Network/networkSecurityGroups",
                "parameterized-linked-templates/azuredeploy.json:386:9: error: Microsoft.Network/networkSecurityGroups");
        assertEquals(expected.size(), failures.size(), failures.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(failures.get(i).contains(expected.get(i)) && failures.get(i).contains("GEN-UNIQUE-8' is defined"
                    + " twice in this template"), failures.get(i));
        }
        // Exact, as measured on the fixed corpus: a change in what the loader sees must be a conscious one.
        // The 7 unknown rule lists are NSGs of nested templates linted alone, whose rules are a parameter
        // with no value.
        // 440 NSGs, and the two earlier copies of the GEN-UNIQUE-8 NSG defined three times, judged too. Two of the
        // 440 are the conditional NSGs of mongodb-sharding-centos, named from a parameter with no value: one
        // "{unknown name}" ID until such parameters were followed as names (issue 18), two distinct NSGs since, and
        // the same for netapp-ontap-sql's web and data NSGs. The later of two NSGs whose names are not known used to
        // take the earlier's place; each is kept now: chef-automate-ha's front-end NSG (5 rules) is the 443rd.
        assertEquals(443, nsgs, "NSGs");
        assertEquals(982, rules, "known rules");
        assertEquals(7, unknownRuleLists, "NSGs with an unknown rule list");
        System.out.printf("corpus: %d templates, %d NSGs, %d rules, %d NSGs with an unknown rule list%n",
                templates.size(), nsgs, rules, unknownRuleLists);
    }
}
