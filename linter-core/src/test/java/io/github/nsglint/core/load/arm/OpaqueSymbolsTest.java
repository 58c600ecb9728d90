package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.json.OpaqueSymbols;
import org.junit.jupiter.api.Test;

/**
 * A required string parameter with no value is an opaque symbol: names and IDs built from it hold it, and anything
 * that would read its text is Unknown with a reason naming the parameter.
 */
class OpaqueSymbolsTest {

    private static final Eval EVAL = new Eval("""
            {"parameters": {"nsgName": {"type": "string"}, "count": {"type": "int"},
              "tag": {"type": "string", "defaultValue": "Web"}}}""");

    private static final String NSG = OpaqueSymbols.of("nsgName");

    @Test
    void namesAndIdsBuiltFromTheParameterHoldItsSymbol() {
        assertEquals("\"" + NSG + "\"", EVAL.of("[parameters('nsgName')]"));
        assertEquals("\"nsg-" + NSG + "-web\"", EVAL.of("[toLower(format('NSG-{0}-{1}', parameters('nsgName'),"
                + " parameters('tag')))]"), "toLower changes the text around the symbol, never the symbol");
        assertEquals("\"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/networkSecurityGroups/" + NSG + "\"",
                EVAL.of("[resourceId('Microsoft.Network/networkSecurityGroups', parameters('nsgName'))]"));
        assertEquals("1", EVAL.of("[length(createArray(parameters('nsgName')))]"),
                "an array holding the symbol can be counted without reading it");
        assertEquals("\"" + NSG + "\"", EVAL.of("[first(createArray(parameters('nsgName'), 'b'))]"));
    }

    @Test
    void readingTheSymbolsTextIsUnknownNamingTheParameter() {
        String reason = "unknown: parameter 'nsgName' has no value: it has no default and none is supplied (give a"
                + " parameters file or --parameters); nsglint follows it as a name only";
        assertEquals(reason, EVAL.of("[equals(parameters('nsgName'), 'x')]"));
        assertEquals(reason, EVAL.of("[substring(parameters('nsgName'), 0, 1)]"));
        assertEquals(reason, EVAL.of("[json(parameters('nsgName'))]"), "json() reads its argument's text");
        assertEquals(reason.replace("unknown: ", "unknown: if() condition is unknown: "),
                EVAL.of("[if(parameters('nsgName'), 'a', 'b')]"), "if() reads its condition");
        assertEquals(reason, EVAL.of("[format(parameters('nsgName'), 'a')]"), "format() reads its format string");
        assertEquals(reason, EVAL.of("[parameters(parameters('nsgName'))]"), "a name to look up is read");
        assertEquals("\"" + NSG + "\"", EVAL.of("[if(true(), parameters('nsgName'), 'b')]"));
        assertEquals(reason, EVAL.of("[length(parameters('nsgName'))]"), "a symbol's length is its value's");
        assertEquals(reason, EVAL.of("[empty(parameters('nsgName'))]"));
        assertEquals(reason, EVAL.of("[contains(createArray('a'), parameters('nsgName'))]"));
        assertEquals(reason, EVAL.of("[cidrSubnet(parameters('nsgName'), 24, 0)]"));
    }

    @Test
    void aRequiredParameterOfAnotherTypeIsStillUnknown() {
        assertTrue(EVAL.of("[parameters('count')]").startsWith("unknown: parameter 'count' has no value"));
    }

    @Test
    void symbolsAreReadableInTheModel() {
        assertEquals("nsg-[parameters('nsgName')]", OpaqueSymbols.readable("nsg-" + NSG));
        assertEquals("plain", OpaqueSymbols.readable("plain"));
    }
}
