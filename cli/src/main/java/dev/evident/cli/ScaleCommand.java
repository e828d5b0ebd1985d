package dev.evident.cli;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.scale.ScaleAnalysis;
import dev.evident.core.scale.ScaleAnalyzer;
import dev.evident.core.scale.ScaleJson;
import dev.evident.core.scale.ScaleMarkdown;
import dev.evident.core.scale.ScaleRun;
import dev.evident.ingest.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code evident scale}: how does the cost grow with the input size? */
@Command(name = "scale",
        mixinStandardHelpOptions = true,
        description = {"Fits cost ∝ n^k to runs at different input sizes and names the complexity class.",
                "Sizes come from a manifest (scale.csv: n,repetitions,file), from n=SIZE in file names, or from the",
                "'n' parameter of hyperfine (--parameter-scan n ...) and JMH (@Param n) results.",
                "With profiles, every method is fitted and the fastest-growing one is named."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysis written", "2:usage error or bad manifest", "3:nothing could be read"})
final class ScaleCommand implements Callable<Integer> {
    static final String MANIFEST = "scale.csv";
    private static final Pattern SIZE_IN_NAME = Pattern.compile("(?:^|[^A-Za-z])n=(\\d+(?:\\.\\d+)?)(k|m)?",
            Pattern.CASE_INSENSITIVE);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Runs: files or directories (a directory may hold scale.csv).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--at", paramLabel = "N", description = "Extrapolate every cost to input size N.")
    Double at;

    @Option(names = {"-f", "--format"}, defaultValue = "md", paramLabel = "FORMAT", description = "md (default) or json.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("md") && !format.equals("markdown") && !format.equals("json")) {
            err.println("unknown --format '" + format + "'; use md or json");
            return ExitCodes.USAGE;
        }
        if (at != null && !(at > 0)) {
            err.println("--at takes a positive size, got " + at);
            return ExitCodes.USAGE;
        }
        Ingest ingest = new Ingest();
        List<ScaleRun> runs = new ArrayList<>();
        try {
            for (Path input : inputs) {
                collect(input, ingest, runs, err);
            }
        } catch (IllegalArgumentException e) {
            err.println("evident: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (runs.stream().allMatch(r -> r.evidence().artifacts().isEmpty())) {
            err.println("evident: none of the inputs could be read");
            return ExitCodes.NO_READABLE_ARTIFACT;
        }
        ScaleAnalysis analysis = ScaleAnalyzer.analyze(runs, at == null ? Double.NaN : at);
        Outputs.write(output, spec.commandLine().getOut(), out -> {
            if (format.equals("json")) {
                ScaleJson.render(analysis, out);
            } else {
                ScaleMarkdown.render(analysis, out);
            }
        });
        err.flush();
        return ExitCodes.OK;
    }

    private static void collect(Path input, Ingest ingest, List<ScaleRun> runs, PrintWriter err) throws IOException {
        if (Files.isDirectory(input) && Files.isRegularFile(input.resolve(MANIFEST))) {
            runs.addAll(manifest(input, ingest, err));
            return;
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !p.getFileName().toString().equals(MANIFEST)).sorted().forEach(files::add);
            }
        } else {
            files.add(input);
        }
        for (Path f : files) {
            runs.add(new ScaleRun(sizeFromName(f.getFileName().toString()), 1, f.toString(), read(ingest, f, err)));
        }
    }

    /** {@code n,repetitions,file} rows; repetitions may be left out (1). */
    static List<ScaleRun> manifest(Path dir, Ingest ingest, PrintWriter err) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(MANIFEST));
        List<ScaleRun> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("n,"))) {
                continue;
            }
            String[] f = line.split(",");
            String where = dir.resolve(MANIFEST) + " line " + (i + 1);
            if (f.length != 2 && f.length != 3) {
                throw new IllegalArgumentException(where + ": expected 'n,repetitions,file' or 'n,file', found '" + line + "'");
            }
            double n;
            double reps = 1;
            try {
                n = Double.parseDouble(f[0].strip());
                if (f.length == 3) {
                    reps = Double.parseDouble(f[1].strip());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": expected numbers for n and repetitions, found '" + line + "'");
            }
            if (!(n > 0) || !(reps > 0)) {
                throw new IllegalArgumentException(where + ": n and repetitions must be positive");
            }
            Path file = dir.resolve(f[f.length - 1].strip());
            runs.add(new ScaleRun(n, reps, file.toString(), read(ingest, file, err)));
        }
        return runs;
    }

    private static EvidenceSet read(Ingest ingest, Path file, PrintWriter err) {
        EvidenceSet e = ingest.read(List.of(file));
        e.skipped().forEach(s -> err.println("evident: skipped " + s.path() + ": " + s.reason()));
        return e;
    }

    /** "cpu-n=4000.collapsed" -> 4000, "run_n=64k.json" -> 64000; NaN when the name has none. */
    static double sizeFromName(String name) {
        Matcher m = SIZE_IN_NAME.matcher(name);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        if (m.group(2) != null) {
            v *= m.group(2).equalsIgnoreCase("k") ? 1e3 : 1e6;
        }
        return v;
    }
}
