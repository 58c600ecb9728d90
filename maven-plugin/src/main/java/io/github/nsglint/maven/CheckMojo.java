package io.github.nsglint.maven;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code nsglint:check}: loads the project's ARM templates and fails the build when one cannot be read.
 * This first version checks that the templates load (malformed JSON, unreadable files); the policy checks and
 * reports come with the rule catalog.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    /** Folders (or files) holding the templates. */
    @Parameter(defaultValue = "${project.basedir}/infra")
    private List<File> sourceDirectories;

    /**
     * Skip the check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "nsglint.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping nsglint");
            return;
        }
        List<Path> inputs = new ArrayList<>();
        for (File f : sourceDirectories) {
            if (f.exists()) {
                inputs.add(f.toPath());
            }
        }
        if (inputs.isEmpty()) {
            getLog().info("nsglint: no templates found in " + sourceDirectories);
            return;
        }
        LoadResult result = new ModelLoader().load(inputs, null);
        for (LoadDiagnostic d : result.diagnostics()) {
            switch (d.level()) {
                case ERROR -> getLog().error(d.display());
                case WARNING -> getLog().warn(d.display());
                default -> getLog().info(d.display());
            }
        }
        getLog().info("nsglint: " + result.loadedFiles().size() + " template(s) loaded, "
                + result.model().networkSecurityGroups().size() + " NSG(s)");
        if (result.hasErrors()) {
            long errors = result.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count();
            throw new MojoExecutionException("nsglint could not read " + errors + " input(s); see the errors above");
        }
    }
}
