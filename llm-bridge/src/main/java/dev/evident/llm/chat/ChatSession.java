package dev.evident.llm.chat;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-eval-print loop of {@code evident chat}, in the manner of pprof's interactive mode: one
 * line in, one answer out. Offline commands read the report; any other line is a question for the
 * model, when one is configured. Reads any stream, so scripts can pipe commands in; the prompt is
 * printed only for a person at a terminal.
 */
public final class ChatSession {
    private final Report report;
    private final OfflineCommands commands;
    private final Conversation conversation;
    private final String noModel;

    /**
     * @param conversation the model conversation, or {@code null} when no model is configured
     * @param noModel      what to tell the user about questions when there is no model
     */
    public ChatSession(Report report, EvidenceSet evidence, Conversation conversation, String noModel) {
        this.report = report;
        this.commands = new OfflineCommands(report, evidence);
        this.conversation = conversation;
        this.noModel = noModel;
    }

    public void run(BufferedReader in, PrintWriter out, boolean interactive) throws IOException {
        out.println("evident chat: " + report.findings().size() + " finding(s), " + report.evidence().size()
                + " evidence item(s). " + (conversation == null ? "No model configured: offline commands only. "
                : "Questions go to the model. ") + "Type help for the commands.");
        out.flush();
        while (true) {
            if (interactive) {
                out.print("evident> ");
                out.flush();
            }
            String raw = in.readLine();
            if (raw == null) {
                break;
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String word = line.toLowerCase(Locale.ROOT);
            if (word.equals("quit") || word.equals("exit") || word.equals("q")) {
                break;
            }
            if (!interactive) {
                out.println("evident> " + line);
            }
            Optional<String> offline = commands.run(line);
            out.println(offline.orElseGet(() -> ask(line)).stripTrailing());
            out.println();
            out.flush();
        }
        out.flush();
    }

    private String ask(String question) {
        if (conversation == null) {
            return noModel + "\n";
        }
        Conversation.Reply reply = conversation.ask(question);
        StringBuilder out = new StringBuilder();
        if (reply.note() != null) {
            out.append(reply.note()).append('\n');
        }
        if (!reply.supported().isEmpty()) {
            out.append("Model answer (every id and number checked against the evidence):\n");
            for (Narrative.Claim c : reply.supported()) {
                out.append("  - ").append(c.text().strip()).append(" [").append(String.join(", ", c.citations()))
                        .append("]\n");
            }
        }
        if (!reply.unsupported().isEmpty()) {
            out.append("Unsupported by the evidence (not shown as fact):\n");
            for (Narrative.Claim c : reply.unsupported()) {
                out.append("  - \"").append(c.text().strip()).append("\" — ").append(String.join("; ", c.problems()))
                        .append('\n');
            }
        }
        return out.toString();
    }
}
