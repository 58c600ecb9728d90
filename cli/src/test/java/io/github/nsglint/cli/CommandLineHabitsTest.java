package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users of Checkov, Trivy and PSRule bring to a command line, one test each. */
class CommandLineHabitsTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final String MISTAKE = ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake").toString();
    /** A hang guard, far above a run's seconds: not a performance assertion. */
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void outputIsReadableWhereTheLocaleCannotEncodeTheArrow() throws Exception {
        StringWriter ascii = new StringWriter();
        try (var w = StreamCharset.readable(ascii, StandardCharsets.US_ASCII)) {
            w.write("Tcp 10.0.0.4:49152 → 10.1.1.4:22 · done…");
        }
        assertEquals("Tcp 10.0.0.4:49152 -> 10.1.1.4:22 - done...", ascii.toString());
        StringWriter utf8 = new StringWriter();
        assertEquals(utf8, StreamCharset.readable(utf8, StandardCharsets.UTF_8), "UTF-8 keeps every character");

        // The real thing: a JVM in the POSIX locale, whose standard output is ASCII.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NsgLintCli.class.getName(), "lint", MISTAKE));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LC_ALL", "C");
        Path out = dir.resolve("out.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "hang guard");
        String text = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("Tcp 10.2.0.4:49152 -> 10.3.1.4:22 is allowed"), text);
        assertFalse(text.contains("?"), "no character lost to '?': " + text);
    }

    @Test
    void aBicepOrTerraformFileNamedOnTheCommandLineGetsOneClearLine() throws Exception {
        Path bicep = Files.writeString(dir.resolve("main.bicep"), "param location string = 'westeurope'\n");
        Path params = Files.writeString(dir.resolve("main.bicepparam"), "using './main.bicep'\n");
        Path tf = Files.writeString(dir.resolve("main.tf"), "resource \"azurerm_network_security_group\" \"x\" {}\n");
        CliRun r = CliRun.of("lint", bicep.toString(), params.toString(), tf.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        String all = r.out() + r.err();
        assertTrue(all.contains("main.bicep:1:1: error: nsglint reads ARM JSON, not Bicep source (yet): compile it with"
                + " 'az bicep build --file main.bicep'"), all);
        assertTrue(all.contains("main.bicepparam:1:1: error: nsglint reads ARM JSON, not Bicep parameters files"), all);
        assertTrue(all.contains("main.tf:1:1: error: nsglint reads Azure Resource Manager JSON"), all);
        assertFalse(all.contains("Unrecognized token"), "never a raw parser error: " + all);
    }

    @Test
    void ruleAndSkipRuleChooseWhatIsReportedAndCheckovsSpellingsWork() {
        String fixture = ROOT.resolve("fixtures/NSG001/fail-ssh-anywhere.json").toString();
        CliRun all = CliRun.of("lint", fixture);
        assertTrue(all.out().contains("error NSG004") && all.out().contains("error SPK002"), all.out());
        CliRun only = CliRun.of("lint", "--rule", "NSG001", fixture);
        assertEquals(ExitCode.FINDINGS.code(), only.code());
        assertTrue(only.out().contains("error NSG001") && !only.out().contains("NSG004")
                && !only.out().contains("SPK002"), only.out());
        assertTrue(only.out().contains("in 1 file, 1 rules"), only.out());
        CliRun skipped = CliRun.of("lint", "--skip-rule", "NSG001", "--skip-check", "NSG004", "--skip-check", "SPK002",
                fixture);
        assertEquals(ExitCode.OK.code(), skipped.code(), skipped.out());
        assertTrue(skipped.out().contains("0 findings") && skipped.out().contains("33 rules"), skipped.out());
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "--check", "SPK002", fixture).code());
        CliRun unknown = CliRun.of("lint", "--rule", "NSG999", fixture);
        assertEquals(ExitCode.BAD_INPUT.code(), unknown.code());
        assertTrue(unknown.err().contains("nsglint: no rule 'NSG999' in this run; see 'nsglint rules'"), unknown.err());
    }

    @Test
    void quietLeavesOutTheNotesAboutInputs() {
        String hubSpoke = ROOT.resolve("fixtures/hub-spoke-bastion").toString();
        CliRun loud = CliRun.of("lint", hubSpoke);
        assertTrue(loud.err().contains("note: parameters file of azuredeploy.json: applied to it"), loud.err());
        CliRun quiet = CliRun.of("lint", "--quiet", hubSpoke);
        assertEquals(loud.code(), quiet.code());
        assertFalse(quiet.err().contains("note:"), quiet.err());
        assertEquals(loud.out(), quiet.out(), "the findings and the summary stay");
        CliRun broken = CliRun.of("lint", "-q", ROOT.resolve("fixtures/NSG001/fail-ssh-anywhere.json").toString(),
                dir.resolve("missing.json").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), broken.code(), "errors stay: " + broken.out() + broken.err());
    }

    @Test
    void noColorIsAnOptionAndTheTextHasNoEscapes() {
        CliRun r = CliRun.of("lint", "--no-color", MISTAKE);
        assertEquals(ExitCode.FINDINGS.code(), r.code());
        assertFalse(r.out().contains("\u001b"), r.out());
    }

    @Test
    void aFormatNameGivenAsTheOutputFileIsCaughtNotWritten() {
        CliRun r = CliRun.of("lint", "-o", "sarif", MISTAKE);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertEquals("nsglint: '-o sarif' names the file to write, not a format; did you mean '-f sarif -o FILE'?",
                r.err().strip());
        assertFalse(Files.exists(Path.of("sarif")), "no file named sarif");
    }

    @Test
    void anUnknownOptionIsOneLineWithASuggestionAndWhereTheHelpIs() {
        CliRun r = CliRun.of("lint", "--fail-no", "error", MISTAKE);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertEquals(List.of("nsglint: Unknown option: '--fail-no' (did you mean '--fail-on'?); see 'nsglint lint"
                + " --help'"), r.err().strip().lines().toList());
        assertEquals("", r.out());
        CliRun command = CliRun.of("lnt", MISTAKE);
        assertEquals(1, command.err().strip().lines().count(), command.err());
        assertTrue(command.err().contains("(did you mean 'lint'?); see 'nsglint --help'"), command.err());
    }

    @Test
    void withABaselineTheSummaryCountsWhatFailsTheGate() {
        Path base = dir.resolve("base.sarif");
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "-f", "sarif", "-o", base.toString(), MISTAKE).code());
        CliRun again = CliRun.of("lint", "--baseline", base.toString(), MISTAKE);
        assertEquals(ExitCode.OK.code(), again.code(), again.out() + again.err());
        assertTrue(again.out().contains("nsglint: 1 finding (new: 0 errors, 0 warnings; 0 indeterminate, 1 in the"
                + " baseline) in 1 file"), again.out());
        CliRun without = CliRun.of("lint", MISTAKE);
        assertTrue(without.out().contains("nsglint: 1 finding (1 error, 0 warnings; 0 indeterminate) in 1 file"),
                without.out());
    }

    @Test
    void githubAnnotationsKeepToGithubsLimitsMostSevereFirstAndCountTheRest() {
        Path sarif = dir.resolve("all.sarif");
        CliRun r = CliRun.of("lint", "-f", "github", "--report", "sarif=" + sarif, ROOT.resolve("fixtures").toString());
        List<String> lines = r.out().lines().toList();
        long errors = lines.stream().filter(l -> l.startsWith("::error ")).count();
        long warnings = lines.stream().filter(l -> l.startsWith("::warning ")).count();
        long notices = lines.stream().filter(l -> l.startsWith("::notice ")).count();
        long logged = lines.stream().filter(l -> l.startsWith("nsglint: ")).count();
        assertEquals(10, errors, "the fixtures have far more than ten errors");
        assertTrue(warnings <= 10 && notices <= 10, warnings + " warnings, " + notices + " notices");
        assertTrue(logged > 0, "the rest are log lines");
        int lastError = -1;
        int firstWarning = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("::error ") || l.startsWith("nsglint: ") && l.contains(": error ")) {
                lastError = i;
            }
            if (l.startsWith("::warning ")) {
                firstWarning = Math.min(firstWarning, i);
            }
        }
        assertTrue(lastError < firstWarning, "every error before any warning");
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("::notice title=nsglint%3A " + logged + " more not annotated::"), last);
        assertTrue(last.contains(sarif.toString()), "names the SARIF: " + last);
        assertFalse(lines.stream().anyMatch(l -> !l.startsWith("::") && !l.startsWith("nsglint: ")),
                "every line is an annotation or a log line that starts with nsglint");
    }

    @Test
    void aDashReadsOneTemplateFromStandardInput() throws Exception {
        byte[] template = Files.readAllBytes(ROOT.resolve("fixtures/NSG001/fail-ssh-anywhere.json"));
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(template));
            CliRun r = CliRun.of("lint", "-");
            assertEquals(ExitCode.FINDINGS.code(), r.code(), r.out() + r.err());
            assertTrue(r.out().contains("stdin.json:144:11: error NSG001"), r.out());
            assertTrue(r.out().contains("in 1 file"), r.out());
            System.setIn(new java.io.ByteArrayInputStream("{ \"not\": ".getBytes(StandardCharsets.UTF_8)));
            CliRun broken = CliRun.of("lint", "-");
            assertEquals(ExitCode.BAD_INPUT.code(), broken.code());
            assertTrue(broken.out().contains("stdin.json:1:") || broken.err().contains("stdin.json:1:"),
                    "located like a file: " + broken.out() + broken.err());
        } finally {
            System.setIn(saved);
        }
    }
}
