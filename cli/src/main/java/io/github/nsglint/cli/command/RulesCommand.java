package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import io.github.nsglint.core.report.RuleMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nsglint rules}: the catalog, one rule a line: ID, name, severity, summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: ID, name, default"
        + " severity, summary.")
public final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", description = "Extra .nsgl rule files or folders.")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--bastion-rules", paramLabel = "SET", defaultValue = "current",
            description = "current (default) or bastion-2020.")
    private String bastionRules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RuleCatalog catalog = RuleCatalog.load(rules, bastionRules.toLowerCase(Locale.ROOT));
            for (RuleMetadata r : catalog.rules()) {
                out.printf("%-7s %-34s %-8s %s%n", r.id(), r.name(), r.severity().name().toLowerCase(Locale.ROOT),
                        r.summary());
            }
            return ExitCode.OK.code();
        } catch (RuleLoadException e) {
            spec.commandLine().getErr().println(e.render());
            return ExitCode.BAD_INPUT.code();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nsglint: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
    }
}
