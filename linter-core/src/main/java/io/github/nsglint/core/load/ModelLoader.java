package io.github.nsglint.core.load;

import io.github.nsglint.core.files.FolderWalk;
import io.github.nsglint.core.internal.net.Sha256;
import io.github.nsglint.core.load.arm.ExpansionResult;
import io.github.nsglint.core.load.arm.ResourceInstance;
import io.github.nsglint.core.load.arm.TemplateExpander;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Loads files and folders into one network model. Folders are walked for {@code *.json}; each template is
 * paired with its parameters file ({@code --parameters}, else {@code X.parameters.json} beside {@code X.json});
 * parameters files on their own and JSON that is no template are noted and skipped. A file that cannot be
 * read is an error diagnostic; the other files still load.
 */
public final class ModelLoader {

    private final JsonReader reader = new JsonReader();
    private final boolean hashFiles;

    public ModelLoader() {
        this(true);
    }

    /** @param hashFiles whether to hash each file as it is read (its SHA-256 is empty otherwise) */
    public ModelLoader(boolean hashFiles) {
        this.hashFiles = hashFiles;
    }
    private final TemplateExpander expander = new TemplateExpander(ModelBuilder::isRelevant);

    /**
     * @param inputs     files and folders
     * @param parameters an explicit parameters file for the templates, or null to look beside each template
     */
    public LoadResult load(List<Path> inputs, Path parameters) {
        return load(inputs, parameters, LoadProgress.NONE);
    }

    /**
     * Loads the files in parallel (each file is read and expanded on its own) and builds the model from their
     * resources in input order, so the result and every message are the same whatever the thread count.
     */
    public LoadResult load(List<Path> inputs, Path parameters, LoadProgress progress) {
        return load(inputs, parameters, Map.of(), progress);
    }

    /**
     * As {@link #load(List, Path, LoadProgress)}, with parameters files for particular templates ({@code pairs},
     * keyed by absolute normalised path), which win over {@code parameters} and the convention.
     */
    public LoadResult load(List<Path> inputs, Path parameters, Map<Path, Path> pairs, LoadProgress progress) {
        return load(inputs, parameters, pairs, progress, AloneNetwork.NONE);
    }

