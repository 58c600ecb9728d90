package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.files.FileRewrite;
import io.github.nsglint.core.files.InputFileException;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.fix.FixApplier;
import io.github.nsglint.core.fix.JsonPatches;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.SafeText;
import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nsglint fix FILE}: the rules the failed Bastion and spoke requirements need, as a JSON Patch or applied. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Print an RFC 6902 JSON Patch that adds the Allow rules the failed Bastion and spoke"
                + " requirements need, each at a free priority before the rule that denies today; with --write,"
                + " add them to the file itself, keeping its formatting.",
            "Only certain fixes are made: the NSG's rules must be a literal array declared once, with known"
                    + " priorities. Suppressed findings are left alone. What is done and what is left goes to"
                    + " standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the patch was printed or applied (possibly empty: nothing to fix)",
            "2:bad input: an unreadable or malformed file, an invalid rule or configuration file, or several"
                    + " files to patch without --write; nothing is written"})
public final class FixCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Mixin
    private RuleOptions ruleOptions;

    @Mixin
    private ConfigOption config;

    @Option(names = "--write", description = "Apply the fixes to the files instead of printing the patch.")
    private boolean write;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ruleOptions.validRuleSet(err)) {
            return ExitCode.BAD_INPUT.code();
        }
        Report report = ProjectRun.of(config.file, input, ruleOptions).lint(err);
        report.configurationErrors().forEach(d -> err.println(d.display()));
        report.diagnostics().forEach(d -> err.println(d.display()));
        if (report.hasInputErrors()) {
            err.println("nsglint: nothing was fixed: the input has errors");
            return ExitCode.BAD_INPUT.code();
        }
        Map<String, List<Fix>> byFile = wanted(report);
        int fixed = byFile.values().stream().mapToInt(List::size).sum();
        if (write) {
            // Every file is checked before any is changed, so a refusal never leaves a run half applied.
            for (String file : byFile.keySet()) {
                try {
                    FileRewrite.check(Path.of(file));
                } catch (InputFileException e) {
                    err.println(SafeText.escape(file) + ":1:1: error: " + e.getMessage());
                    err.println("nsglint: nothing was fixed");
                    return ExitCode.BAD_INPUT.code();
                }
            }
            for (Map.Entry<String, List<Fix>> e : byFile.entrySet()) {
                if (!rewrite(Path.of(e.getKey()), e.getValue(), err)) {
                    return ExitCode.BAD_INPUT.code();
                }
                err.println("nsglint: " + SafeText.escape(e.getKey()) + ": added " + e.getValue().size() + " rule"
                        + (e.getValue().size() == 1 ? "" : "s"));
            }
        } else {
            if (byFile.size() > 1) {
                err.println("nsglint: " + byFile.size() + " files need fixes " + SafeText.escape(byFile.keySet().toString())
                        + ", and a JSON Patch"
                        + " changes one document: pass one file, or use --write");
                return ExitCode.BAD_INPUT.code();
            }
            out.println(patch(byFile.values().stream().findFirst().orElse(List.of())));
            out.flush();
        }
        byFile.values().forEach(list -> list.forEach(f -> err.println("  " + SafeText.escape(f.description()))));
        long left = unfixed(report, byFile);
        err.println("nsglint: " + fixed + " rule" + (fixed == 1 ? "" : "s") + (write ? " added" : " to add")
                + (left == 0 ? "" : "; " + left + (left == 1 ? " finding needs" : " findings need")
                        + " a change no automatic fix makes (see nsglint lint)"));
        err.flush();
        return ExitCode.OK.code();
    }

    /** The fixes of findings that are not suppressed, by file, in plan order. */
    private static Map<String, List<Fix>> wanted(Report report) {
        Set<String> open = openFingerprints(report);
        Map<String, List<Fix>> byFile = new LinkedHashMap<>();
        for (Fix f : report.fixes()) {
            if (f.fixes().stream().anyMatch(open::contains)) {
                byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
            }
        }
        return byFile;
    }

    private static Set<String> openFingerprints(Report report) {
        Set<String> open = new HashSet<>();
        List<String> fingerprints = report.fingerprints();
        for (int i = 0; i < report.findings().size(); i++) {
            if (!report.findings().get(i).isSuppressed()) {
                open.add(fingerprints.get(i));
            }
        }
        return open;
    }

    private static long unfixed(Report report, Map<String, List<Fix>> byFile) {
        Set<String> covered = new HashSet<>();
        byFile.values().forEach(list -> list.forEach(f -> covered.addAll(f.fixes())));
        List<String> fingerprints = report.fingerprints();
        long left = 0;
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (!f.isSuppressed() && f.kind() == Finding.Kind.VIOLATED && !covered.contains(fingerprints.get(i))) {
                left++;
            }
        }
        return left;
    }

    private static String patch(List<Fix> fixes) {
        if (fixes.isEmpty()) {
            return "[]";
        }
        StringWriter sw = new StringWriter();
        try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(sw)) {
            w.writeArray(JsonPatches.of(fixes));
        }
        return sw.toString().strip();
    }

    /** Applies the fixes to the file's text and replaces it safely (mode, owner and links kept; see FileRewrite). */
    private static boolean rewrite(Path file, List<Fix> fixes, PrintWriter err) {
        try {
            String text = InputFiles.readUtf8(file, JsonReader.MAX_DOCUMENT_BYTES);
            FileRewrite.replace(file, FixApplier.apply(text, file.toString(), fixes));
            return true;
        } catch (InputFileException | IllegalStateException e) {
            err.println(SafeText.escape(file.toString()) + ":1:1: error: cannot write the fixes: " + e.getMessage());
            return false;
        }
    }
}
