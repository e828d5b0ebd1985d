package dev.evident.core.render;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML building blocks for the report: escaping, evidence links and code blocks with copy buttons. */
final class Html {
    /** Evidence, finding and plan ids as they appear in running text: E12, F3, P1. */
    private static final Pattern ID = Pattern.compile("\\b([EFP][1-9][0-9]*)\\b");
    private static final Pattern FENCE = Pattern.compile("(?m)^```([a-zA-Z0-9_+-]*)\\s*$");

    private Html() {
    }

    /** Text safe inside elements and double-quoted attributes: artifacts carry any characters. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escaped text in which ids (E3, F1, P2) link to their rows. */
    static String linkIds(String text) {
        Matcher m = ID.matcher(escape(text));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "<a class=\"ev\" href=\"#" + m.group(1) + "\">" + m.group(1) + "</a>");
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Comma-separated links to ids. */
    static String links(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append(b.length() == 0 ? "" : ", ").append("<a class=\"ev\" href=\"#").append(escape(id)).append("\">")
                    .append(escape(id)).append("</a>");
        }
        return b.toString();
    }

    /** A code block with a copy button. */
    static void code(String code, String language, Appendable out) throws IOException {
        out.append("<div class=\"code\"><button class=\"copy\" type=\"button\">Copy</button><pre><code class=\"language-")
                .append(escape(language)).append("\">").append(escape(code.strip())).append("</code></pre></div>\n");
    }

    /**
     * Text that may hold Markdown code fences (catalog examples do): paragraphs for the text, code
     * blocks for the fenced parts. Text without a fence that looks like SQL is one SQL block.
     */
    static void textWithCode(String text, Appendable out) throws IOException {
        Matcher m = FENCE.matcher(text);
        int at = 0;
        String openLanguage = null;
        int codeStart = 0;
        while (m.find()) {
            if (openLanguage == null) {
                paragraph(text.substring(at, m.start()), out);
                openLanguage = m.group(1).isEmpty() ? "text" : m.group(1);
                codeStart = m.end();
            } else {
                code(text.substring(codeStart, m.start()), openLanguage, out);
                openLanguage = null;
                at = m.end();
            }
        }
        if (openLanguage != null) {
            code(text.substring(codeStart), openLanguage, out); // an unclosed fence runs to the end
        } else if (at == 0 && PlanMarkdown.fenced(text).startsWith("```sql")) {
            code(text, "sql", out);
        } else {
            paragraph(text.substring(at), out);
        }
    }

    private static void paragraph(String text, Appendable out) throws IOException {
        if (!text.isBlank()) {
            out.append("<p>").append(linkIds(text.strip())).append("</p>\n");
        }
    }
}
