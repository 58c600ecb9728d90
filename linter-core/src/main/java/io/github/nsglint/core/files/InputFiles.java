package io.github.nsglint.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an input file only when it is a regular file (links followed) and no larger than a bound, so a FIFO that
 * never ends, a device such as {@code /dev/zero}, or a file that grows while it is read costs nothing: each is an
 * {@link InputFileException} naming what the file is. Every file nsglint reads goes through here.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** The file's bytes; at most {@code maxBytes}, read once. */
    public static byte[] read(Path file, long maxBytes) throws InputFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException(Files.isSymbolicLink(file) ? "broken link: its target does not exist"
                    : "no such file");
        } catch (IOException e) {
            throw new InputFileException("cannot read file: " + e.getMessage());
        }
        if (!attributes.isRegularFile() && isDevNull(file)) {
            return new byte[0]; // the empty file by convention (--config /dev/null); reading it ends at once
        }
        if (!attributes.isRegularFile()) {
            // Opening a FIFO would wait for a writer and a device never ends: neither is opened.
            throw new InputFileException(attributes.isDirectory() ? "a folder, not a file"
                    : "not a regular file (a device, FIFO or socket): not read");
        }
        if (attributes.size() > maxBytes) {
            throw new InputFileException(tooLarge(attributes.size(), false, maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The size can change between the look and the read (or lie, as /proc's do): read one byte past the
            // bound and no more.
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, Math.max(attributes.size() + 1, 8192))];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxBytes) {
                        throw new InputFileException(tooLarge(length, true, maxBytes));
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            if (length > maxBytes) {
                throw new InputFileException(tooLarge(length, true, maxBytes));
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException("cannot read file: " + e.getMessage());
        }
    }

    private static boolean isDevNull(Path file) {
        try {
            return file.toRealPath().equals(Path.of("/dev/null"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The file as strict UTF-8 text (a byte order mark is kept); at most {@code maxBytes}. */
    public static String readUtf8(Path file, long maxBytes) throws InputFileException {
        byte[] bytes = read(file, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException("not a UTF-8 text file");
        }
    }

    private static String tooLarge(long size, boolean atLeast, long maxBytes) {
        return String.format(Locale.ROOT, "file is %,d bytes%s; nsglint reads files up to %s", size,
                atLeast ? " or more" : "", human(maxBytes));
    }

    /** {@code 32 MiB}, {@code 1 MiB}, {@code 512 KiB}: how limits are named in messages. */
    public static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
