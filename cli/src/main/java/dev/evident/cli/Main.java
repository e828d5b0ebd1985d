package dev.evident.cli;

import picocli.CommandLine;

/** Entry point of the {@code evident} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams, for tests. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(out, err, System.getenv(), System.in, args);
    }

    /** Runs the command line with the given streams and environment, for tests. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, java.util.Map<String, String> environment,
                          java.io.InputStream in, String... args) {
        CommandLine cmd = new CommandLine(new EvidentCommand(environment, in));
        String named = args.length > 0 ? args[0] : "";
        boolean one = EvidentCommand.SUBCOMMANDS.stream().anyMatch(c -> commandName(c).equals(named));
        for (Class<?> subcommand : EvidentCommand.SUBCOMMANDS) {
            if (!one || commandName(subcommand).equals(named)) {
                cmd.addSubcommand(subcommand);
            }
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cmd.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cmd.execute(args);
    }

    private static String commandName(Class<?> command) {
        return command.getAnnotation(CommandLine.Command.class).name();
    }
}
