package io.github.nsglint.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command as a user would, in a given folder and environment, and keeps what it printed. */
final class Processes {

    /** A hang guard, far above a run's few seconds: not a performance assertion. */
    static final long TIMEOUT_SECONDS = 300;

    /** A finished run: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
    }

    private Processes() {
    }

    /** @param env the whole environment of the command (nothing inherited), or empty to inherit this JVM's */
    static Run run(List<String> command, Path dir, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile("nsglint-out", ".txt");
        Path err = Files.createTempFile("nsglint-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("hang guard: " + command + " ran over " + TIMEOUT_SECONDS + " s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
