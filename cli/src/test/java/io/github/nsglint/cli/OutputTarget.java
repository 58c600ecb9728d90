package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names from a template put into every output format, through the command line as a CI job runs it: standard
 * output and standard error must hold no raw control or bidi character and no line GitHub Actions would run as a
 * workflow command; only the github format writes commands, one per line, each well formed.
 */
final class OutputTarget {

    static final List<String> FORMATS = List.of("text", "sarif", "json", "markdown", "junit", "github", "html");
    private static final Pattern COMMAND = Pattern.compile("::(error|warning|notice) [^:]*(::.*)?");

    private OutputTarget() {
    }

    /** A template whose NSG, rule, VNet and subnet names are the given strings, in a file named with {@code file}. */
    static Path template(Path dir, String nsg, String rule, String vnet, String subnet, String file) {
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [
                  {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": %s,
                   "location": "uksouth", "properties": {"securityRules": [{"name": %s, "properties": {
                     "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                     "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "22"}}]}},
                  {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": %s,
                   "location": "uksouth", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                   "subnets": [{"name": %s, "properties": {"addressPrefix": "10.0.1.0/24",
                     "networkSecurityGroup": {"id": %s}}}]}}
                 ]}""".formatted(json(nsg), json(rule), json(vnet), json(subnet),
                json("[resourceId('Microsoft.Network/networkSecurityGroups', '" + nsg.replace("'", "''") + "')]"));
        // A file name holds anything but '/' and NUL.
        String name = file.replace('/', '_').replace('\0', '_');
        name = name.isEmpty() || name.equals(".") || name.equals("..") ? "t" : name;
        try {
            Path f = dir.resolve(name.length() > 100 ? name.substring(0, 100) : name);
            Files.writeString(dir.resolve("t.json"), template, StandardCharsets.UTF_8);
            return Files.move(dir.resolve("t.json"), dir.resolve(f.getFileName() + ".json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            try {
                return Files.writeString(dir.resolve("t.json"), template, StandardCharsets.UTF_8);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    /** Lints the template in every format; checks each output and the diagnostics. */
    static void lintInEveryFormat(Path template) {
        for (String format : FORMATS) {
            CliRun r = CliRun.of("lint", "-f", format, "--fail-on", "never", template.toString());
            assertTrue(r.code() == 0 || r.code() == 2, format + ": exit " + r.code() + "\n" + r.err());
            assertClean(format.equals("github") ? "" : r.out(), format + " output");
            assertClean(r.err(), format + " diagnostics");
            if (format.equals("github")) {
                for (String line : r.out().split("\n", -1)) {
                    assertTrue(line.isEmpty() || COMMAND.matcher(line).matches(), "not one command: " + line);
                    assertEquals(-1, indexOfUnsafe(line), "github: " + line);
                }
            }
        }
    }

    /** No raw unsafe character (line breaks and tabs aside) and no line that Actions reads as a command. */
    static void assertClean(String output, String what) {
        int bad = indexOfUnsafe(output.replace("\r\n", "\n").replace('\n', ' ').replace('\t', ' '));
        assertEquals(-1, bad, () -> what + ": raw U+" + Integer.toHexString(output.replace("\r\n", "\n")
                .replace('\n', ' ').replace('\t', ' ').charAt(bad)) + " in " + output);
        for (String line : output.split("\r?\n|\r", -1)) {
            assertFalse(line.strip().startsWith("::"), what + ": a workflow command: " + line);
        }
    }

    private static int indexOfUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (SafeText.isUnsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
