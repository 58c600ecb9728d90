package io.github.nsglint.core.files;

import java.io.IOException;

/** An input that is not read: not a regular file, too large, not there, or not text. The message has no path. */
public final class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
        super(message);
    }
}
