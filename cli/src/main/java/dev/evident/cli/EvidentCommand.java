package dev.evident.cli;

import dev.evident.core.Version;
import picocli.CommandLine.Command;

/** The top-level command; the work happens in its subcommands. */
@Command(name = "evident",
        mixinStandardHelpOptions = true,
        versionProvider = EvidentCommand.VersionProvider.class,
        description = "Turns performance artifacts (JFR recordings, collapsed stacks, ...) into an evidence-based diagnosis.",
        subcommands = {AnalyzeCommand.class, CompareCommand.class, ScaleCommand.class})
final class EvidentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"evident " + Version.VERSION};
        }
    }
}
