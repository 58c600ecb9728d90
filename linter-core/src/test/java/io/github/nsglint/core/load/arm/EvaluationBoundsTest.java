package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.testing.HangGuard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bombs a hostile template can hold are answered by a located warning (or, past Azure's template size, an
 * error) and an Unknown value, and the rest of the template still evaluates. Each test asserts the answer, never
 * the time; {@link HangGuard} only turns a regression into a failure instead of a stuck build.
 */
@HangGuard
class EvaluationBoundsTest {

    private static final String NSG = "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\":"
            + " \"2023-09-01\", \"name\": %s, \"location\": \"uksouth\", \"properties\": {\"securityRules\": []}}";

    private static ExpansionResult expand(String template) {
        JObject root = (JObject) new JsonReader().parse(template, "t.json");
        return new TemplateExpander(t -> t.startsWith("microsoft.network/")).expand("t.json", root, Map.of());
    }

    private static String template(String variables, String functions, String... resources) {
        return "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"variables\": {" + variables + "}, \"functions\": [" + functions
                + "], \"resources\": [" + String.join(",", resources) + "]}";
    }

    private static String names(ExpansionResult r) {
        return r.resources().stream().map(i -> i.name() instanceof JString s ? s.value()
                : "unknown").toList().toString();
    }

    private static List<String> warnings(ExpansionResult r) {
        return r.diagnostics().stream().map(LoadDiagnostic::display).toList();
    }

    @Test
    void aStringDoubledFortyTimesStopsAtAzuresTemplateSize() {
        StringBuilder v = new StringBuilder("\"v0\": \"ab\"");
        for (int i = 1; i <= 40; i++) {
            v.append(", \"v").append(i).append("\": \"[concat(variables('v").append(i - 1).append("'), variables('v")
                    .append(i - 1).append("'))]\"");
        }
        ExpansionResult r = expand(template(v.toString(), "", NSG.formatted("\"[variables('v40')]\""),
                NSG.formatted("\"still-here\"")));
        assertEquals("[unknown, still-here]", names(r));
        assertEquals(1, r.diagnostics().size(), warnings(r).toString());
        assertTrue(warnings(r).get(0).matches("t\\.json:1:\\d+: warning: cannot evaluate: the string concat\\(\\)"
                + " makes would be 4,194,306 bytes or more, larger than the 4,194,304 bytes Azure accepts for a"
                + " whole template"), warnings(r).get(0));
        // The warning points at v21's expression: 2 characters doubled 21 times is the first past 4 MB.
        assertTrue(warnings(r).get(0).contains(":" + (template(v.toString(), "").indexOf("\"[concat(variables('v20')")
                + 1) + ": "), warnings(r).get(0));
    }

    @Test
    void padLeftToABillionIsRefusedBeforeItIsBuilt() {
        ExpansionResult r = expand(template("", "", NSG.formatted("\"[padLeft('x', 1000000000, 'a')]\""),
                NSG.formatted("\"[padLeft('x', 3, '0')]\"")));
        assertEquals("[unknown, 00x]", names(r));
        assertTrue(warnings(r).get(0).endsWith("warning: cannot evaluate: the string padleft() makes would be"
                + " 1,000,000,002 bytes or more, larger than the 4,194,304 bytes Azure accepts for a whole template"),
                warnings(r).toString());
    }

    @Test
    void growingFunctionsAreCheckedBeforeTheyGrow() {
        Eval e = Eval.empty();
        assertEquals("unknown: cannot evaluate: the alignment of '{0,2000000000}' would be 2,000,000,000 bytes or"
                + " more, larger than the 4,194,304 bytes Azure accepts for a whole template",
                e.of("[format('{0,2000000000}', 1)]"));
        assertTrue(e.of("[format('{0:D999999999}', 1)]").startsWith("unknown: cannot evaluate: the width of format"),
                e.of("[format('{0:D999999999}', 1)]"));
        assertTrue(e.of("[replace(padLeft('', 1000000, 'a'), 'a', padLeft('', 100, 'b'))]")
                .startsWith("unknown: cannot evaluate: the string replace() makes would be 100,000,002 bytes"));
        assertTrue(e.of("[join(range(0, 10000), padLeft('', 1000, '-'))]")
                .startsWith("unknown: cannot evaluate: the string join() makes would be"));
        assertEquals("\"aXbXc\"", e.of("[replace('a-b-c', '-', 'X')]"));
    }