    /**
     * As {@link #load(List, Path, Map, LoadProgress)}; for a big estate, {@code alone} is given the network of each
     * file that refers to nothing outside itself, as the file is read (most templates of an estate stand alone).
     */
    public LoadResult load(List<Path> inputs, Path parameters, Map<Path, Path> pairs, LoadProgress progress,
            AloneNetwork alone) {
        List<LoadDiagnostic> diagnostics = new ArrayList<>();
        List<Input> expanded = expand(inputs, diagnostics);
        List<Path> files = expanded.stream().flatMap(i -> i.files().stream()).toList();
        // A big estate is not held in memory whole: the files are read once to find the networks, and each
        // network is read again when it is judged (LoadResult.deferred), then dropped.
        boolean stream = totalBytes(files) > streamAboveBytes();
        AtomicInteger done = new AtomicInteger();
        List<FileLoad> loads = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> {
                    Path file = files.get(i);
                    FileLoad l = loadAlone(file, pairs.getOrDefault(file.toAbsolutePath().normalize(), parameters));
                    if (stream && l.links() != null && l.links().selfContained()) {
                        alone.built(file, model(List.of(l))); // saves reading it again, if it stays alone
                    }
                    progress.loaded(done.incrementAndGet(), files.size());
                    return stream ? l.linksOnly() : l;
                })
                .toList();
        List<LoadResult.LoadedFile> loaded = new ArrayList<>();
        Set<Path> linted = new HashSet<>();
        Set<Path> failed = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            FileLoad l = loads.get(i);
            if (l.diagnostics().stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR)) {
                failed.add(files.get(i));
            }
            diagnostics.addAll(l.diagnostics());
            if (l.linted()) {
                loaded.add(l.file());
                linted.add(files.get(i));
            }
        }
        for (Input in : expanded) {
            // A folder that gave nothing must not pass quietly; one whose files failed already said why.
            if (in.folder() && in.files().stream().noneMatch(f -> linted.contains(f) || failed.contains(f))) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, SourceLocation.caret(display(in.path()), 1, 1),
                        in.files().isEmpty() ? "no *.json file in this folder: nothing to lint"
                                : "no ARM template or Azure resource export among the " + in.files().size()
                                        + (in.files().size() == 1 ? " *.json file" : " *.json files")
                                        + " in this folder: nothing to lint"));
            }
        }
        if (loaded.isEmpty() && failed.isEmpty() && expanded.stream().noneMatch(Input::folder) && !files.isEmpty()) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(display(files.get(0)), 1, 1), "nothing to lint: no input is an ARM template"
                            + " or an Azure resource export"));
        }
        // One model per component (files that refer to each other), built in input order; the whole estate is
        // their union, for the reports.
        List<LoadResult.Component> components = new ArrayList<>();
        List<InlineSuppression> suppressions = new ArrayList<>();
        List<Components.Links> links = loads.stream().map(FileLoad::links).toList();
        if (stream) {
            List<List<Path>> deferred = new ArrayList<>();
            for (List<Integer> component : Components.of(links)) {
                deferred.add(component.stream().map(files::get).toList());
            }
            return new LoadResult(NetworkModel.EMPTY, loaded, diagnostics, List.of(), List.of(), deferred);
        }
        // Each network's model is built on its own (in parallel) and the results taken in component order.
        List<List<Integer>> parts = Components.of(links);
        List<LoadResult.Built> builtParts = IntStream.range(0, parts.size()).parallel()
                .mapToObj(k -> model(parts.get(k).stream().map(loads::get).toList()))
                .toList();
        for (LoadResult.Built built : builtParts) {
            diagnostics.addAll(built.diagnostics());
            suppressions.addAll(built.component().suppressions());
            components.add(built.component());
        }
        return new LoadResult(NetworkModel.union(components.stream().map(LoadResult.Component::model).toList()),
                loaded, diagnostics, suppressions, components, List.of());
    }

    /** Above this much input, networks are built one at a time when judged instead of all at once. */
    public static final long STREAM_ABOVE_BYTES = 32L * 1024 * 1024;

    /** {@link #STREAM_ABOVE_BYTES}, or the system property {@code nsglint.streamAboveBytes} (tests, tuning). */
    public static long streamAboveBytes() {
        return Long.getLong("nsglint.streamAboveBytes", STREAM_ABOVE_BYTES);
    }

    private static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        return total;
    }

    /**
     * Builds one deferred network: its files read and evaluated again, in input order. Their own diagnostics
     * were reported by {@link #load}; the model's (duplicate declarations, NSGs over Azure's limits) are here.
     */
    public LoadResult.Built build(List<Path> files, Path parameters, Map<Path, Path> pairs) {
        return model(files.stream()
                .map(file -> loadFile(file, pairs.getOrDefault(file.toAbsolutePath().normalize(), parameters), false))
                .toList());
    }

    /** One network's model from its files' resources, in order, and what building it had to say. */
    private static LoadResult.Built model(List<FileLoad> loads) {
        ModelBuilder builder = new ModelBuilder();
        for (FileLoad l : loads) {
            l.resources().forEach(builder::add);
            l.gaps().forEach(builder::addGap);
        }
        NetworkModel model = builder.build(); // before collecting its diagnostics: building adds some
        return new LoadResult.Built(new LoadResult.Component(model, builder.suppressions()), builder.diagnostics());
    }

    /** What one file gives; {@code linted} is false for files that are skipped or cannot be read. */
    private record FileLoad(boolean linted, LoadResult.LoadedFile file, List<ResourceInstance> resources,
            List<ModelGap> gaps, List<LoadDiagnostic> diagnostics, Components.Links links) {

        FileLoad(boolean linted, LoadResult.LoadedFile file, List<ResourceInstance> resources, List<ModelGap> gaps,
                List<LoadDiagnostic> diagnostics, boolean withLinks) {
            this(linted, file, resources, gaps, diagnostics,
                    !withLinks || resources.isEmpty() && gaps.isEmpty() ? null : Components.links(resources));
        }

        /** The same without the evaluated resources, which hold the file's whole tree. */
        FileLoad linksOnly() {
            return new FileLoad(linted, file, List.of(), List.of(), diagnostics, links);
        }
    }

    /** One input path, and the files it stands for (a folder: every *.json below it, sorted). */
    private record Input(Path path, boolean folder, List<Path> files) {
    }

    /**
     * Reads and evaluates one file. {@code firstRead} is false when a deferred network is built again: then the
     * file's hash and links, found by the first read, are not computed twice.
     */
    private FileLoad loadFile(Path file, Path explicitParameters, boolean firstRead) {
        List<ResourceInstance> resources = new ArrayList<>();
        List<ModelGap> gaps = new ArrayList<>();
        List<LoadDiagnostic> diagnostics = new ArrayList<>();
        String name = display(file);
        JNode root;
        LoadResult.LoadedFile loaded;
        String notJson = NotArmJson.why(file);
        if (notJson != null) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, SourceLocation.caret(name, 1, 1), notJson));
            return new FileLoad(false, null, resources, gaps, diagnostics, firstRead);
        }
        try {
            byte[] bytes = JsonReader.bytes(file, name);
            loaded = new LoadResult.LoadedFile(name, bytes.length, firstRead && hashFiles ? sha256(bytes) : "");
            root = reader.read(bytes, name, e -> diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(e.file(), e.line(), e.column()), e.errorMessage())));
        } catch (TemplateLoadException e) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(e.file(), e.line(), e.column()), e.errorMessage()));
            return new FileLoad(false, null, resources, gaps, diagnostics, firstRead);
        }
        boolean linted = loadFile(file, name, root, explicitParameters, resources, gaps, diagnostics);
        return new FileLoad(linted, loaded, resources, gaps, diagnostics, firstRead);
    }

    /**
     * Loads one file so that it fails alone. Every input is bounded before memory is spent on it (the file size, the
     * evaluation budget), so running out of memory here is a last resort: the file's partial tree is dropped, which
     * frees what it took, and the file is a located error while the others are still linted and reported.
     */
    private FileLoad loadAlone(Path file, Path parameters) {
        try {
            return loadFile(file, parameters, true);
        } catch (OutOfMemoryError e) {
            return new FileLoad(false, null, List.of(), List.of(), List.of(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(display(file), 1, 1), "ran out of memory reading this file ("
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap, shared with the other"
                            + " files read at the same time); nothing of it is judged")), true);
        }
    }

    /** Hashed here, on the loading threads, as the file is read: the report names each file's SHA-256. */
    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.of(bytes));
    }

    private boolean loadFile(Path file, String name, JNode root, Path explicitParameters,
            List<ResourceInstance> resources, List<ModelGap> gaps, List<LoadDiagnostic> diagnostics) {
        switch (InputKind.of(root)) {
            case TEMPLATE -> expandTemplate(name, (JObject) root, parameterValues(file, explicitParameters, diagnostics),
                    resources, gaps, diagnostics);
            case DEPLOYMENT_REQUEST -> {
                JObject props = (JObject) ((JObject) root).getOrNull("properties");
                Map<String, JNode> values = new LinkedHashMap<>(parameterValues(file, explicitParameters, diagnostics));
                props.object("parameters").ifPresent(ps -> values.putAll(ParameterFiles.values(ps)));
                expandTemplate(name, (JObject) props.getOrNull("template"), values, resources, gaps, diagnostics);
            }
            case LIVE_RESOURCES -> resources.addAll(LiveResources.read(root, diagnostics));
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

    private void expandTemplate(String name, JObject template, Map<String, JNode> parameters,
            List<ResourceInstance> resources, List<ModelGap> gaps, List<LoadDiagnostic> diagnostics) {
        ExpansionResult result = expander.expand(name, template, parameters);
        resources.addAll(result.resources());
        gaps.addAll(result.gaps());
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

    /** Inputs with their files in a stable order: as given, folders walked and sorted. */
    private static List<Input> expand(List<Path> inputs, List<LoadDiagnostic> diagnostics) {
        List<Input> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                FolderWalk.Result walk = FolderWalk.of(input, ".json");
                for (FolderWalk.Problem p : walk.problems()) {
                    diagnostics.add(new LoadDiagnostic(p.error() ? LoadDiagnostic.Level.ERROR : LoadDiagnostic.Level.NOTE,
                            SourceLocation.caret(display(p.path()), 1, 1), p.message()));
                }
                out.add(new Input(input, true, walk.files()));
            } else if (Files.isRegularFile(input)) {
                out.add(new Input(input, false, List.of(input)));
            } else {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, SourceLocation.caret(display(input), 1, 1),
                        Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)
                                ? "broken link: its target does not exist"
                                : Files.exists(input) ? "not a file or folder" : "no such file or folder"));
            }
        }
        return out;
    }

    /** Builds what every loader shares (the template functions), so a later first load need not. */
    public static void prepare() {
        TemplateExpander.prepare();
    }

    /** How a file is named in messages: relative to the working directory when it lies below it. */
    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
    }
}
