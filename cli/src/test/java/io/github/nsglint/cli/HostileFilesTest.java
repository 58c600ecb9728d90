package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request is untrusted input: what it contains, and what a user points nsglint at, must never make it
 * overwrite a file it reads, rewrite a file it may not, replace a link, or read a FIFO or device. Each case is the
 * exact outcome: the file unchanged, the mode kept, the located message, the other file still linted.
 */
class HostileFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path GOOD = ROOT.resolve("fixtures/BAS012/fail-deny-probes.json");
    private static final Path FIXABLE = ROOT.resolve("fixtures/SPK001/fail-wrong-range.json");
    private static final String GOOD_FINDING = "error BAS012 health probes cannot reach Bastion";

    @TempDir
    Path dir;

    private Path copy(Path fixture, String name) throws Exception {
        return Files.copy(fixture, dir.resolve(name));
    }

    @Test
    void anOutputNamedLikeItsInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path t = copy(GOOD, "t.json");
        byte[] before = Files.readAllBytes(t);
        CliRun r = CliRun.of("lint", "-f", "sarif", "-o", t.toString(), t.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(t), "the template was overwritten");
        assertTrue(r.err().startsWith(t + ":1:1: error: not written: it is the template this run reads"), r.err());
    }

    @Test
    void anOutputReachedThroughALinkOrInALintedFolderIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("templates"));
        Path t = copy(GOOD, "templates/main.json");
        byte[] before = Files.readAllBytes(t);
        Path link = Files.createSymbolicLink(dir.resolve("report.sarif"), t);
        CliRun viaLink = CliRun.of("lint", "--report", "sarif=" + link, "-o", dir.resolve("out.txt").toString(),
                folder.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), viaLink.code(), viaLink.err());
        assertTrue(viaLink.err().contains(link + ":1:1: error: not written: it is a *.json file in " + folder),
                viaLink.err());
        assertFalse(Files.exists(dir.resolve("out.txt")), "nothing is written when one output clashes");
        assertArrayEquals(before, Files.readAllBytes(t));
        // A report that does not exist yet, even inside the folder, is not an input of this run.
        Path fresh = folder.resolve("nsglint.json");
        CliRun ok = CliRun.of("lint", "-f", "json", "-o", fresh.toString(), folder.toString());
        assertEquals(ExitCode.FINDINGS.code(), ok.code(), ok.err());
        assertTrue(Files.size(fresh) > 0);
    }

    @Test
    void twoOutputsOfOneRunCannotShareAFile() throws Exception {
        Path out = dir.resolve("report.txt");
        CliRun r = CliRun.of("lint", "-f", "text", "-o", out.toString(), "--report", "github=" + out, GOOD.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.err());
        assertTrue(r.err().contains(out + ":1:1: error: not written: two outputs of this run go to the same file"),
                r.err());
    }

    @Test
    void theBaselineAndTheRulesAreInputsToo() throws Exception {
        Path baseline = dir.resolve("base.sarif");
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "-f", "sarif", "-o", baseline.toString(),
                GOOD.toString()).code());
        byte[] before = Files.readAllBytes(baseline);
        CliRun r = CliRun.of("lint", "--baseline", baseline.toString(), "-f", "sarif", "-o", baseline.toString(),
                GOOD.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.err());
        assertTrue(r.err().contains("not written: it is the baseline this run reads"), r.err());
        assertArrayEquals(before, Files.readAllBytes(baseline));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path rule = Files.writeString(rules.resolve("mine.nsgl"), "// none yet\n");
        CliRun overRule = CliRun.of("lint", "-r", rules.toString(), "-o", rule.toString(), GOOD.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), overRule.code(), overRule.err());
        assertEquals("// none yet\n", Files.readString(rule));
    }

    @Test
    void fixWriteRefusesAReadOnlyFileAndLeavesItAsItWas() throws Exception {
        Path t = copy(FIXABLE, "ro.json");
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(t);
        CliRun r = CliRun.of("fix", "--write", t.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.err());
        assertTrue(r.err().startsWith(t + ":1:1: error: the file is read-only: not changed"), r.err());
        assertArrayEquals(before, Files.readAllBytes(t));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(t)));
    }

    @Test
    void fixWriteKeepsTheModeOfTheFile() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-rw----", "rwxr-x---"}) {
            Path t = copy(FIXABLE, "m-" + mode.replace('-', '_') + ".json");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString(mode));
            byte[] before = Files.readAllBytes(t);
            CliRun r = CliRun.of("fix", "--write", t.toString());
            assertEquals(ExitCode.OK.code(), r.code(), r.err());
            assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(t)), "the fix was written");
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(t)));
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".nsglint-fix")), "temp left");
        }
    }

    @Test
    void fixWriteWritesThroughALinkAndKeepsTheLink() throws Exception {
        Path target = copy(FIXABLE, "target.json");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
        byte[] before = Files.readAllBytes(target);
        CliRun r = CliRun.of("fix", "--write", link.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(target.getFileName(), Files.readSymbolicLink(link));
        assertNotEquals(before.length, Files.readAllBytes(target).length, "the target got the fix");
    }

    @Test
    void fixWriteRefusesAFileWithOtherHardLinks() throws Exception {
        Path t = copy(FIXABLE, "a.json");
        Path other = Files.createLink(dir.resolve("b.json"), t);
        byte[] before = Files.readAllBytes(t);
        CliRun r = CliRun.of("fix", "--write", t.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.err());
        assertTrue(r.err().contains("has 2 hard links"), r.err());
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    @Test
    void aFifoInAFolderIsNamedAndNeverOpened() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("t"));
        copy(GOOD, "t/good.json");
        Path fifo = folder.resolve("x.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(30, TimeUnit.SECONDS)
                && Files.exists(fifo), "mkfifo is not available");
        CliRun r = CliRun.of("lint", "-f", "text", folder.toString());
        assertEquals(ExitCode.FINDINGS.code(), r.code(), r.out() + r.err());
        assertTrue(r.err().contains("x.json:1:1: note: not a regular file (a FIFO, device or socket): skipped"),
                r.err());
        assertTrue(r.out().contains(GOOD_FINDING), r.out());
    }

    @Test
    void aJsonLinkedToADeviceIsALocatedErrorAndTheOthersAreLinted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("t"));
        copy(GOOD, "t/good.json");
        Files.createSymbolicLink(folder.resolve("zero.json"), Path.of("/dev/zero"));
        CliRun r = CliRun.of("lint", "-f", "text", folder.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("zero.json:1:1: error: not a regular file (a device, FIFO or socket):"
                + " not read"), r.out() + r.err());
        assertTrue(r.out().contains(GOOD_FINDING), r.out());
    }

    @Test
    void aRuleFileThatIsADeviceIsALocatedError() throws Exception {
        Path project = Files.createDirectories(dir.resolve("p"));
        Path t = copy(GOOD, "p/main.json");
        Files.writeString(project.resolve(".nsglint.yaml"), "rules: [/dev/zero]\n");
        CliRun r = CliRun.of("lint", "-f", "text", t.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.out() + r.err());
        assertTrue(r.err().contains("/dev/zero:1:1: not a regular file (a device, FIFO or socket): not read"),
                r.err());
        assertTrue(r.out().contains(GOOD_FINDING), "linted without the bad rule file: " + r.out());
    }

    @Test
    void anUnreadableSubfolderIsAnErrorNamingItAndTheRestIsLinted() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every folder");
        Path folder = Files.createDirectories(dir.resolve("t"));
        copy(GOOD, "t/good.json");
        Path locked = Files.createDirectories(folder.resolve("locked"));
        Files.writeString(locked.resolve("hidden.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            CliRun r = CliRun.of("lint", "-f", "text", folder.toString());
            assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("locked:1:1: error: cannot read: permission denied; nothing"
                    + " below it is linted"), r.out() + r.err());
            assertTrue(r.out().contains(GOOD_FINDING), r.out());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
