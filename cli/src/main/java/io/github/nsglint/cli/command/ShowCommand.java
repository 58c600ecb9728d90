package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.topology.Topology;
import io.github.nsglint.report.model.ModelJsonWriter;
import java.io.PrintWriter;
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
        LoadResult result = new ModelLoader().load(input.paths, input.parameters);
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
}
