package io.github.nsglint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in the test JVM: its exit code, standard output and standard error. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NsgLintCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
