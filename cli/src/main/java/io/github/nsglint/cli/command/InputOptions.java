package io.github.nsglint.cli.command;

import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of the commands that read templates: paths, parameters file, Bastion target mode, verbosity. */
public final class InputOptions {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files, resource exports or folders"
            + " (folders: every *.json, recursively); - reads one template from standard input.")
    List<Path> paths;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "ARM parameters file (default: X.parameters.json beside each X.json).")
    Path parameters;

    @Option(names = "--all-subnets", description = "Count every subnet in reach as a Bastion target, not only"
            + " subnets with a NIC.")
    boolean allSubnets;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    boolean verbose;

    TargetMode targets() {
        return allSubnets ? TargetMode.ALL_SUBNETS : TargetMode.SUBNETS_WITH_NICS;
    }
}
