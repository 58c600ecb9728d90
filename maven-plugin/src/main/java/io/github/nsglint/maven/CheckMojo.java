package io.github.nsglint.maven;

import io.github.nsglint.core.engine.ProjectLint;
import io.github.nsglint.core.files.OutputFiles;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadProgress;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Gate;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import io.github.nsglint.core.report.SafeText;
import io.github.nsglint.core.report.SafeTextWriter;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.report.sarif.SarifBaseline;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code nsglint:check}: lints the project's ARM templates in-process, writes the reports, then fails the build
 * on findings at or above {@code failOnSeverity} ({@link MojoFailureException}) or on input it cannot read
 * ({@link MojoExecutionException}). The project's {@code .nsglint.yaml} applies as on the command line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    /** Where templates are looked for when {@code sourceDirectories} is not set, if they exist. */
    static final List<String> CONVENTIONAL_DIRECTORIES = List.of("infra", "src/main/azure");

    /**
     * Skip the check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Folders holding the templates (default: {@code infra} and {@code src/main/azure} of the project, those
     * that exist). A folder named here that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.sourceDirectories")
    private List<File> sourceDirectories;

    /**
     * Files to lint below the source folders, Maven patterns (default {@code **}{@code /*.json}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.includes")
    private List<String> includes;

    /**
     * Files to leave out, Maven patterns.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.excludes")
    private List<String> excludes;

    /**
     * Parameters files: {@code TEMPLATE=PARAMETERS} pairs (paths relative to the project), or one file for every
     * template. Without them, {@code X.parameters.json} beside {@code X.json} is used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.parameters")
    private List<String> parameters;

    /**
     * Extra rule files or folders ({@code .nsgl}), beside the built-in catalog and the configuration's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.rules")
    private List<File> rules;

    /**
     * The configuration file (default: {@code .nsglint.yaml} in the project's folder or the nearest parent).
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.config")
    private File config;

    /**
     * Fail on findings at or above this severity: {@code error}, {@code warning}, {@code note} or {@code never}
     * (default: the configuration's {@code failOn}, else {@code error}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.failOnSeverity")
    private String failOnSeverity;

    /**
     * How many findings at or above {@code failOnSeverity} are tolerated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /**
     * Fail the build on input that cannot be read (malformed JSON, a bad rule or configuration file).
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * Report formats to write: text, sarif, json, markdown, junit, github, html.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.formats", defaultValue = "sarif,html")
    private List<String> formats;

    /**
     * Where the reports go, as {@code nsglint.<extension>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.outputDirectory", defaultValue = "${project.build.directory}/nsglint")
    private File outputDirectory;

    /**
     * A SARIF file of an earlier run: only findings not in it fail the build (default: the configuration's).
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.baseline")
    private File baseline;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Report paths are relative to where Maven was started: the repository root, for code scanning. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    private File executionRoot;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping nsglint");
            return;
        }
        List<Reporter> reporters = reporters();
        List<Path> directories = directories();
        if (directories.isEmpty()) {
            log.info("nsglint: no template folder (" + String.join(", ", CONVENTIONAL_DIRECTORIES)
                    + ") in this project; nothing to check");
            return;
        }
        List<Path> files;
        try {
            files = SourceFiles.collect(directories, includes == null || includes.isEmpty() ? List.of("**/*.json")
                    : includes, excludes == null ? List.of() : excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("nsglint: cannot read " + directories + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            log.warn("nsglint: no file in " + directories + " matches " + includes + "; nothing was checked");
            return;
        }
        ProjectLint project = ProjectLint.configure(config == null ? null : config.toPath(), basedir.toPath());
        Gate gate;
        try {
            gate = Gate.choose(failOnSeverity, project.configuration().failOn(), maxAllowedViolations);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("nsglint: failOnSeverity " + e.getMessage(), e);
        }
        Severity threshold = gate.thresholdOrNull();
        ProjectLint.Settings settings = settings(files);
        refuseOverwritingInputs(reporters, settings, project);
        // Each line of a rule error (its source line, its caret) is logged on its own, so each has Maven's prefix.
        Report report = project.run(settings, e -> e.render().lines().forEach(l -> log.error(SafeText.escape(l))),
                LoadProgress.NONE);
        report = SarifBaseline.compare(report, baseline != null ? baseline.toPath()
                : project.configuration().baseline());
        List<String> written = write(report, reporters);
        logDiagnostics(report);
        logFindings(report, threshold);
        if (report.hasInputErrors()) {
            long n = report.configurationErrors().size() + report.diagnostics().stream()
                    .filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count();
            String message = "nsglint could not read " + n + " input" + (n == 1 ? "" : "s") + "; first: "
                    + firstError(report);
            if (failOnError) {
                throw new MojoExecutionException(message);
            }
            log.warn(message + " (failOnError is false)");
        }
        FailurePolicy.Outcome outcome = FailurePolicy.evaluate(report, gate, written);
        if (outcome.failed()) {
            throw new MojoFailureException(outcome.message());
        }
        log.info(outcome.message() + " in " + report.files().size() + " file" + (report.files().size() == 1 ? "" : "s")
                + (written.isEmpty() ? "" : "; reports: " + String.join(", ", written)));
    }

    /** Each format once, in the order given; each writes its own file (the extensions differ). */
    private List<Reporter> reporters() throws MojoExecutionException {
        List<Reporter> out = new ArrayList<>();
        for (String f : formats == null ? List.<String>of() : formats) {
            try {
                Reporter r = ReporterRegistry.byId(f.trim().toLowerCase(Locale.ROOT));
                if (out.stream().noneMatch(o -> o.id().equals(r.id()))) {
                    out.add(r);
                }
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("nsglint: " + e.getMessage());
            }
        }
        return out;
    }

    private List<Path> directories() throws MojoExecutionException {
        List<Path> out = new ArrayList<>();
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            for (String d : CONVENTIONAL_DIRECTORIES) {
                Path p = basedir.toPath().resolve(d);
                if (Files.isDirectory(p)) {
                    out.add(p);
                }
            }
            return out;
        }
        for (File f : sourceDirectories) {
            if (!f.isDirectory()) {
                throw new MojoExecutionException("nsglint: source directory " + f + " does not exist");
            }
            out.add(f.toPath());
        }
        return out;
    }

    private ProjectLint.Settings settings(List<Path> files) throws MojoExecutionException {
        ParameterFiles p = ParameterFiles.parse(basedir.toPath(), parameters == null ? List.of() : parameters);
        for (Path t : p.pairs().keySet()) {
            if (!Files.isRegularFile(t)) {
                throw new MojoExecutionException("nsglint: parameters are given for " + t + ", which does not exist");
            }
        }
        List<Path> extraRules = new ArrayList<>();
        for (File r : rules == null ? List.<File>of() : rules) {
            extraRules.add(r.toPath());
        }
        return new ProjectLint.Settings(files, p.every(), p.pairs(), extraRules, null, null,
                executionRoot == null ? null : executionRoot.toPath());
    }

    private Path reportFile(Reporter r) {
        return outputDirectory.toPath().resolve("nsglint." + r.defaultFileExtension());
    }

    /** A report written over a template, rule file, baseline or configuration would destroy it: refused first. */
    private void refuseOverwritingInputs(List<Reporter> reporters, ProjectLint.Settings settings, ProjectLint project)
            throws MojoExecutionException {
        List<OutputFiles.Input> inputs = new ArrayList<>();
        settings.inputs().forEach(f -> inputs.add(OutputFiles.Input.file(f, "template")));
        settings.parameterPairs().values().forEach(f -> inputs.add(OutputFiles.Input.file(f, "parameters file")));
        settings.extraRules().forEach(f -> inputs.add(new OutputFiles.Input(f, ".nsgl", "rule")));
        project.configuration().rules().forEach(f -> inputs.add(new OutputFiles.Input(f, ".nsgl", "rule")));
        Path previous = baseline != null ? baseline.toPath() : project.configuration().baseline();
        java.util.stream.Stream.of(previous, settings.parameters(), project.configuration().file(), project.configuration().serviceTags())
                .filter(java.util.Objects::nonNull).forEach(f -> inputs.add(OutputFiles.Input.file(f, "input")));
        List<OutputFiles.Clash> clashes = OutputFiles.clashes(reporters.stream().map(this::reportFile).toList(), inputs);
        if (!clashes.isEmpty()) {
            OutputFiles.Clash c = clashes.get(0);
            throw new MojoExecutionException("nsglint: " + c.output() + ":1:1: error: not written: " + c.reason()
                    + "; set outputDirectory elsewhere");
        }
    }

    private List<String> write(Report report, List<Reporter> reporters) throws MojoExecutionException {
        List<String> written = new ArrayList<>();
        for (Reporter r : reporters) {
            Path file = reportFile(r);
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                        Writer guarded = r.id().equals("github") ? w : new SafeTextWriter(w)) {
                    r.write(report, guarded);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("nsglint: cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file.toString());
        }
        return written;
    }

    private void logDiagnostics(Report report) {
        for (LoadDiagnostic d : report.configurationErrors()) {
            getLog().error(d.display());
        }
        for (LoadDiagnostic d : report.diagnostics()) {
            switch (d.level()) {
                case ERROR -> getLog().error(d.display());
                case WARNING -> getLog().warn(d.display());
                default -> getLog().info(d.display());
            }
        }
    }

    /** Every finding, at its own level: warnings below the threshold are logged, not hidden. */
    private void logFindings(Report report, Severity threshold) {
        for (Finding f : report.findings()) {
            // Names from the templates are escaped: a build log must not take a line break or escape from them.
            String line = SafeText.escape(f.location().display() + " " + f.rule().id() + " " + f.message()
                    + (f.isSuppressed() ? " (suppressed: " + f.suppression().justification() + ")" : ""));
            if (f.isSuppressed()) {
                getLog().info(line);
            } else if (f.severity() == Severity.ERROR || threshold != null && f.failsAt(threshold)) {
                getLog().error(line);
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private static String firstError(Report report) {
        if (!report.configurationErrors().isEmpty()) {
            return report.configurationErrors().get(0).display();
        }
        return report.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR)
                .map(LoadDiagnostic::display).findFirst().orElse("");
    }
}
