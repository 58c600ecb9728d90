package io.github.nsglint.cli;

import io.github.nsglint.cli.command.ExplainCommand;
import io.github.nsglint.cli.command.FixCommand;
import io.github.nsglint.cli.command.LintCommand;
import io.github.nsglint.cli.command.RulesCommand;
import io.github.nsglint.cli.command.ShowCommand;
import io.github.nsglint.core.load.TemplateLoadException;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nsglint} program. Only {@link #main} exits the JVM; tests call {@link #run}. */
@Command(name = "nsglint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lints Azure network security configuration (NSGs, Bastion, peerings) in ARM templates.",
        subcommands = {LintCommand.class, RulesCommand.class, ExplainCommand.class, ShowCommand.class, FixCommand.class,
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the failure threshold",
            "1:findings at or above the failure threshold",
            "2:bad input or usage (malformed JSON, unreadable file, invalid option)"})
public final class NsgLintCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NsgLintCli());
        // Picocli hides its completion command; ours is documented: source <(nsglint generate-completion)
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
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
        return cli.execute(args);
    }
}
