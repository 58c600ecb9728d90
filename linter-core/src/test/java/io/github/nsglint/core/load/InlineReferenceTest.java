package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subnet whose networkSecurityGroup is written inline (rules, no id), as three real samples do, is never taken
 * for a subnet without an NSG: the link is invalid with its reason, and what depends on it is indeterminate.
 */
class InlineReferenceTest {

    @TempDir
    Path dir;

    @Test
    void anInlineNsgWithoutAnIdIsNotDroppedSilently() throws Exception {
        Path t = Files.writeString(dir.resolve("t.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "v",
                   "location": "uksouth", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                   "subnets": [{"name": "s", "properties": {"addressPrefix": "10.0.1.0/24",
                     "networkSecurityGroup": {"properties": {"securityRules": []}}}}]}}]}""");
        LoadResult loaded = new ModelLoader().load(List.of(t), null);
        Field<String> link = loaded.model().subnets().findFirst().orElseThrow().networkSecurityGroupId();
        Field.Invalid<String> invalid = assertInstanceOf(Field.Invalid.class, link);
        assertTrue(invalid.problem().startsWith("networkSecurityGroup has no 'id', only properties written inline:"
                + " Azure links it by resource ID"), invalid.problem());
        Report r = Linter.run(LintRequest.of(List.of(t)));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("NSG006")
                && f.kind() == Finding.Kind.INDETERMINATE), r.findings().toString());
    }
}