    @Test
    void aUserFunctionThatDoublesFortyDeepEndsInAnUnknown() {
        StringBuilder f = new StringBuilder("{\"namespace\": \"u\", \"members\": {\"d0\": {\"parameters\": [{\"name\":"
                + " \"s\", \"type\": \"string\"}], \"output\": {\"type\": \"string\", \"value\":"
                + " \"[concat(parameters('s'), parameters('s'))]\"}}");
        for (int i = 1; i <= 40; i++) {
            f.append(", \"d").append(i).append("\": {\"parameters\": [{\"name\": \"s\", \"type\": \"string\"}],"
                    + " \"output\": {\"type\": \"string\", \"value\": \"[u.d").append(i - 1).append("(u.d")
                    .append(i - 1).append("(parameters('s')))]\"}}");
        }
        f.append("}}");
        ExpansionResult r = expand(template("", f.toString(), NSG.formatted("\"[u.d40('a')]\""),
                NSG.formatted("\"[u.d2('a')]\"")));
        List<String> names = r.resources().stream().map(i -> i.name() instanceof JString s ? s.value() : "?").toList();
        assertInstanceOf(JUnknown.class, r.resources().get(0).name());
        // The budget is the file's: once spent, later expressions are Unknown too, reported once.
        assertEquals(2, names.size());
        assertTrue(warnings(r).stream().anyMatch(w -> w.contains("cannot evaluate:")), warnings(r).toString());
        assertTrue(r.work() <= EvaluationBudget.MAX_WORK + EvaluationBudget.MAX_VALUE_SIZE, "work " + r.work());
    }

    @Test
    void copyLoopsInsideCopyLoopsAreBoundedByWhatTheyMake() {
        String rule = "{\"name\": \"[concat('r', copyIndex('securityRules'))]\", \"properties\": {\"priority\":"
                + " \"[add(100, copyIndex('securityRules'))]\", \"direction\": \"Inbound\", \"access\": \"Allow\","
                + " \"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\","
                + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\"}}";
        String nsg = "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\","
                + " \"name\": \"[concat('n', copyIndex())]\", \"location\": \"uksouth\", \"copy\": {\"name\": \"c\","
                + " \"count\": 800}, \"properties\": {\"copy\": [{\"name\": \"securityRules\", \"count\": 800,"
                + " \"input\": " + rule + "}]}}";
        ExpansionResult r = expand(template("", "", nsg));
        assertEquals(List.of(), r.resources(), "Azure rejects the template, so it deploys nothing");
        assertEquals(1, r.diagnostics().size(), warnings(r).toString());
        assertTrue(warnings(r).get(0).matches("t\\.json:1:\\d+: error: the resources this template deploys reach"
                + " 4,194,305 bytes here, past the 4,194,304 bytes Azure accepts for a template after its copy loops"
                + " are expanded: Azure rejects the deployment, so nsglint judges none of its resources"),
                warnings(r).get(0));
    }

    @Test
    void aPropertyLoopInsideAPropertyLoopStopsAtTheValueSize() {
        String inner = "{\"name\": \"inner\", \"count\": 800, \"input\": \"[padLeft('', 100, 'x')]\"}";
        String nsg = "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\","
                + " \"name\": \"n\", \"location\": \"uksouth\", \"properties\": {\"copy\": [{\"name\": \"outer\","
                + " \"count\": 800, \"input\": {\"copy\": [" + inner + "]}}]}}";
        ExpansionResult r = expand(template("", "", nsg, NSG.formatted("\"next\"")));
        assertEquals(2, r.resources().size());
        assertTrue(warnings(r).stream().anyMatch(w -> w.contains("warning: cannot evaluate: copy loop 'outer' would"
                + " be")), warnings(r).toString());
    }

    @Test
    void theWorkBoundIsReportedOnceAndEverythingAfterIsUnknown() {
        EvaluationBudget budget = new EvaluationBudget(1000);
        budget.spend(999);
        ArmEvaluationException first = org.junit.jupiter.api.Assertions.assertThrows(ArmEvaluationException.class,
                () -> budget.spend(2));
        assertTrue(!first.reported() && budget.isSpent());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(ArmEvaluationException.class,
                () -> budget.spend(0)).reported());
    }
}
