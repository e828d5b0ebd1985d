package dev.evident.llm.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The prompt texts, kept as resources beside this class so they read as prose and can be reviewed
 * on their own. The diagnosis prompt follows the product's task order: baseline and hypothesis,
 * bottleneck, quantified impact, implementation plan, validation.
 */
public final class Prompts {
    private Prompts() {
    }

    public static String diagnoseSystem() {
        return load("diagnose-system.txt");
    }

    public static String diagnoseUser(String packJson) {
        return load("diagnose-user.txt").replace("{{pack}}", packJson);
    }

    /** The correction request after a failed check: every problem, one per line. */
    public static String reprompt(List<String> problems) {
        StringBuilder lines = new StringBuilder();
        for (String p : problems) {
            lines.append("- ").append(p).append('\n');
        }
        return load("reprompt.txt").replace("{{problems}}", lines.toString().stripTrailing());
    }

    public static String chatSystem() {
        return load("chat-system.txt");
    }

    /** The first chat message: the pack, then the first question. */
    public static String chatFirstQuestion(String packJson, String question) {
        return load("chat-pack.txt").replace("{{pack}}", packJson) + "\nQuestion: " + question;
    }

    private static String load(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
