package io.github.nsglint.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import io.github.nsglint.dist.Processes.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user gets them: each unpacked into an empty folder and run, through a symbolic link
 * from another folder, with a PATH that holds no Maven (and, for the runtime archive, no Java either). Findings
 * and exit code must be those of the jar the build made.
 */
class ArchivesTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path DIST = Path.of(System.getProperty("nsglint.dist", "target/dist")).toAbsolutePath();
    private static final String NAME = "nsglint-" + System.getProperty("nsglint.version", "0.1.0-SNAPSHOT");
    private static final Path FIXTURE = ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");
    /** What a shell launcher needs and a bare system has; java and mvn are not among them. */
    private static final List<String> TOOLS = List.of("bash", "sh", "dirname", "readlink", "cat", "rm", "mv", "mkdir",
            "mktemp", "stat", "find", "awk", "nproc", "sed", "env", "ls");

    private static Run expected;

    @TempDir
    Path work;


    @BeforeAll
    static void theBuildsOwnJar() throws Exception {
        expected = jar(List.of("lint", FIXTURE.toString()));
        assertEquals(1, expected.code(), "the fixture has a finding: " + expected);
    }

    @Test
    void theArchiveForAnyJavaRunsWithJavaOnThePathAndNoMaven() throws Exception {
        Path archive = DIST.resolve(NAME + ".tar.gz");
        checksumMatches(archive);
        Path home = unpackTar(archive);
        assertFalse(Files.exists(home.resolve("runtime")), "the portable archive brings no runtime");
        assertTrue(Files.exists(home.resolve("LICENSE")) && Files.exists(home.resolve("README.md")));
        Path bin = sandbox(true);
        Run r = viaLink(home, bin);
        assertEquals(expected, r);
        assertTrue(hasClassDataArchive(home.resolve("lib")), "the launcher made its class-data archive beside the jar");
    }

    @Test
    void theZipHoldsTheSameAndKeepsTheLauncherExecutable() throws Exception {
        Path archive = DIST.resolve(NAME + ".zip");
        checksumMatches(archive);
        Path into = Files.createDirectories(work.resolve("unzipped"));
        Run unzip = Processes.run(List.of("unzip", "-q", archive.toString(), "-d", into.toString()), work, Map.of());
        assertEquals(0, unzip.code(), unzip.err());
        Path home = into.resolve(NAME);
        assertTrue(Files.isExecutable(home.resolve("bin/nsglint")), "bin/nsglint keeps its mode in the zip");
        assertTrue(Files.exists(home.resolve("bin/nsglint.cmd")));
        assertEquals(expected, viaLink(home, sandbox(true)));
    }

    @Test
    void theRuntimeArchiveRunsWithNoJavaAtAll() throws Exception {
        Path archive = DIST.resolve(NAME + "-linux-x64.tar.gz");
        checksumMatches(archive);
        Path home = unpackTar(archive);
        assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
        assertTrue(Files.exists(home.resolve("runtime/lib/server/classes.jsa")),
                "jlink made the runtime's class-data archive of the JDK classes");
        Path bin = sandbox(false);
        Run r = viaLink(home, bin);
        assertEquals(expected, r);
        assertTrue(hasClassDataArchive(home.resolve("lib")));
        // The runtime leaves out java.desktop (see dist/pom.xml): every output format, the model and a
        // configuration file read as they do on a full JDK.
        Path configured = ROOT.resolve("fixtures/scenarios/custom-ssh-port/right");
        for (List<String> args : List.of(List.of("lint", "-f", "sarif", FIXTURE.toString()),
                List.of("lint", "-f", "json", FIXTURE.toString()), List.of("lint", "-f", "junit", FIXTURE.toString()),
                List.of("lint", "-f", "markdown", FIXTURE.toString()), List.of("lint", "-f", "github", FIXTURE.toString()),
                List.of("lint", "-f", "html", FIXTURE.toString()), List.of("lint", configured.toString()),
                List.of("show", FIXTURE.toString()), List.of("fix", FIXTURE.toString()), List.of("rules"))) {
            Run jar = jar(args);
            Run launcher = viaLink(home, bin, args);
            assertEquals(jar.code(), launcher.code(), args + ": " + launcher);
            assertEquals(withoutTimes(jar.out()), withoutTimes(launcher.out()), args.toString());
        }
        // And without the runtime, with no Java anywhere, it says so instead of failing obscurely.
        Path noRuntime = home.resolveSibling("moved-runtime");
        Files.move(home.resolve("runtime"), noRuntime);
        Run none = viaLink(home, bin);
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("nsglint: no Java found"), none.err());
    }

    private Run viaLink(Path home, Path bin) throws Exception {
        return viaLink(home, bin, List.of("lint", FIXTURE.toString()));
    }

    /** The build's own jar, in the same environment but for PATH. */
    private static Run jar(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("cli/target/nsglint.jar").toString()));
        command.addAll(args);
        return Processes.run(command, ROOT, Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("java.io.tmpdir")));
    }

    /** Reports carry the run's start and end: all else must be equal. */
    private static String withoutTimes(String out) {
        return out.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "TIME")
                .replaceAll("(?i)(duration|elapsed|time)[\"=: ]+[0-9.]+(ms|s)?", "$1 N");
    }

    /** Runs bin/nsglint through a symbolic link in another folder, from a third folder, in the sandbox. */
    private Run viaLink(Path home, Path bin, List<String> args) throws Exception {
        Path links = Files.createDirectories(work.resolve("links-" + System.nanoTime()));
        Files.createSymbolicLink(links.resolve("nsglint"), home.resolve("bin/nsglint"));
        // The same environment as the build's run but for PATH and HOME: no locale, so the same output encoding.
        // NSGLINT_JAVA_DIRS empty: the launcher looks for Java on the PATH only, not in this machine's JDK folders.
        Map<String, String> env = Map.of("PATH", links + ":" + bin, "HOME", work.toString(), "NSGLINT_JAVA_DIRS", "");
        List<String> command = new ArrayList<>(List.of(links.resolve("nsglint").toString()));
        command.addAll(args);
        // From the repository's folder, as the build's run: neither the install's nor the link's folder.
        return Processes.run(command, ROOT, env);
    }

    /** A folder of the tools a shell script needs, linked one by one, with java only when asked. */
    private Path sandbox(boolean withJava) throws IOException {
        Path bin = Files.createDirectories(work.resolve(withJava ? "bin-java" : "bin-nojava"));
        for (String tool : TOOLS) {
            Path found = which(tool);
            if (found != null && !Files.exists(bin.resolve(tool))) {
                Files.createSymbolicLink(bin.resolve(tool), found);
            }
        }
        if (withJava) {
            Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        assertTrue(which("mvn", bin) == null && (withJava || which("java", bin) == null));
        return bin;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path which(String tool, Path dir) {
        Path p = dir.resolve(tool);
        return Files.exists(p) ? p : null;
    }

    private Path unpackTar(Path archive) throws Exception {
        Path into = Files.createDirectories(work.resolve("unpacked-" + archive.getFileName()));
        Run tar = Processes.run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()), work, Map.of());
        assertEquals(0, tar.code(), tar.err());
        try (Stream<Path> top = Files.list(into)) {
            assertEquals(List.of(into.resolve(NAME)), top.toList(), "one top folder named for the release");
        }
        return into.resolve(NAME);
    }

    private static void checksumMatches(Path archive) throws Exception {
        String line = Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256"), StandardCharsets.UTF_8)
                .strip();
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
        assertEquals(actual + "  " + archive.getFileName(), line, "sha256sum -c reads this line");
    }

    private static boolean hasClassDataArchive(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("nsglint-.*\\.jsa"));
        }
    }
}
