package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.RuleMetadata;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nsglint rules}: the catalog, one rule a line: ID, name, severity, summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: ID, name, default"
        + " severity, summary.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rules were listed", "2:a rule file (--rules) is invalid; every error is printed"})
public final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RuleOptions ruleOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = ruleOptions.load(spec.commandLine().getErr());
        if (catalog == null) {
            return ExitCode.BAD_INPUT.code();
        }
        for (RuleMetadata r : catalog.rules()) {
            out.printf("%-7s %-34s %-8s %s%n", r.id(), r.name(), r.severity().name().toLowerCase(Locale.ROOT),
                    r.summary());
        }
        return ExitCode.OK.code();
    }
}
