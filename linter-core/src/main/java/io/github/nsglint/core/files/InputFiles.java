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
            // Read what the file says it holds, then look for one byte more: the size can change between the look
            // and the read (or lie, as /proc's do), and the bound holds on what is read.
            byte[] buffer = new byte[(int) attributes.size()];
            int length = in.readNBytes(buffer, 0, buffer.length);
            if (length < buffer.length) {
                return Arrays.copyOf(buffer, length);
            }
            int next = in.read();
            if (next < 0) {
                return buffer;
            }
            java.io.ByteArrayOutputStream more = new java.io.ByteArrayOutputStream();
            more.write(buffer, 0, length);
            more.write(next);
            byte[] chunk = new byte[8192];
            long total = length + 1L;
            int n;
            while (total <= maxBytes && (n = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1 - total))) > 0) {
                more.write(chunk, 0, n);
                total += n;
            }
            if (total > maxBytes) {
                throw new InputFileException(tooLarge(total, true, maxBytes));
            }
            return more.toByteArray();
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
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text; // nothing was replaced, so every byte was UTF-8
        }
        try {
            // A replacement character: either the file holds one, or a byte was not UTF-8. Decode strictly to tell.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return text;
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
