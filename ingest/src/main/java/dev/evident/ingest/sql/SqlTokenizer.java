package dev.evident.ingest.sql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fast, dialect-tolerant normalizer of SQL text: comments dropped, literals ({@code 'text'},
 * {@code E'..'}, {@code $$..$$}, numbers, {@code true/false}) and placeholders ({@code $1},
 * {@code ?}, {@code :name}) become {@code ?}, {@code IN (?, ?, ?)} and repeated {@code VALUES}
 * tuples collapse to one, whitespace collapses, and everything outside double quotes is lower-cased.
 * It never fails, so it serves as the fingerprint when jsqlparser cannot parse a statement, and as
 * the cache key in front of jsqlparser (statements differing only in literals parse once).
 *
 * <p>In the MySQL dialect (MySQL and MariaDB with their default {@code sql_mode}) a backslash escapes
 * the next character inside quotes, {@code "..."} is a string rather than a name, and {@code #}
 * starts a comment; backtick-quoted names ({@code `orders`}) are names in both dialects.
 */
final class SqlTokenizer {
    private static final String OPERATORS = "<>=!|&+-*/%^~@#";
    private static final Pattern IN_LIST = Pattern.compile("\\bin \\(\\?(?:, \\?)+\\)");
    private static final Pattern REPEATED_TUPLES = Pattern.compile("(\\((?:\\?, )*\\?\\))(?:, \\1)+");

    private SqlTokenizer() {
    }

    static String normalize(String sql) {
        return normalize(sql, SqlDialect.POSTGRESQL);
    }

    static String normalize(String sql, SqlDialect dialect) {
        boolean mysql = dialect == SqlDialect.MYSQL;
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                space(out);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                space(out);
            } else if (c == '#' && mysql) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                space(out);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                space(out);
            } else if (c == '\'' || ((c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x')
                    && i + 1 < n && sql.charAt(i + 1) == '\'' && !identifierBefore(out))) {
                i = skipQuoted(sql, c == '\'' ? i : i + 1, '\'', mysql || c == 'E' || c == 'e');
                literal(out);
            } else if (c == '"' && mysql) {
                i = skipQuoted(sql, i, '"', true);
                literal(out);
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                literal(out);
            } else if (c == '$') {
                int close = dollarQuoteEnd(sql, i);
                if (close > 0) {
                    i = close;
                    literal(out);
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '"' || c == '`' || c == '[') {
                char end = c == '[' ? ']' : c;
                int j = sql.indexOf(end, i + 1);
                j = j < 0 ? n : j + 1;
                token(out, sql.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)) && !identifierBefore(out))) {
                if (identifierBefore(out)) {
                    // part of a name such as t1 or col_2
                    out.append(c);
                    i++;
                    continue;
                }
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                literal(out);
            } else if (c == '?' ) {
                i++;
                literal(out);
            } else if (c == ':' && i + 1 < n && Character.isLetter(sql.charAt(i + 1)) && (i == 0 || sql.charAt(i - 1) != ':')) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                literal(out);
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
                if (word.equals("true") || word.equals("false")) {
                    literal(out);
                } else {
                    token(out, word);
                }
                i = j;
            } else if (OPERATORS.indexOf(c) >= 0) {
                int j = i + 1;
                while (j < n && OPERATORS.indexOf(sql.charAt(j)) >= 0
                        && !(sql.charAt(j) == '-' && j + 1 < n && sql.charAt(j + 1) == '-')
                        && !(sql.charAt(j) == '/' && j + 1 < n && sql.charAt(j + 1) == '*')) {
                    j++;
                }
                token(out, sql.substring(i, j));
                i = j;
            } else {
                punctuation(out, c);
                i++;
            }
        }
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == ';')) {
            len--;
        }
        out.setLength(len);
        String s = out.toString();
        if (s.indexOf("in (?, ") >= 0) {
            s = IN_LIST.matcher(s).replaceAll("in (?)");
        }
        if (s.indexOf("), (") >= 0) {
            s = REPEATED_TUPLES.matcher(s).replaceAll("$1");
        }
        return s;
    }

    private static boolean identifierBefore(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char p = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(p) || p == '_';
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '('
                && out.charAt(out.length() - 1) != '.') {
            out.append(' ');
        }
    }

    private static void literal(StringBuilder out) {
        token(out, "?");
    }

    private static void token(StringBuilder out, String token) {
        if (out.length() > 0) {
            char p = out.charAt(out.length() - 1);
            if (p != ' ' && p != '(' && p != '.' && p != ':' && p != '[') {
                out.append(' ');
            }
        }
        out.append(token);
    }

    /** Punctuation: no space before ",", ")" and ".", none after "(" and "."; "::" casts stay glued. */
    private static void punctuation(StringBuilder out, char c) {
        int len = out.length();
        if (c == ',' || c == ')' || c == '.' || c == ':' || c == '(' || c == '[' || c == ']') {
            if (len > 0 && out.charAt(len - 1) == ' ' && c != '(') {
                out.setLength(len - 1);
            }
            if (c == '(' && len > 0 && out.charAt(len - 1) == ' ' && len >= 2 && Character.isLetterOrDigit(out.charAt(len - 2))) {
                // keep "count(" and "in (" apart the way they were written would make two spellings; use "name("
                // for function calls and "keyword (" is handled by the space already present
                out.setLength(len - 1);
                String before = lastWord(out);
                if (isKeywordBeforeParen(before)) {
                    out.append(' ');
                }
            }
            out.append(c);
            if (c == ',') {
                out.append(' ');
            }
            return;
        }
        token(out, String.valueOf(c));
    }

    private static String lastWord(StringBuilder out) {
        int end = out.length();
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(out.charAt(start - 1)) || out.charAt(start - 1) == '_')) {
            start--;
        }
        return out.substring(start, end);
    }

    private static boolean isKeywordBeforeParen(String word) {
        return switch (word) {
            case "in", "values", "from", "join", "as", "on", "and", "or", "not", "exists", "any", "all", "select",
                 "where", "using", "over", "filter", "within", "into", "set", "when", "then", "else", "by", "lateral",
                 "union", "intersect", "except", "with", "returning", "conflict", "partition", "is" -> true;
            default -> false;
        };
    }

    /**
     * Index after a string quoted with {@code quote} starting at {@code start}: a doubled quote stands
     * for itself, and with {@code backslashEscapes} (E'' in PostgreSQL, any string in MySQL) a backslash
     * escapes the next character.
     */
    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** For $tag$...$tag$ quoting: the index after the closing tag, or -1 when this is no such quote. */
    private static int dollarQuoteEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return -1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? -1 : close + tag.length();
    }
}
