package dev.evident.llm;

import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;
import dev.evident.llm.chat.Conversation;
import dev.evident.llm.client.LlmSettings;
import dev.evident.llm.client.ModelClient;
import dev.evident.llm.client.ChatModels;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.pack.Incident;
import dev.evident.llm.pack.PackBuilder;
import dev.evident.llm.redact.RedactionContext;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The module's entry point: everything the command line needs, built from one configuration.
 * Each call builds its own evidence pack and placeholder map, so nothing is shared between runs.
 */
public final class LlmBridge {
    private final LlmSettings settings;
    private final RedactionContext context;
    private final ModelClient client;
    private final Consumer<String> progress;

    LlmBridge(LlmSettings settings, RedactionContext context, ModelClient client, Consumer<String> progress) {
        this.settings = settings;
        this.context = context;
        this.client = client;
        this.progress = progress;
    }

    /**
     * @param environment the process environment: its secret-looking values are redacted wherever
     *                    they appear, as is the API key
     * @param progress    receives one-line progress messages (the command line prints them on stderr)
     */
    public static LlmBridge create(LlmSettings settings, Map<String, String> environment, Consumer<String> progress) {
        return create(settings, environment, progress, Thread::sleep);
    }

    /** As {@link #create(LlmSettings, Map, Consumer)}, with the wait between retries replaceable (tests). */
    public static LlmBridge create(LlmSettings settings, Map<String, String> environment, Consumer<String> progress,
                                   ModelClient.Sleeper sleeper) {
        String key = settings.apiKey() == null ? null : settings.apiKey().reveal();
        RedactionContext context = RedactionContext.of(environment, System.getProperty("user.name"),
                key == null ? Set.of() : Set.of(key));
        ModelClient client = new ModelClient(ChatModels.create(settings, null, key), settings, sleeper, progress);
        return new LlmBridge(settings, context, client, progress);
    }

    public LlmSettings settings() {
        return settings;
    }

    /** The pack for a report, with the placeholder map that can restore its redacted values. */
    public Prepared prepare(Report report, Incident incident) {
        RedactionMap redactions = new RedactionMap();
        EvidencePack pack = PackBuilder.standard(settings.budgetTokens(), redactor()).build(report, incident, redactions);
        return new Prepared(pack, redactions);
    }

    /** The narrative for a report: verified, rejected, declined or unavailable; never throws. */
    public Narrative narrate(Report report, Incident incident) {
        Prepared prepared = prepare(report, incident);
        progress.accept("asking " + settings.author() + " for a narrative (evidence pack of about "
                + prepared.pack().estimatedTokens() + " tokens, " + prepared.pack().ids().size() + " citable ids"
                + (prepared.pack().omitted().count() > 0 ? ", " + prepared.pack().omitted().count() + " items cut" : "")
                + ")");
        return new Narrator(client, settings.author(), progress).narrate(report, prepared.pack(), prepared.redactions());
    }

    /** The exact request a narration would send first; nothing is sent. */
    public String showPrompt(Report report, Incident incident) {
        if (report.findings().isEmpty()) {
            return "evident found nothing to explain, so no request would be sent.\n";
        }
        return PromptPreview.render(settings, prepare(report, incident).pack());
    }

    /** A chat over the report's evidence: each question goes to the model with the pack and the history. */
    public Conversation conversation(Report report, Incident incident) {
        Prepared prepared = prepare(report, incident);
        return new Conversation(client, prepared.pack(), prepared.redactions(), redactor());
    }

    private Redactor redactor() {
        return settings.redact() ? Redactor.standard(context) : Redactor.secretsOnly(context);
    }

    /** An evidence pack and its placeholder map. */
    public record Prepared(EvidencePack pack, RedactionMap redactions) {
    }
}
