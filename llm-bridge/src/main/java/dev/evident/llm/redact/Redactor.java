package dev.evident.llm.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Replaces private values in text with stable placeholders before anything is sent to a model.
 *
 * <p>This is the second line of defence. The first is structural: the evidence pack is built only
 * from evident's normalized model (findings and evidence statements), which never holds a JFR
 * recording's environment variables, system properties or command line. The rules below catch
 * such values anyway, wherever they end up in text: exact known secrets, secret-looking
 * assignments and tokens, command lines and JVM options, environment assignments, SQL literals,
 * e-mail addresses, user names, IP addresses and host names, and long random-looking strings.
 * The table is documented in {@code docs/llm.md}; order matters (earlier rules swallow what later
 * ones would split, e.g. a SQL literal holding an e-mail address).
 */
public final class Redactor {
    private static final Pattern SQL_CONTEXT =
            Pattern.compile("(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\b.*\\bset|delete\\s+from)\\b");
    /** The word a secret's name ends with: aws_secret_access_key, db.password, GITHUB_TOKEN, client_secret. */
    private static final String SECRET_WORD =
            "(?:secret|passw(?:or)?d|passphrase|pwd|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)s?";
    private static final String VALUE = "(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)";
    private static final String TLDS =
            "com|net|org|io|dev|app|cloud|internal|local|lan|corp|intra|ai|co|us|uk|de|fr|eu|nl|jp|cn|ru|br|au|ca";

    private final List<Rule> rules;

    private Redactor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule: the default. */
    public static Redactor standard(RedactionContext context) {
        List<Rule> rules = new ArrayList<>(exactSecrets(context));
        rules.add(Rule.of("SECRET", "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----", 0));
        rules.add(Rule.of("SECRET", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0));
        rules.add(Rule.of("SECRET", "\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}", 0));
        rules.add(Rule.of("SECRET", "\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,})", 0));
        rules.add(Rule.of("SECRET", "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", 0));
        rules.add(Rule.of("SECRET", "(?i)\\b(?:bearer|basic)\\s+([A-Za-z0-9._~+/-]{12,}=*)", 1));
        // NAME=value and name: value where the name ends in a secret word. For "name: value" the name
        // must be a property key (lower case) or an environment name (upper case): evident writes
        // "CustomerLookup.getToken: 45% of CPU samples", and that is no secret.
        rules.add(Rule.of("SECRET", "(?<![\\w./-])([\\w.-]*(?i:" + SECRET_WORD + "))(\\s*=\\s*)" + VALUE, 3)
                .accepting(Redactor::notAnAuthScheme));
        rules.add(Rule.of("SECRET", "(?<![\\w./-])([a-z0-9_.-]*" + SECRET_WORD + "|[A-Z0-9_.-]*"
                + SECRET_WORD.toUpperCase(Locale.ROOT) + "|(?i:x-api-key|api-key))(\"?\\s*:\\s*\"?)" + VALUE, 3)
                .accepting(Redactor::notAnAuthScheme));
        rules.add(Rule.of("SECRET", "\\b[a-zA-Z][a-zA-Z0-9+.-]*://([^/\\s:@{}]+:[^/\\s@{}]+)@", 1));
        // JFR's jdk.JVMInformation and the sun.java.command property: the whole command line.
        rules.add(Rule.of("CMDLINE",
                "(?i)\\b(?:jvm ?arguments|java ?arguments|jvm ?flags|command ?line|sun\\.java\\.command)\\s*[:=]\\s*\"?([^\"\\n]+?)(?=\"|;\\s|\\n|$)", 1));
        rules.add(Rule.of("JVM_ARG", "(?<![\\w-])-D[\\w.\\-]+=(\"[^\"]*\"|\\S+)", 1));
        rules.add(Rule.of("JVM_ARG", "(?<![\\w-])-(?:javaagent|agentpath|agentlib):(\\S+)", 1));
        rules.add(Rule.of("JVM_ARG", "(?<![\\w-])(?:-cp|-classpath|--class-path)\\s+(\\S+)", 1));
        // JFR's jdk.InitialSystemProperty, printed as dotted.key=value (the value up to the first blank).
        rules.add(Rule.of("PROPERTY", "(?<![\\w.-])[a-z][\\w-]*(?:\\.[\\w-]+)+=(\"[^\"]*\"|[^\\s;,]+)", 1));
        // JFR's jdk.InitialEnvironmentVariable, printed as NAME=value.
        rules.add(Rule.of("ENV", "(?<![\\w.-])[A-Z][A-Z0-9_]{2,}=(\"[^\"]*\"|'[^']*'|\\S+)", 1));
        // two characters or more, not starting with a backslash: Java char literals (',', '\\n') in fix examples stay
        rules.add(Rule.of("SQL_LITERAL", "(?<![\\p{L}\\p{N}'])'(?!\\\\)(?:[^'\\n]|''){2,}'(?![\\p{L}\\p{N}])", 0));
        rules.add(Rule.of("SQL_LITERAL", "(?i)\\b(?:in|values)\\s*\\(([-\\d.,\\s]*\\d[-\\d.,\\s]*)\\)", 1).when(Redactor::looksLikeSql));
        rules.add(Rule.of("SQL_LITERAL", "(?:=|<>|!=|<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.%])", 1).when(Redactor::looksLikeSql));
        rules.add(Rule.of("SQL_LITERAL", "(?i)\\bbetween\\s+(-?\\d+(?:\\.\\d+)?\\s+and\\s+-?\\d+(?:\\.\\d+)?)", 1).when(Redactor::looksLikeSql));
        rules.add(Rule.of("EMAIL", "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", 0));
        rules.add(Rule.of("USER", "(?:/home/|/Users/|/export/home/|[A-Za-z]:[\\\\/]Users[\\\\/])([^/\\\\\\s{}]+)", 1));
        rules.add(Rule.of("USER", "(?i)(?<![\\w.-])(?:user|username|user\\.name|login|owner)\\s*[=:]\\s*([\\w.-]+)", 1));
        for (String user : context.userNames()) {
            rules.add(Rule.of("USER", "(?<![\\w.-])" + Pattern.quote(user) + "(?![\\w-])", 0));
        }
        rules.add(Rule.of("IP",
                "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\d|\\.\\d)", 0)
                .accepting(ip -> !ip.startsWith("127.") && !ip.equals("0.0.0.0")));
        rules.add(Rule.of("IP", "(?<![\\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\\w:])", 0));
        rules.add(Rule.of("IP",
                "(?<![\\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\\w:])", 0));
        for (String host : context.hostNames()) {
            rules.add(Rule.of("HOST", "(?<![\\w-])" + Pattern.quote(host) + "(?![\\w-])", 0));
        }
        rules.add(Rule.of("HOST", "\\b(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)", 1)
                .accepting(host -> !host.equalsIgnoreCase("localhost")));
        rules.add(Rule.of("HOST", "(?i)(?<![\\w.-])host(?:name)?\\s*[=:]\\s*([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)", 1)
                .accepting(host -> !host.equalsIgnoreCase("localhost")));
        rules.add(Rule.of("HOST",
                "(?<![\\w.@/-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:" + TLDS + "))(?![\\w-]|\\.[\\w-])", 1));
        rules.add(Rule.of("SECRET", "(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{32,}(?![A-Za-z0-9+/=_-])", 0)
                .accepting(Redactor::looksRandom));
        return new Redactor(rules);
    }

