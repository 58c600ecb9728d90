package io.github.nsglint.cli.command;

import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The rules of a run: extra rule files and the Bastion rule set; loads the catalog or explains why not. */
public final class RuleOptions {

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", description = "Extra .nsgl rule files or folders;"
            + " repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--bastion-rules", paramLabel = "SET",
            description = "Bastion requirements to check: current (default) or bastion-2020 (the older four-rule"
                    + " guidance, for estates that opt in deliberately).")
    String bastionRules;

    /** The Bastion rule set: the option, else the configuration's, else {@code current}. */
    String ruleSet(String configured) {
        String set = bastionRules != null ? bastionRules : configured != null ? configured : "current";
        return set.toLowerCase(Locale.ROOT);
    }

    String ruleSet() {
        return ruleSet(null);
    }

    /** The catalog, or null after printing every error (with carets) to {@code err}. */
    RuleCatalog load(PrintWriter err) {
        if (!validRuleSet(err)) {
            return null;
        }
        try {
            return load();
        } catch (RuleLoadException e) {
            printErrors(e, err);
            return null;
        }
    }

    /** Every error of the rule files, each with its source line and a caret, then how many there were. */
    static void printErrors(RuleLoadException e, PrintWriter err) {
        printErrors(e, err, "nothing was linted");
    }

    /** As {@link #printErrors(RuleLoadException, PrintWriter)}, ending with what became of the run. */
    static void printErrors(RuleLoadException e, PrintWriter err, String consequence) {
        err.println(e.render());
        err.println("nsglint: " + e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s")
                + " in rule files; " + consequence);
    }

    /** Whether --bastion-rules names a known set; if not, says so on {@code err}. */
    boolean validRuleSet(PrintWriter err) {
        if (bastionRules == null || RuleCatalog.BASTION_RULE_SETS.contains(ruleSet())) {
            return true;
        }
        err.println("nsglint: --bastion-rules must be one of " + RuleCatalog.BASTION_RULE_SETS);
        return false;
    }

    /** The compiled catalog; every error of every rule file in the exception. */
    RuleCatalog load() {
        return RuleCatalog.load(rules, ruleSet());
    }
}
