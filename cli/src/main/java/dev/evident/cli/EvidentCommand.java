package dev.evident.cli;

import dev.evident.core.Version;
import picocli.CommandLine.Command;

/**
 * The top-level command; the work happens in its subcommands. They are registered by {@link Main},
 * which builds only the one a run names: picocli reads each command's annotations by reflection when it
 * is registered, and that is a tenth of a second on every run for the subcommands it would not use.
 */
@Command(name = "evident",
        mixinStandardHelpOptions = true,
        versionProvider = EvidentCommand.VersionProvider.class,
        description = "Turns performance artifacts (JFR recordings, collapsed stacks, ...) into an evidence-based diagnosis.")
final class EvidentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final java.util.Map<String, String> environment;
    private final java.io.InputStream input;

    EvidentCommand() {
        this(System.getenv(), System.in);
    }

    /** With the environment (LLM configuration and keys) and standard input given, for tests. */
    EvidentCommand(java.util.Map<String, String> environment, java.io.InputStream input) {
        this.environment = java.util.Map.copyOf(environment);
        this.input = input;
    }

    /** The subcommands, in the order the usage help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(AnalyzeCommand.class, CompareCommand.class,
            ScaleCommand.class, ChatCommand.class);

    java.util.Map<String, String> environment() {
        return environment;
    }

    java.io.InputStream input() {
        return input;
    }

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
