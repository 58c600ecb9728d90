package io.github.nsglint.core.internal.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of bytes, with one digest per thread: looking the algorithm up costs more than hashing a template. */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private Sha256() {
    }

    /** The digest of {@code bytes} (digest() also resets the thread's digest for the next call). */
    public static byte[] of(byte[] bytes) {
        return DIGEST.get().digest(bytes);
    }
}
