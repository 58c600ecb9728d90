package io.github.nsglint.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads are bounded before they are spent: devices and FIFOs are never opened, sizes are checked first. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileWithinTheBoundIsReadWhole() throws Exception {
        Path f = Files.write(dir.resolve("a"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.read(f, 3));
        assertArrayEquals(new byte[0], InputFiles.read(Files.write(dir.resolve("e"), new byte[0]), 3));
    }

    @Test
    void aFileOverTheBoundIsRefusedWithItsSize() throws Exception {
        Path f = Files.write(dir.resolve("a"), new byte[4097]);
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.read(f, 4096));
        assertEquals("file is 4,097 bytes; nsglint reads files up to 4 KiB", e.getMessage());
    }

    @Test
    void aDeviceIsNeverRead() {
        // /dev/zero would fill any buffer; its size is 0, so only the file type can refuse it.
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.read(Path.of("/dev/zero"),
                1024));
        assertEquals("not a regular file (a device, FIFO or socket): not read", e.getMessage());
    }

    @Test
    void devNullIsTheEmptyFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
        assertArrayEquals(new byte[0], InputFiles.read(Path.of("/dev/null"), 16));
    }

    @Test
    void aLinkToADeviceIsRefusedAndABrokenLinkNamed() throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertEquals("not a regular file (a device, FIFO or socket): not read",
                assertThrows(InputFileException.class, () -> InputFiles.read(zero, 1024)).getMessage());
        Path broken = Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("nowhere"));
        assertEquals("broken link: its target does not exist",
                assertThrows(InputFileException.class, () -> InputFiles.read(broken, 1024)).getMessage());
        assertEquals("a folder, not a file",
                assertThrows(InputFileException.class, () -> InputFiles.read(dir, 1024)).getMessage());
    }

    @Test
    void aFileWhoseSizeLiesIsStillReadOnlyToTheBound() {
        // /proc files say they are empty and are not: the bound holds on what is read, not on what was said.
        Path status = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(status));
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.read(status, 16));
        assertEquals("file is 17 bytes or more; nsglint reads files up to 16 bytes", e.getMessage());
    }

    @Test
    void textMustBeUtf8() throws Exception {
        Path f = Files.write(dir.resolve("a"), new byte[] {'a', (byte) 0xff});
        assertEquals("not a UTF-8 text file",
                assertThrows(InputFileException.class, () -> InputFiles.readUtf8(f, 10)).getMessage());
        assertEquals("hé", InputFiles.readUtf8(Files.writeString(dir.resolve("b"), "hé"), 10));
    }
}
