package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Azure rejects because something is given twice (a resource defined twice in one template, two rules of one
 * name in an NSG, a property repeated in an object) is a located error naming both places, and the first copy is
 * never hidden by the second: an insecure first NSG is still judged.
 */
class DuplicateDeclarationsTest {

    private static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\",\n \"resources\": [\n";
    private static final String SSH_FROM_ANYWHERE = "{\"name\": \"%s\", \"properties\": {\"priority\": %d,"
            + " \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\","
            + " \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\"}}";

    @TempDir
    Path dir;

    private Report lint(String resources) throws Exception {
        Path t = Files.writeString(dir.resolve("t.json"), HEAD + resources + "\n]}");
        return Linter.run(LintRequest.of(List.of(t)));
    }

    private static String nsg(String name, String rules) {
        return "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\": \""
                + name + "\", \"location\": \"uksouth\", \"properties\": {\"securityRules\": [" + rules + "]}}";
    }

    private static List<String> errors(Report r) {
        return r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR)
                .map(d -> d.display().replace(d.location().file().replace("t.json", ""), "")).toList();
    }

    @Test
    void anNsgDefinedTwiceIsAnErrorAndTheInsecureFirstCopyIsStillJudged() throws Exception {
        Report r = lint(nsg("nsg", SSH_FROM_ANYWHERE.formatted("open", 100)) + ",\n" + nsg("nsg", ""));
        assertEquals(List.of("t.json:4:1: error: Microsoft.Network/networkSecurityGroups '/subscriptions/{subscriptionId}"
                + "/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/nsg' is defined"
                + " twice in this template (also at t.json:3:1): Azure rejects a template that defines a resource more"
                + " than once; both are judged"), errors(r));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001") && f.location().line() == 3),
                "the first copy's open SSH is reported: " + r.findings());
        assertTrue(r.hasInputErrors());
    }

    @Test
    void twoNsgsOfUnknownNameAreTwoNsgsBothJudged() throws Exception {
        // As chef-automate-ha names its NSGs: parameters('networkSettings').feNsg of an object with no value.
        Report r = lint(nsg("[reference('a').name]", SSH_FROM_ANYWHERE.formatted("open", 100)) + ",\n"
                + nsg("[reference('b').name]", ""));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001") && f.location().line() == 3),
                "the first NSG's open SSH is reported, not hidden by the second of the same unknown ID: "
                + r.findings());
    }

    @Test
    void aNestedDeploymentRedeployingAResourceIsNoError() throws Exception {
        String nested = "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"again\","
                + " \"properties\": {\"mode\": \"Incremental\", \"expressionEvaluationOptions\": {\"scope\": \"inner\"},"
                + " \"template\": {\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": [" + nsg("nsg", "")
                + "]}}}";
        Report r = lint(nsg("nsg", "") + ",\n" + nested);
        assertEquals(List.of(), errors(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.NOTE
                && d.message().contains("is declared more than once")), r.diagnostics().toString());
    }

    @Test
    void twoRulesOfOneNameAreAnErrorAndBothAreJudged() throws Exception {
        Report r = lint(nsg("nsg", "{\"name\": \"web\", \"properties\": {\"priority\": 100, \"direction\": \"Inbound\","
                + " \"access\": \"Deny\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\","
                + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"80\"}},\n"
                + SSH_FROM_ANYWHERE.formatted("WEB", 110)));
        assertEquals(List.of("t.json:4:1: error: NSG nsg has two rules named 'WEB' (also at t.json:3:152): a rule's name"
                + " must be unique within its NSG, so Azure rejects it; both rules are judged"), errors(r));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001")), r.findings().toString());
    }

    @Test
    void aPropertyGivenTwiceOrInTwoCasesIsAnErrorAtTheSecond() throws Exception {
        Report r = lint(nsg("nsg", "{\"name\": \"r\", \"properties\": {\"priority\": 100, \"direction\": \"Inbound\","
                + " \"access\": \"Allow\", \"protocol\": \"Tcp\",\n\"SourceAddressPrefix\": \"*\","
                + " \"sourceAddressPrefix\": \"10.0.0.0/8\", \"sourcePortRange\": \"*\",\n"
                + "\"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\", \"destinationPortRange\": \"23\"}}"));
        assertEquals(List.of("t.json:4:52: error: 'sourceAddressPrefix' and 'SourceAddressPrefix' (value at 4:24) are one"
                + " property to Azure, which reads names without regard to case; nsglint reads the one spelled as the"
                + " property is documented, else the first: keep one",
                "t.json:5:88: error: 'destinationPortRange' is given twice in this object (the first value at 5:58):"
                        + " nsglint, like JSON readers, takes this later value and the earlier one is lost; keep one"),
                errors(r));
        assertTrue(r.hasInputErrors(), "never a pass");
    }
}
