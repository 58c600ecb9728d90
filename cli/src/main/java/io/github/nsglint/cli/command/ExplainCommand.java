package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.Policy;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.report.RuleMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsglint explain ID}: a rule's help, where it is written, and its source. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show a rule's help and its source.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rule was shown", "2:no rule has that ID, or a rule file (--rules) is invalid"})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule ID, such as SPK002.")
    private String id;

    @Mixin
    private RuleOptions ruleOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = ruleOptions.load(spec.commandLine().getErr());
        if (catalog == null) {
            return ExitCode.BAD_INPUT.code();
        }
        Optional<Policy> p = catalog.policy(id);
        if (p.isEmpty()) {
            spec.commandLine().getErr().println("nsglint: no rule '" + id + "'; see 'nsglint rules'");
            return ExitCode.BAD_INPUT.code();
        }
        RuleMetadata m = p.get().metadata();
        out.println(m.id() + " " + m.name() + " (" + m.severity().name().toLowerCase(Locale.ROOT) + ")");
        out.println();
        out.println(m.summary());
        out.println();
        out.println(m.help());
        out.println();
        if (!m.example().isBlank()) {
            out.println("Example:");
            m.example().strip().lines().forEach(l -> out.println("  " + l));
            out.println();
        }
        out.println("More: " + m.helpUri());
        if (!m.tags().isEmpty()) {
            out.println("Tags: " + String.join(", ", m.sortedTags()));
        }
        out.println("Source: " + m.source());
        out.println();
        out.println(source(m));
        return ExitCode.OK.code();
    }

    /** The rule's declaration, from its file: built-in or the user's. */
    private static String source(RuleMetadata m) throws java.io.IOException {
        String file = m.source().substring(0, m.source().lastIndexOf(':'));
        int line = Integer.parseInt(m.source().substring(m.source().lastIndexOf(':') + 1));
        String text = file.startsWith("rules/") ? RuleCatalog.resource(file.substring("rules/".length()))
                : InputFiles.readUtf8(Path.of(file), RuleCatalog.MAX_RULE_FILE_BYTES);
        String[] lines = text.split("\r?\n");
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = line - 1; i < lines.length; i++) {
            sb.append("    ").append(lines[i]).append(System.lineSeparator());
            depth += count(lines[i], '{') - count(lines[i], '}');
            if (depth <= 0 && i >= line - 1 && lines[i].contains("}")) {
                break;
            }
        }
        return sb.toString().stripTrailing();
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
