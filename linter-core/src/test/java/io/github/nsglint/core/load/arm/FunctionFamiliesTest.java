package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One table per template function family: expression, then its value as compact JSON. */
class FunctionFamiliesTest {

    private static final Eval EVAL = new Eval("""
            {
              "parameters": {
                "prefix": {"type": "string", "defaultValue": "hub"},
                "count": {"type": "int", "defaultValue": 3},
                "ports": {"type": "array", "defaultValue": [22, 3389]}
              },
              "variables": {
                "vnetName": "[concat(parameters('prefix'), '-vnet')]",
                "rules": [{"name": "ssh", "port": 22}, {"name": "rdp", "port": 3389}],
                "copy": [{"name": "subnets", "count": 2, "input": "[concat('snet-', string(copyIndex('subnets')))]"}]
              },
              "functions": [{"namespace": "nsg", "members": {"ruleName": {
                  "parameters": [{"name": "port", "type": "int"}],
                  "output": {"type": "string", "value": "[format('allow-{0}', parameters('port'))]"}}}}]
            }""");

    private static void check(String expression, String expected) {
        assertEquals(expected, EVAL.of(expression), expression);
    }

    @Nested
    class Strings {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[concat('a', 'b', 1)]                          | \"ab1\"",
                "[format('{0}-{1:D3}', 'nsg', 7)]               | \"nsg-007\"",
                "[format('{{literal}} {0}', 'x')]               | \"{literal} x\"",
                "[toLower('TCP')]                               | \"tcp\"",
                "[toUpper('tcp')]                               | \"TCP\"",
                "[replace('10.0.0.0/16', '/16', '/24')]         | \"10.0.0.0/24\"",
                "[split('a,b;c', createArray(',', ';'))]        | [\"a\",\"b\",\"c\"]",
                "[substring('AzureBastionSubnet', 5, 7)]        | \"Bastion\"",
                "[startsWith('AzureBastionSubnet', 'azure')]    | true",
                "[endsWith('x.json', '.JSON')]                  | true",
                "[indexOf('GatewayManager', 'manager')]         | 7",
                "[lastIndexOf('a-b-c', '-')]                    | 3",
                "[padLeft('7', 3, '0')]                         | \"007\"",
                "[trim('  x ')]                                 | \"x\"",
                "[string(createObject('a', 1))]                 | \"{\\\"a\\\":1}\"",
                "[string(true())]                               | \"True\"",
                "[json('{\"p\": [1, 2]}').p[1]]                 | 2",
                "[base64ToString(base64('nsg'))]                | \"nsg\"",
                "[uriComponentToString(uriComponent('a b/c'))]  | \"a b/c\"",
                "[uri('https://x.example/a/b.json', 'c.json')]  | \"https://x.example/a/c.json\"",
                "[length(uniqueString('rg', 'x'))]              | 13",
                "[equals(uniqueString('a'), uniqueString('a'))] | true",
                "[equals(guid('a', 'b'), guid('a', 'b'))]       | true",
                "[dataUriToString(dataUri('hi'))]               | \"hi\"",
                "[[not an expression]                           | \"[not an expression]\"",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }
    }

    @Nested
    class Collections {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[createArray(1, 'a')]                                        | [1,\"a\"]",
                "[concat(createArray(1), createArray(2, 3))]                   | [1,2,3]",
                "[length(variables('rules'))]                                  | 2",
                "[variables('rules')[1].name]                                  | \"rdp\"",
                "[variables('rules')[0]['port']]                               | 22",
                "[contains(parameters('ports'), 3389)]                         | true",
                "[contains('Internet', 'net')]                                 | true",
                "[contains(createObject('Tcp', 1), 'tcp')]                     | true",
                "[empty(createArray())]                                        | true",
                "[first(parameters('ports'))]                                  | 22",
                "[last('abc')]                                                 | \"c\"",
                "[skip(createArray(1, 2, 3), 1)]                               | [2,3]",
                "[take('abcdef', 3)]                                           | \"abc\"",
                "[range(5, 3)]                                                 | [5,6,7]",
                "[union(createArray(1, 2), createArray(2, 3))]                 | [1,2,3]",
                "[union(createObject('a', 1), createObject('b', 2))]           | {\"a\":1,\"b\":2}",
                "[intersection(createArray(1, 2, 3), createArray(3, 2, 9))]    | [2,3]",
                "[items(createObject('b', 2, 'a', 1))[0].key]                  | \"a\"",
                "[objectKeys(createObject('x', 1, 'y', 2))]                    | [\"x\",\"y\"]",
                "[flatten(createArray(createArray(1), createArray(2, 3)))]     | [1,2,3]",
                "[join(createArray('a', 'b'), '/')]                            | \"a/b\"",
                "[max(parameters('ports'))]                                    | 3389",
                "[min(4, 2, 8)]                                                | 2",
                "[tryGet(createObject('a', 1), 'b')]                           | null",
                "[indexFromEnd(createArray(1, 2, 3), 1)]                       | 3",
                "[shallowMerge(createArray(createObject('a', 1), createObject('a', 2)))] | {\"a\":2}",
                "[variables('subnets')]                                        | [\"snet-0\",\"snet-1\"]",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }
    }

    @Nested
    class LogicAndNumbers {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[if(equals(parameters('prefix'), 'hub'), 'yes', 'no')]       | \"yes\"",
                "[and(true(), not(false()))]                                   | true",
                "[or(false(), false())]                                        | false",
                "[coalesce(null(), 'x')]                                       | \"x\"",
                "[greater(3389, 22)]                                           | true",
                "[lessOrEquals('a', 'b')]                                      | true",
                "[greaterOrEquals(2, 2)]                                       | true",
                "[less(parameters('count'), 2)]                                | false",
                "[add(4090, 6)]                                                | 4096",
                "[sub(100, 1)]                                                 | 99",
                "[mul(parameters('count'), 10)]                                | 30",
                "[div(7, 2)]                                                   | 3",
                "[mod(7, 2)]                                                   | 1",
                "[int('443')]                                                  | 443",
                "[bool('True')]                                                | true",
                "[equals(createArray(1, createObject('a', 'b')), createArray(1, createObject('A', 'b')))] | true",
                "[equals('Tcp', 'TCP')]                                        | false",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }
    }

    @Nested
    class DeploymentAndResources {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[variables('vnetName')]                                                   | \"hub-vnet\"",
                "[resourceGroup().name]                                                    | \"{resourceGroupName}\"",
                "[subscription().subscriptionId]                                           | \"{subscriptionId}\"",
                "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg1')]           | \"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/nsg1\"",
                "[resourceId('other-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub', 'AzureBastionSubnet')] | \"/subscriptions/{subscriptionId}/resourceGroups/other-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet\"",
                "[resourceId('sub1', 'rg1', 'Microsoft.Network/virtualNetworks', 'spoke')] | \"/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/spoke\"",
                "[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')]      | \"/subscriptions/{subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg\"",
                "[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]         | \"/providers/Microsoft.Management/managementGroups/mg\"",
                "[extensionResourceId('/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/bastionHosts/b', 'Microsoft.Insights/diagnosticSettings', 'd')] | \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/bastionHosts/b/providers/Microsoft.Insights/diagnosticSettings/d\"",
                "[nsg.ruleName(22)]                                                        | \"allow-22\"",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }
    }

    @Nested
    class Lambdas {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[map(parameters('ports'), lambda('p', string(lambdaVariables('p'))))]                  | [\"22\",\"3389\"]",
                "[filter(variables('rules'), lambda('r', greater(lambdaVariables('r').port, 100)))]     | [{\"name\":\"rdp\",\"port\":3389}]",
                "[reduce(parameters('ports'), 0, lambda('acc', 'p', add(lambdaVariables('acc'), lambdaVariables('p'))))] | 3411",
                "[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))] | [1,2,3]",
                "[toObject(variables('rules'), lambda('r', lambdaVariables('r').name), lambda('r', lambdaVariables('r').port))] | {\"ssh\":22,\"rdp\":3389}",
                "[groupBy(createArray('ab', 'ac', 'b'), lambda('s', first(lambdaVariables('s'))))]      | {\"a\":[\"ab\",\"ac\"],\"b\":[\"b\"]}",
                "[mapValues(createObject('a', 1), lambda('v', mul(lambdaVariables('v'), 2)))]          | {\"a\":2}",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }
    }

    @Nested
    class Cidr {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "[parseCidr('10.144.0.0/20')]                        | {\"network\":\"10.144.0.0\",\"netmask\":\"255.255.240.0\",\"broadcast\":\"10.144.15.255\",\"firstUsable\":\"10.144.0.1\",\"lastUsable\":\"10.144.15.254\",\"cidr\":20}",
                "[parseCidr('fdad:3236:5555::/48')]                  | {\"network\":\"fdad:3236:5555::\",\"netmask\":\"ffff:ffff:ffff::\",\"firstUsable\":\"fdad:3236:5555::\",\"lastUsable\":\"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff\",\"cidr\":48}",
                "[cidrSubnet('10.144.0.0/20', 24, 3)]                | \"10.144.3.0/24\"",
                "[cidrSubnet('fdad:3236:5555::/48', 52, 1)]          | \"fdad:3236:5555:1000::/52\"",
                "[cidrHost('10.144.3.0/24', 0)]                      | \"10.144.3.1\"",
                "[cidrHost('fdad:3236:5555:3000::/52', 4)]           | \"fdad:3236:5555:3000::5\"",
                "[cidrSubnet('10.0.0.0/16', 26, 0)]                  | \"10.0.0.0/26\"",
        })
        void evaluate(String expression, String expected) {
            check(expression, expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "[cidrSubnet('10.0.0.0/24', 16, 0)]",
                "[cidrHost('10.0.0.0/30', 2)]",
                "[parseCidr('10.0.0.300/24')]",
                "[parseCidr('10.0.0.0')]",
        })
        void rejectsWhatAzureRejects(String expression) {
            assertTrue(EVAL.of(expression).startsWith("unknown: cannot evaluate"), EVAL.of(expression));
        }
    }
}
