package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.topology.Topology;
import io.github.nsglint.report.model.ModelJsonWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nsglint show FILE...}: the network model the linter sees, as JSON on standard output. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print the network model the linter sees, as JSON: VNets, subnets and their NSGs, NSGs with"
                + " normalised rules, NICs, peerings, Bastion hosts with their targets, and every Unknown value"
                + " with its reason.",
            "Errors and notes about the input go to standard error as file:line:column: level: message."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was shown", "2:a file could not be read (the others are still shown)"})
public final class ShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Override
    public Integer call() throws Exception {
        ModelLoader loader = new ModelLoader();
        LoadResult result = whole(loader, loader.load(input.paths, input.parameters));
        Topology topology = Topology.of(result.model(), input.targets());
        PrintWriter out = spec.commandLine().getOut();
        new ModelJsonWriter().write(result, topology, out);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (LoadDiagnostic d : result.diagnostics()) {
            err.println(d.display());
        }
        err.flush();
        return result.hasErrors() ? ExitCode.BAD_INPUT.code() : ExitCode.OK.code();
    }

    /**
     * Above {@link ModelLoader#STREAM_ABOVE_BYTES} the loader defers each network, to be read again when it is judged;
     * show prints the model, so it builds each deferred network and shows their union, never an empty model.
     */
    private LoadResult whole(ModelLoader loader, LoadResult result) {
        if (result.deferred().isEmpty()) {
            return result;
        }
        List<NetworkModel> models = new ArrayList<>();
        List<LoadDiagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        List<LoadResult.Component> components = new ArrayList<>();
        for (List<Path> network : result.deferred()) {
            LoadResult.Built built = loader.build(network, input.parameters, Map.of());
            models.add(built.component().model());
            components.add(built.component());
            diagnostics.addAll(built.diagnostics());
        }
        return new LoadResult(NetworkModel.union(models), result.files(), diagnostics, result.suppressions(),
                components, List.of());
    }
}
