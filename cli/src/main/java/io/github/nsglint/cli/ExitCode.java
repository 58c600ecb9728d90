package io.github.nsglint.cli;

/** The process exit codes of DESIGN section 7. */
public enum ExitCode {
    /** Nothing at or above the failure threshold. */
    OK(0),
    /** Findings at or above the failure threshold. */
    FINDINGS(1),
    /** Bad input or usage: malformed JSON, an unreadable file, an invalid rule file or option. */
    BAD_INPUT(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