    /**
     * {@code --no-redact}: the pattern rules are off, but exact known secrets (the API key, this
     * process's secret environment values) are still removed, because a credential must never be
     * sent whatever the user chose.
     */
    public static Redactor secretsOnly(RedactionContext context) {
        return new Redactor(exactSecrets(context));
    }

    public String redact(String text, RedactionMap map) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String current = text;
        for (Rule rule : rules) {
            current = rule.apply(current, map);
        }
        return current;
    }

    private static List<Rule> exactSecrets(RedactionContext context) {
        List<Rule> rules = new ArrayList<>();
        // Longest first, so a secret that contains another is replaced whole.
        context.secrets().stream().sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                .forEach(s -> rules.add(Rule.of("SECRET", Pattern.quote(s), 0)));
        return rules;
    }

    private static boolean notAnAuthScheme(String value) {
        return !value.equalsIgnoreCase("bearer") && !value.equalsIgnoreCase("basic");
    }

    static boolean looksLikeSql(String text) {
        return SQL_CONTEXT.matcher(text).find();
    }

    /**
     * A long token that mixes upper case, lower case and digits with high character entropy:
     * access keys and tokens look like this, identifiers and paths rarely do.
     */
    static boolean looksRandom(String token) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
            if (c < 128) {
                counts[c]++;
            }
        }
        if (!(upper && lower && digit)) {
            return false;
        }
        double entropy = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / token.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy >= 4.0 && !token.toLowerCase(Locale.ROOT).startsWith("http");
    }
}
