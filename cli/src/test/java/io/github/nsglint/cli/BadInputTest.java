package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs a CI gate meets: each is one line naming the file and position, exit 2, no stack trace, and the
 * good file beside it is still linted and reported.
 */
class BadInputTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final String GOOD = ROOT.resolve("fixtures/BAS012/fail-deny-probes.json").toString();

    @TempDir
    Path dir;

    /** Lints {@code bad} beside the good fixture; checks the one error line and that the fixture's findings came. */
    private CliRun lintBeside(Path bad, String expectedError) {
        CliRun r = CliRun.of("lint", "-f", "text", bad.toString(), GOOD);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r.out() + r.err());
        List<String> errors = Arrays.stream((r.out() + r.err()).split("\\R")).filter(l -> l.contains(": error: "))
                .toList();
        assertEquals(List.of(expectedError), errors.stream().map(l -> l.substring(l.indexOf(bad.getFileName()
                .toString()))).toList());
        assertTrue(r.out().contains("error BAS012 health probes cannot reach Bastion"), "good file still linted: "
                + r.out());
        assertFalse((r.out() + r.err()).contains("\tat ") || (r.out() + r.err()).contains("Exception"), r.err());
        return r;
    }

    @Test
    void aMissingPath() {
        lintBeside(dir.resolve("missing.json"), "missing.json:1:1: error: no such file or folder");
    }

    @Test
    void aBrokenLink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("nowhere.json"));
        lintBeside(link, "link.json:1:1: error: broken link: its target does not exist");
    }

    @Test
    void aFolderWithNoTemplates() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        lintBeside(empty, "empty:1:1: error: no *.json file in this folder: nothing to lint");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("package.json"), "{\"name\": \"x\"}");
        lintBeside(other, "other:1:1: error: no ARM template or Azure resource export among the 1 *.json file in"
                + " this folder: nothing to lint");
    }

    @Test
    void anUnreadableFile() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: permissions do not stop reading");
        CliRun r = CliRun.of("lint", locked.toString(), GOOD);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.out().contains("locked.json:1:1: error: cannot read file"), r.out());
    }

    @Test
    void aBinaryFile() throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = '{';
        bytes[1] = '\n';
        bytes[2] = (byte) 0xC3; // not followed by a continuation byte
        bytes[3] = 'x';
        Path bin = Files.write(dir.resolve("image.json"), bytes);
        lintBeside(bin, "image.json:2:1: error: not a UTF-8 text file: byte 0xc3 cannot start a character here (a"
                + " binary file?)");
    }

    @Test
    void aFiftyMegabyteFile() throws Exception {
        Path big = dir.resolve("export.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1000 * 1000);
        }
        lintBeside(big, "export.json:1:1: error: file is 50,000,000 bytes; nsglint reads files up to 32 MiB (Azure"
                + " accepts templates up to 4 MB): split the export and lint the parts");
    }

    @Test
    void malformedJson() throws Exception {
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\n  \"resources\": [\n    {\"type\": ");
        lintBeside(truncated, "truncated.json:3:14: error: Unexpected end-of-input within/between Object entries");
    }
}
