package io.github.nsglint.cli;

import io.github.nsglint.cli.command.ExplainCommand;
import io.github.nsglint.cli.command.FixCommand;
import io.github.nsglint.cli.command.LintCommand;
import io.github.nsglint.cli.command.RulesCommand;
import io.github.nsglint.cli.command.ShowCommand;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.engine.Linter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
     * The subcommands, by name. Picocli reads each one's annotations when it is added, which is most of a cold
     * start's set-up, so a run adds only the command it runs (all of them for help, completion or a typo).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("lint", LintCommand::new);
        m.put("rules", RulesCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("show", ShowCommand::new);
        m.put("fix", FixCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        m.put("generate-completion", AutoComplete.GenerateCompletion::new);
        return m;
    }

    public static void main(String[] args) {
        // Compiling the built-in rules is the largest part of a cold start; it overlaps the command-line set-up.
        Linter.prefetch();
        System.exit(run(args));
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NsgLintCli());
        String first = args.length > 0 ? args[0] : "";
        boolean justOne = COMMANDS.containsKey(first) && !first.equals("help") && !first.equals("generate-completion");
        COMMANDS.forEach((name, command) -> {
            if (!justOne || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
        if (!justOne) {
            // Picocli hides its completion command; ours is documented: source <(nsglint generate-completion)
            cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.BAD_INPUT.code());
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
            // Inputs are bounded (32 MiB per file), but a huge estate can still outgrow a small default heap.
            err.println("nsglint: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB heap); give the JVM more with NSGLINT_JAVA_OPTS=-Xmx2g, or lint fewer files per run");
            return ExitCode.BAD_INPUT.code();
        }
    }
}
