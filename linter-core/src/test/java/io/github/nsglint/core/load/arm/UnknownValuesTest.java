package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What cannot be known before deployment stays Unknown, with its reason and where it comes from. */
class UnknownValuesTest {

    private static final String TEMPLATE = """
            {
              "parameters": {
                "sourcePrefix": {"type": "string"},
                "secret": {"type": "securestring"},
                "optional": {"type": "array", "nullable": true},
                "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}
              },
              "variables": {
                "ref": "[reference('pip').ipAddress]",
                "self": "[variables('self')]"
              }
            }""";

    private final Eval eval = new Eval(TEMPLATE);

    @Test
    void requiredStringWithoutValueIsASymbolThatPointsAtItsDeclaration() {
        JNode v = eval.node("[parameters('sourcePrefix')]");
        JString s = assertInstanceOf(JString.class, v);
        assertEquals(OpaqueSymbols.of("sourcePrefix"), s.value(), "followed as a name, never read as a value");
        assertEquals(3, s.location().line());
        assertEquals("/parameters/sourcePrefix", s.location().jsonPointer());
        assertTrue(eval.of("[split(parameters('sourcePrefix'), '/')]")
                .startsWith("unknown: parameter 'sourcePrefix' has no value"));
    }

    @Test
    void suppliedValueReplacesTheUnknown() {
        Eval withValue = new Eval(TEMPLATE, Map.of("sourcePrefix", "\"10.0.0.0/8\""));
        assertEquals("\"10.0.0.0/8\"", withValue.of("[parameters('sourcePrefix')]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[reference('pip').ipAddress]",
            "[listKeys('sa', '2021-01-01').keys[0].value]",
            "[split(concat('10.0.', parameters('sourcePrefix')), '.')]",
            "[format('{0}/24', variables('ref'))]",
            "[toLower(parameters('secret'))]",
            "[parameters('location')]",
            "[newGuid()]",
            "[utcNow()]",
            "[deployment().name]",
            "[environment().name]",
            "[if(equals(parameters('sourcePrefix'), '*'), 'open', 'closed')]",
            "[equals(parameters('sourcePrefix'), 'Internet')]",
            "[and(true(), empty(parameters('sourcePrefix')))]",
            "[union(createArray('a'), variables('ref'))]",
            "[filter(parameters('secret'), lambda('x', true()))]",
            "[string(createArray(1, reference('x').y))]",
            "[contains(createArray('a', reference('x').y), 'b')]",
    })
    void unknownPropagates(String expression) {
        assertTrue(eval.of(expression).startsWith("unknown: "), expression + " -> " + eval.of(expression));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[length(createArray(1, reference('x').y))]",
            "[and(false(), parameters('sourcePrefix'))]",
            "[or(true(), parameters('sourcePrefix'))]",
            "[if(equals(parameters('sourcePrefix'), '*'), 'same', 'same')]",
            "[contains(createArray('a', reference('x').y), 'a')]",
            "[length(parameters('optional'))]",
    })
    void knownDespiteAnUnknownPart(String expression) {
        assertTrue(!eval.of(expression).startsWith("unknown"), expression + " -> " + eval.of(expression));
    }

    @Test
    void unknownInsideAnArrayStaysInItsElement() {
        JArray a = assertInstanceOf(JArray.class, eval.node("[createArray('10.0.0.0/8', reference('x').y)]"));
        assertEquals("\"10.0.0.0/8\"", Eval.text(a.get(0)));
        assertInstanceOf(JUnknown.class, a.get(1));
    }

    @Test
    void nullableParameterWithoutValueIsNull() {
        assertEquals("null", eval.of("[parameters('optional')]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[nosuchfunction(1)]",
            "[concat('a']",
            "[parameters('undeclared')]",
            "[variables('self')]",
            "[createArray(1)[5]]",
            "[createObject('a', 1).b]",
            "[add('x', 1)]",
            "[copyIndex()]",
            "[lambdaVariables('x')]",
            "[int('ten')]",
    })
    void evaluationErrorsBecomeUnknownWithAWarningAtTheExpression(String expression) {
        String result = eval.of(expression);
        assertTrue(result.startsWith("unknown: cannot evaluate"), expression + " -> " + result);
        assertTrue(eval.diagnostics.all().stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.WARNING),
                eval.diagnostics.all().toString());
    }

    @Test
    void hostileNestingIsRefusedNotOverflowed() {
        String deep = "[" + "concat(".repeat(5_000) + "'x'" + ")".repeat(5_000) + "]";
        String result = eval.of(deep);
        assertTrue(result.contains("nested deeper than 256 levels"), result);
        assertEquals("\"x\"", eval.of("[" + "concat(".repeat(200) + "'x'" + ")".repeat(200) + "]"));
    }

    @Test
    void syntaxErrorNamesThePosition() {
        assertEquals("unknown: cannot evaluate: syntax error in expression at character 12: expected ')' but the"
                + " expression ends", eval.of("[concat('a']"));
        // Without the closing bracket it is no expression at all, as in ARM: a literal string.
        assertEquals("\"[concat('a'\"", eval.of("[concat('a'"));
    }
}
