package io.github.nsglint.cli.command;

import io.github.nsglint.core.config.ConfigurationLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, for the commands that lint. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (default: "
            + ConfigurationLoader.FILE_NAME + " in the folder of the first PATH or the nearest parent that has one).")
    Path file;
}
