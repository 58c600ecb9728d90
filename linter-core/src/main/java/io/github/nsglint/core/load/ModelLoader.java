package io.github.nsglint.core.load;

import io.github.nsglint.core.load.arm.ExpansionResult;
import io.github.nsglint.core.load.arm.TemplateExpander;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads files and folders into one network model. Folders are walked for {@code *.json}; each template is
 * paired with its parameters file ({@code --parameters}, else {@code X.parameters.json} beside {@code X.json});
 * parameters files on their own and JSON that is no template are noted and skipped. A file that cannot be
 * read is an error diagnostic; the other files still load.
 */
public final class ModelLoader {

    private final JsonReader reader = new JsonReader();
    private final TemplateExpander expander = new TemplateExpander(ModelBuilder::isRelevant);

    /**
     * @param inputs     files and folders
     * @param parameters an explicit parameters file for the templates, or null to look beside each template
     */
    public LoadResult load(List<Path> inputs, Path parameters) {
        List<LoadDiagnostic> diagnostics = new ArrayList<>();
        List<Path> files = expand(inputs, diagnostics);
        ModelBuilder builder = new ModelBuilder();
        List<String> loaded = new ArrayList<>();
        for (Path file : files) {
            if (loadFile(file, parameters, builder, diagnostics)) {
                loaded.add(display(file));
            }
        }
        diagnostics.addAll(builder.diagnostics());
        return new LoadResult(builder.build(), loaded, diagnostics, builder.suppressions());
    }

    private boolean loadFile(Path file, Path explicitParameters, ModelBuilder builder,
            List<LoadDiagnostic> diagnostics) {
        String name = display(file);
        JNode root;
        try {
            root = reader.read(file, name);
        } catch (TemplateLoadException e) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(e.file(), e.line(), e.column()), e.errorMessage()));
            return false;
        }
        switch (InputKind.of(root)) {
            case TEMPLATE -> expandTemplate(name, (JObject) root, parameterValues(file, explicitParameters, diagnostics),
                    builder, diagnostics);
            case DEPLOYMENT_REQUEST -> {
                JObject props = (JObject) ((JObject) root).getOrNull("properties");
                Map<String, JNode> values = new LinkedHashMap<>(parameterValues(file, explicitParameters, diagnostics));
                props.object("parameters").ifPresent(ps -> values.putAll(ParameterFiles.values(ps)));
                expandTemplate(name, (JObject) props.getOrNull("template"), values, builder, diagnostics);
            }
            case LIVE_RESOURCES -> LiveResources.read(root).forEach(builder::add);
            case PARAMETERS -> {
                String fileName = file.getFileName().toString();
                Path template = file.resolveSibling(fileName.replaceFirst("(?i)\\.parameters\\.json$", ".json"));
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.NOTE, root.location(),
                        !template.equals(file) && Files.isRegularFile(template)
                                ? "parameters file of " + template.getFileName() + ": applied to it, not linted on its own"
                                : "parameters file: not linted on its own (pass it with --parameters)"));
                return false;
            }
            default -> {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.NOTE, root.location(),
                        "skipped: not an ARM template, parameters file or Azure resource export"));
                return false;
            }
        }
        return true;
    }

    private void expandTemplate(String name, JObject template, Map<String, JNode> parameters, ModelBuilder builder,
            List<LoadDiagnostic> diagnostics) {
        ExpansionResult result = expander.expand(name, template, parameters);
        result.resources().forEach(builder::add);
        result.gaps().forEach(builder::addGap);
        diagnostics.addAll(result.diagnostics());
    }

    private Map<String, JNode> parameterValues(Path template, Path explicit, List<LoadDiagnostic> diagnostics) {
        Optional<Path> file = explicit != null ? Optional.of(explicit) : ParameterFiles.besides(template);
        if (file.isEmpty()) {
            return Map.of();
        }
        String name = display(file.get());
        try {
            JNode root = reader.read(file.get(), name);
            if (root instanceof JObject o && o.getOrNull("parameters") instanceof JObject ps) {
                return ParameterFiles.values(ps);
            }
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, root.location(),
                    "not a parameters file: it has no 'parameters' object"));
        } catch (TemplateLoadException e) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(e.file(), e.line(), e.column()), e.errorMessage()));
        }
        return Map.of();
    }

    /** Files in a stable order: as given, folders walked and sorted. */
    private static List<Path> expand(List<Path> inputs, List<LoadDiagnostic> diagnostics) {
        List<Path> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                            SourceLocation.caret(display(input), 1, 1), "cannot read folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(input)) {
                out.add(input);
            } else {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, SourceLocation.caret(display(input), 1, 1),
                        "no such file or folder"));
            }
        }
        return out;
    }

    /** How a file is named in messages: relative to the working directory when it lies below it. */
    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
    }
}
