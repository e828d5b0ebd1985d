package dev.evident.llm.redact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the redactor knows about the machine it runs on: exact secret values (the API key, and the
 * values of this process's environment variables whose names say they are secrets), the local user
 * name and host names. Profiles are often recorded on the same machine that analyzes them, so
 * these values are the likeliest to turn up in the evidence.
 *
 * @param secrets   exact values to replace wherever they appear
 * @param userNames user names to replace as whole words
 * @param hostNames host names to replace as whole words
 */
public record RedactionContext(Set<String> secrets, Set<String> userNames, Set<String> hostNames) {

    /** Environment variable names whose values are treated as secrets. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(secret|passw(or)?d|pwd|token|api_?key|access_?key|private_?key|credential|auth).*");
    /** Shorter values are too likely to be ordinary words or numbers. */
    private static final int MIN_SECRET_LENGTH = 8;
    /** Account names that name no one; replacing them would only damage the text. */
    private static final Set<String> COMMON_ACCOUNTS =
            Set.of("root", "user", "main", "java", "test", "admin", "ubuntu", "debian", "app", "nobody", "runner");

    public RedactionContext {
        secrets = Set.copyOf(new TreeSet<>(secrets));
        userNames = Set.copyOf(new TreeSet<>(userNames));
        hostNames = Set.copyOf(new TreeSet<>(hostNames));
    }

    public static RedactionContext none() {
        return new RedactionContext(Set.of(), Set.of(), Set.of());
    }

    /**
     * The context of this machine: secret-looking environment values, {@code user.name}, and the
     * host name from {@code HOSTNAME} or {@code /etc/hostname} (no DNS lookup, which can hang).
     *
     * @param extraSecrets values that must never be sent, such as the configured API key
     */
    public static RedactionContext of(Map<String, String> environment, String userName, Set<String> extraSecrets) {
        Set<String> secrets = new LinkedHashSet<>();
        environment.forEach((name, value) -> {
            if (value != null && value.length() >= MIN_SECRET_LENGTH && SECRET_NAME.matcher(name).matches()) {
                secrets.add(value);
            }
        });
        for (String s : extraSecrets) {
            if (s != null && !s.isBlank()) {
                secrets.add(s);
            }
        }
        Set<String> users = new LinkedHashSet<>();
        if (userName != null && userName.length() >= 3 && !COMMON_ACCOUNTS.contains(userName.toLowerCase(Locale.ROOT))) {
            users.add(userName);
        }
        Set<String> hosts = new LinkedHashSet<>();
        addHost(hosts, environment.get("HOSTNAME"));
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                addHost(hosts, Files.readString(etc).strip());
            }
        } catch (IOException | RuntimeException e) {
            // no host name to add: the pattern rules still apply
        }
        return new RedactionContext(secrets, users, hosts);
    }

    private static void addHost(Set<String> hosts, String name) {
        if (name != null && name.length() >= 3 && !name.equalsIgnoreCase("localhost")) {
            hosts.add(name);
            int dot = name.indexOf('.');
            if (dot >= 3) {
                hosts.add(name.substring(0, dot));
            }
        }
    }
}
