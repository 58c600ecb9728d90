package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A module's output handed to another module, as Bicep compiles it: evaluated in the module's own scope when it
 * needs nothing known only after deployment, else Unknown naming the output.
 */
class ModuleOutputsTest {

    private static final String SCHEMA = "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\"";

    /** A hub module that deploys a VNet and outputs its ID (and one output known only after deployment). */
    private static String hub(String name, String condition) {
        return "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"" + name + "\","
                + condition + " \"properties\": {\"mode\": \"Incremental\", \"expressionEvaluationOptions\": {\"scope\":"
                + " \"inner\"}, \"parameters\": {\"vnetName\": {\"value\": \"[variables('hubName')]\"}}, \"template\": {"
                + SCHEMA + ", \"parameters\": {\"vnetName\": {\"type\": \"string\"}}, \"resources\": [{\"type\":"
                + " \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2023-09-01\", \"name\":"
                + " \"[parameters('vnetName')]\", \"location\": \"uksouth\", \"properties\": {\"addressSpace\":"
                + " {\"addressPrefixes\": [\"10.0.0.0/16\"]}}}], \"outputs\": {\"vnetId\": {\"type\": \"string\","
                + " \"value\": \"[resourceId('Microsoft.Network/virtualNetworks', parameters('vnetName'))]\"},"
                + " \"guid\": {\"type\": \"string\", \"value\": \"[reference(resourceId('Microsoft.Network/virtualNetworks',"
                + " parameters('vnetName')), '2023-09-01').resourceGuid]\"}}}}}";
    }

    private static String peering(String remote) {
        return "{\"type\": \"Microsoft.Network/virtualNetworks/virtualNetworkPeerings\", \"apiVersion\": \"2023-09-01\","
                + " \"name\": \"spoke/to-hub\", \"properties\": {\"remoteVirtualNetwork\": {\"id\": \"" + remote + "\"}}}";
    }

    private static ExpansionResult expand(String resources) {
        String t = "{" + SCHEMA + ", \"variables\": {\"hubName\": \"hub-vnet\"}, \"resources\": [" + resources + "]}";
        JObject root = (JObject) new JsonReader().parse(t, "t.json");
        return new TemplateExpander(type -> type.startsWith("microsoft.network/")).expand("t.json", root, Map.of());
    }

    private static Object remote(ExpansionResult r) {
        JObject props = (JObject) r.resources().stream().filter(i -> i.type().endsWith("virtualNetworkPeerings"))
                .findFirst().orElseThrow().properties();
        JObject remote = (JObject) props.getOrNull("remoteVirtualNetwork");
        return remote.getOrNull("id") instanceof JString s ? s.value() : remote.getOrNull("id");
    }

    @Test
    void anOutputThatIsAResourceIdOfAParameterIsKnown() {
        String hubId = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/virtualNetworks/hub-vnet";
        for (String ref : List.of(
                "[reference(resourceId('Microsoft.Resources/deployments', 'hub'), '2022-09-01').outputs.vnetId.value]",
                "[reference('hub').outputs.vnetId.value]",
                "[reference(resourceId('Microsoft.Resources/deployments', 'hub'), '2022-09-01', 'full').properties.outputs.vnetId.value]")) {
            // The peering is declared before the module: order does not matter.
            ExpansionResult r = expand(peering(ref) + ", " + hub("hub", ""));
            assertEquals(hubId, remote(r), ref);
            assertEquals(List.of(), r.diagnostics().stream().map(LoadDiagnostic::display).toList(), ref);
        }
    }

    @Test
    void anOutputKnownOnlyAfterDeploymentIsUnknownNamingTheOutput() {
        ExpansionResult r = expand(hub("hub", "") + ", " + peering("[reference('hub').outputs.guid.value]"));
        JUnknown u = (JUnknown) remote(r);
        assertTrue(u.reason().startsWith("output 'guid' of module 'hub' is not known before deployment:"), u.reason());
    }

    @Test
    void aModuleWithAFalseConditionHasNoOutputs() {
        ExpansionResult r = expand(hub("hub", " \"condition\": false,") + ", "
                + peering("[reference('hub').outputs.vnetId.value]"));
        assertTrue(remote(r) instanceof JUnknown u && u.reason().contains("module 'hub' is not deployed (its condition"
                + " is false), so it has no outputs and ARM fails the reference"), String.valueOf(remote(r)));
    }

    @Test
    void aResourceThatIsNoModuleStaysKnownOnlyAtDeployment() {
        ExpansionResult r = expand(peering("[reference(resourceId('Microsoft.Network/virtualNetworks', 'x')).id]"));
        assertTrue(remote(r) instanceof JUnknown u && u.reason().startsWith("reference() reads a deployed resource"),
                String.valueOf(remote(r)));
    }
}
