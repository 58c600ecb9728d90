package io.github.nsglint.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.nsglint.dist.Processes.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The GitHub Action (action.yml) as far as it can run here: its shell steps against the release archives this
 * build made, served from a folder as the releases page serves them; and the action and the workflow sample name
 * the current major versions of the actions they use.
 */
class ActionTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path DIST = Path.of(System.getProperty("nsglint.dist", "target/dist")).toAbsolutePath();
    private static final String VERSION = System.getProperty("nsglint.version", "0.1.0-SNAPSHOT");
    private static final Path FIXTURE = ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");

    @TempDir
    Path work;


    @Test
    @SuppressWarnings("unchecked")
    void theActionIsCompositeWithItsInputsAndUploadsWithTheCurrentCodeqlAction() throws IOException {
        Map<String, Object> action = yaml(ROOT.resolve("action.yml"));
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        assertTrue(inputs.keySet().containsAll(List.of("paths", "format", "fail-on", "config", "baseline", "version")),
                inputs.keySet().toString());
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        assertTrue(steps.stream().anyMatch(s -> "github/codeql-action/upload-sarif@v4".equals(s.get("uses"))));
        assertTrue(steps.stream().anyMatch(s -> String.valueOf(s.get("run")).contains("action/install.sh")));
        assertTrue(steps.stream().anyMatch(s -> String.valueOf(s.get("run")).contains("action/run.sh")));
    }

    @Test
    void theWorkflowSampleUsesTheActionAndTheCurrentMajorVersions() throws IOException {
        String workflow = Files.readString(ROOT.resolve("docs/github-workflow.yml"));
        yaml(ROOT.resolve("docs/github-workflow.yml"));
        assertTrue(workflow.contains("uses: nsglint/nsglint@v"), workflow);
        assertTrue(workflow.contains("actions/checkout@v6") && workflow.contains("actions/setup-java@v5")
                && workflow.contains("github/codeql-action/upload-sarif@v4"), workflow);
        assertFalse(workflow.matches("(?s).*(checkout@v[1-5]|setup-java@v[1-4]|codeql-action/[a-z-]+@v[1-3])\\b.*"),
                "no deprecated major version");
        yaml(ROOT.resolve("docs/azure-pipelines.yml"));
        yaml(ROOT.resolve(".pre-commit-hooks.yaml"));
    }

    @Test
    void installDownloadsChecksAndPutsTheReleaseOnThePathThenRunAnnotatesWritesSarifAndReportsTheExitCode()
            throws Exception {
        Path releases = releases();
        Path githubPath = work.resolve("github-path");
        Run install = install(releases, "someone/infra", Map.of());
        assertEquals(0, install.code(), install.toString());
        Path bin = Path.of(Files.readString(githubPath).strip());
        assertEquals(work.resolve("runner-temp/nsglint-" + VERSION + "/nsglint-" + VERSION + "/bin"), bin,
                "the runtime archive, on a Linux X64 runner");
        assertTrue(Files.isExecutable(bin.resolve("nsglint")));

        Path output = work.resolve("github-output");
        Path sarif = work.resolve("out/nsglint.sarif");
        Files.createDirectories(sarif.getParent());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("JAVA_HOME");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.putAll(Map.of("NSGLINT_PATHS", FIXTURE.toString(), "NSGLINT_SARIF", sarif.toString(),
                "NSGLINT_FORMAT", "junit", "GITHUB_OUTPUT", output.toString()));
        Path cwd = Files.createDirectories(work.resolve("repo"));
        Run lint = Processes.run(List.of(ROOT.resolve("action/run.sh").toString()), cwd, env);
        assertEquals(0, lint.code(), "the lint step itself never fails: " + lint);
        assertTrue(lint.out().contains("::error file="), lint.out());
        assertTrue(Files.readString(output).contains("exit-code=1\n"), Files.readString(output));
        assertTrue(Files.readString(sarif).contains("\"ruleId\" : \"SPK002\""), "SARIF for code scanning");
        assertTrue(Files.exists(cwd.resolve("nsglint.junit")), "the extra report");

        assertEquals(1, gate("1").code());
        assertEquals(0, gate("0").code());
        Run bad = gate("2");
        assertEquals(2, bad.code());
        assertTrue(bad.out().contains("::error title=nsglint::"), bad.out());
    }

    @Test
    void anArchiveThatDoesNotMatchItsChecksumIsNotInstalled() throws Exception {
        Path releases = releases();
        Path archive = releases.resolve("v" + VERSION + "/nsglint-" + VERSION + "-linux-x64.tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);
        Run install = install(releases, "someone/infra", Map.of());
        assertEquals(2, install.code(), install.toString());
        assertTrue(install.out().contains("does not match its SHA-256 file: not installed"), install.out());
        assertFalse(Files.exists(work.resolve("github-path")) && !Files.readString(work.resolve("github-path")).isBlank(),
                "nothing put on the PATH");
    }

    @Test
    void insideNsglintsOwnRepositoryOrAtABranchTheCheckoutIsUsed() throws Exception {
        Run own = install(work.resolve("no-releases"), "nsglint/nsglint", Map.of());
        assertEquals(0, own.code(), own.toString());
        assertEquals(ROOT.resolve("bin").toString(), Files.readString(work.resolve("github-path")).strip());
        Files.delete(work.resolve("github-path"));
        Run branch = install(work.resolve("no-releases"), "someone/infra", Map.of("NSGLINT_VERSION", "",
                "GITHUB_ACTION_REF", "main"));
        assertEquals(0, branch.code(), branch.toString());
        assertEquals(ROOT.resolve("bin").toString(), Files.readString(work.resolve("github-path")).strip());
        Run badVersion = install(work.resolve("no-releases"), "someone/infra", Map.of("NSGLINT_VERSION",
                "1.0; rm -rf /"));
        assertEquals(2, badVersion.code(), "a version that is no version is refused: " + badVersion);
    }

    /** The build's archives laid out as GitHub's releases page serves them: BASE/vVERSION/FILE. */
    private Path releases() throws IOException {
        Path dir = Files.createDirectories(work.resolve("releases/v" + VERSION));
        try (var files = Files.list(DIST)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.getParent();
    }

    private Run install(Path releases, String repository, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(Map.of("NSGLINT_VERSION", VERSION, "NSGLINT_DOWNLOAD", releases.toUri().toString().replaceAll("/$", ""),
                "NSGLINT_ACTION", ROOT.toString(), "GITHUB_REPOSITORY", repository, "RUNNER_OS", "Linux",
                "RUNNER_ARCH", "X64", "RUNNER_TEMP", Files.createDirectories(work.resolve("runner-temp")).toString(),
                "GITHUB_PATH", work.resolve("github-path").toString()));
        env.putAll(extra);
        return Processes.run(List.of(ROOT.resolve("action/install.sh").toString()), work, env);
    }

    /** The action's last step, as GitHub runs it: its script with the lint step's exit code. */
    @SuppressWarnings("unchecked")
    private Run gate(String code) throws Exception {
        Map<String, Object> runs = (Map<String, Object>) yaml(ROOT.resolve("action.yml")).get("runs");
        String script = ((List<Map<String, Object>>) runs.get("steps")).stream()
                .filter(s -> "Gate".equals(s.get("name"))).map(s -> (String) s.get("run")).findFirst().orElseThrow();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CODE", code);
        return Processes.run(List.of("bash", "-e", "-c", script), work, env);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)) instanceof Map<?, ?> m
                ? castMap(m) : Map.of("list", true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
