package io.github.nsglint.cli;

import io.github.nsglint.cli.command.ExplainCommand;
import io.github.nsglint.cli.command.FixCommand;
import io.github.nsglint.cli.command.LintCommand;
import io.github.nsglint.cli.command.RulesCommand;
import io.github.nsglint.cli.command.ShowCommand;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.engine.Linter;
import java.io.PrintWriter;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nsglint} program. Only {@link #main} exits the JVM; tests call {@link #run}. */
@Command(name = "nsglint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lints Azure network security configuration (NSGs, Bastion, peerings) in ARM templates.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the failure threshold",
            "1:findings at or above the failure threshold",
            "2:bad input or usage (malformed JSON, unreadable file, invalid option)"})
public final class NsgLintCli {

    /**
     * The subcommands' names. Picocli reads each one's annotations when it is added, which is most of a cold
     * start's set-up, so a run adds only the command it runs (all of them for help, completion or a typo).
     */
    private static final List<String> COMMANDS =
            List.of("lint", "rules", "explain", "show", "fix", "help", "generate-completion");

    /**
     * A new instance of the named subcommand. A switch rather than a map of constructor references: each
     * reference is linked at start-up and loads its class, which cost a one-file run ~15 ms (profiled).
     */
    private static Object command(String name) {
        return switch (name) {
            case "lint" -> new LintCommand();
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "show" -> new ShowCommand();
            case "fix" -> new FixCommand();
            case "help" -> new CommandLine.HelpCommand();
            case "generate-completion" -> new AutoComplete.GenerateCompletion();
            default -> throw new IllegalArgumentException("no such command: " + name);
        };
    }

    public static void main(String[] args) {
        // Compiling the built-in rules is the largest part of a cold start; it overlaps the command-line set-up.
        Linter.prefetch();
        System.exit(run(args));
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String... args) {
        java.nio.charset.Charset charset = StreamCharset.ofStandardOutput();
        return run(new PrintWriter(StreamCharset.readable(new java.io.OutputStreamWriter(System.out, charset), charset),
                true), new PrintWriter(StreamCharset.readable(new java.io.OutputStreamWriter(System.err, charset),
                charset), true), args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
        // The text format (and picocli's help) paints only on a terminal (System.console()): only there may colours
        // pass; every other escape sequence is shown escaped everywhere.
        boolean terminal = System.console() != null;
        GuardedWriter out = GuardedWriter.of(rawOut, terminal);
        GuardedWriter err = GuardedWriter.of(rawErr, terminal);
        try {
            return execute(out, err, args);
        } finally {
            out.finish();
            err.finish();
        }
    }

    /**
     * A usage mistake in one line: what was wrong, the nearest options or commands, and where the help is; not the
     * whole usage text, which buried the one line that mattered.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine at = e.getCommandLine();
        String hint = "";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = " (did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3)
                    .map(x -> "'" + x + "'").toList()) + "?)";
        }
        at.getErr().println("nsglint: " + e.getMessage() + hint + "; see '" + at.getCommandSpec().qualifiedName()
                + " --help'");
        return ExitCode.BAD_INPUT.code();
    }

    private static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NsgLintCli());
        String first = args.length > 0 ? args[0] : "";
        boolean justOne = COMMANDS.contains(first) && !first.equals("help") && !first.equals("generate-completion");
        for (String name : COMMANDS) {
            if (!justOne || name.equals(first)) {
                cli.addSubcommand(name, command(name));
            }
        }
        if (!justOne) {
            // Picocli hides its completion command; ours is documented: source <(nsglint generate-completion)
            cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.BAD_INPUT.code());
        cli.setParameterExceptionHandler(NsgLintCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(s -> s.hasMatchedOption("--verbose"));
            if (e instanceof TemplateLoadException) {
                commandLine.getErr().println(e.getMessage());
            } else {
                commandLine.getErr().println("nsglint: " + e);
            }
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCode.BAD_INPUT.code();
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // A file that does not fit fails alone (ModelLoader); this is what is left: the run as a whole.
            err.println("nsglint: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB heap) with all files read: every file is bounded on its own, so the estate together did"
                    + " not fit; lint it in parts, or give the JVM more with NSGLINT_JAVA_OPTS=-Xmx2g");
            return ExitCode.BAD_INPUT.code();
        }
    }
}
