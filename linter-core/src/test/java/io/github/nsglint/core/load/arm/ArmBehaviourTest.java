package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What ARM gives for the functions and constructs Bicep emits that nsglint got wrong (issue 18): like, distinct,
 * groupBy with a value selector, deployer, a module passing null to a parameter with a default, a nullable
 * parameter declared through a type definition, property names that are expressions, and {@code [[} in an
 * inner-scope deployment inside an outer-scope one.
 */
class ArmBehaviourTest {

    private static final Eval EVAL = new Eval("""
            {
              "definitions": {"maybe": {"type": "string", "nullable": true},
                              "alias": {"$ref": "#/definitions/maybe"}},
              "parameters": {
                "optional": {"$ref": "#/definitions/maybe"},
                "viaAlias": {"$ref": "#/definitions/alias"}
              },
              "variables": {
                "suffix": "web",
                "tags": {"[format('role-{0}', variables('suffix'))]": "front", "[[literal]": "kept", "plain": 1}
              }
            }""");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // like: '*' is any run of characters
            "[like('abc', 'abc')]                  | true",
            "[like('abcdef', 'a*c*')]              | true",
            "[like('abcabc', '*abc')]              | true",
            "[like('aXaYa', 'a*a')]                | true",
            "[like('', '***')]                     | true",
            "[like('a', 'b')]                      | false",
            "[like('abc**def', '*def')]            | true",
            "[like('aXbYa', 'a*b*a')]              | true",
            "[like('a?c', 'a?c')]                  | true",
            // distinct keeps the first of equal values, deep equality
            "[distinct(createArray('a', 'b', 'a', 'c', 'b'))]   | [\"a\",\"b\",\"c\"]",
            "[distinct(createArray(1, 2, 3, 1, 2, 4))]           | [1,2,3,4]",
            "[distinct(createArray(createObject('a', 1), createObject('a', 1), createObject('b', 2)))] | [{\"a\":1},{\"b\":2}]",
            // groupBy with a value selector maps each element into its group
            "[groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)), lambda('x', toUpper(lambdaVariables('x'))))] | {\"f\":[\"FOO\"],\"b\":[\"BAR\",\"BAZ\"]}",
            "[groupBy(createArray('foo', 'bar'), lambda('x', substring(lambdaVariables('x'), 0, 1)))] | {\"f\":[\"foo\"],\"b\":[\"bar\"]}",
            // nullable through a type definition, directly or through another
            "[parameters('optional')]              | null",
            "[parameters('viaAlias')]              | null",
            // a property name that is an expression is evaluated; [[ escapes it
            "[variables('tags')]                   | {\"role-web\":\"front\",\"[literal]\":\"kept\",\"plain\":1}",
    })
    void givesWhatArmGives(String expression, String expected) {
        assertEquals(expected, EVAL.of(expression), expression);
    }

    @Test
    void likeIsUnknownWhereTheReadingsOfCaseOrQuestionMarkDisagree() {
        assertTrue(EVAL.of("[like('ABC', 'abc')]").startsWith("unknown: like('ABC', 'abc') depends on whether case"
                + " counts"), EVAL.of("[like('ABC', 'abc')]"));
        assertTrue(EVAL.of("[like('abc', 'a?c')]").startsWith("unknown:"), EVAL.of("[like('abc', 'a?c')]"));
    }

    @Test
    void deployerIsKnownOnlyAtDeploymentWithoutAnUnsupportedWarning() {
        Eval e = Eval.empty();
        assertEquals("unknown: deployer() describes who runs the deployment (its object and tenant IDs), known only"
                + " at deployment", e.of("[deployer().objectId]"));
        assertTrue(e.diagnostics.all().stream().noneMatch(d -> d.message().contains("unsupported")
                || d.message().contains("unknown function")), e.diagnostics.all().toString());
    }

    private static ExpansionResult expand(String template) {
        JObject root = (JObject) new JsonReader().parse(template, "t.json");
        return new TemplateExpander(t -> t.startsWith("microsoft.network/")).expand("t.json", root, Map.of());
    }

    private static List<String> names(ExpansionResult r) {
        return r.resources().stream().map(i -> i.name() instanceof JString s ? s.value() : "unknown").toList();
    }

    private static final String SCHEMA = "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\"";

    @Test
    void aModulePassingNullToAParameterWithADefaultGetsTheDefault() {
        ExpansionResult r = expand("{" + SCHEMA + ", \"resources\": [{\"type\": \"Microsoft.Resources/deployments\","
                + " \"apiVersion\": \"2022-09-01\", \"name\": \"mod\", \"properties\": {\"mode\": \"Incremental\","
                + " \"expressionEvaluationOptions\": {\"scope\": \"inner\"}, \"parameters\": {\"nsgName\": {\"value\":"
                + " null}}, \"template\": {" + SCHEMA + ", \"parameters\": {\"nsgName\": {\"type\": \"string\","
                + " \"defaultValue\": \"from-default\"}}, \"resources\": [{\"type\":"
                + " \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\":"
                + " \"[parameters('nsgName')]\", \"location\": \"uksouth\", \"properties\": {}}]}}}]}");
        assertEquals(List.of("from-default"), names(r));
        assertEquals(List.of(), r.diagnostics().stream().map(LoadDiagnostic::display).toList());
    }

    @Test
    void anEscapedExpressionInAnInnerDeploymentInsideAnOuterOneIsEvaluatedByTheInner() {
        String inner = "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"in\","
                + " \"properties\": {\"mode\": \"Incremental\", \"expressionEvaluationOptions\": {\"scope\": \"inner\"},"
                + " \"parameters\": {\"p\": {\"value\": \"[variables('v')]\"}}, \"template\": {" + SCHEMA
                + ", \"parameters\": {\"p\": {\"type\": \"string\"}}, \"resources\": [{\"type\":"
                + " \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\":"
                + " \"[[concat(parameters('p'), '-nsg')]\", \"location\": \"uksouth\", \"properties\": {}}]}}}";
        String outer = "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"out\","
                + " \"properties\": {\"mode\": \"Incremental\", \"template\": {" + SCHEMA + ", \"resources\": [" + inner
                + "]}}}";
        ExpansionResult r = expand("{" + SCHEMA + ", \"variables\": {\"v\": \"hub\"}, \"resources\": [" + outer + "]}");
        assertEquals(List.of("hub-nsg"), names(r));
        // At the top level (no outer pass), an inner deployment's [[ stays a literal bracket.
        ExpansionResult top = expand("{" + SCHEMA + ", \"variables\": {\"v\": \"hub\"}, \"resources\": [" + inner + "]}");
        assertEquals(List.of("[concat(parameters('p'), '-nsg')]"), names(top));
    }
}
