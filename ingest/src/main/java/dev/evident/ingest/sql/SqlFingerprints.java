package dev.evident.ingest.sql;

import dev.evident.core.model.StatementShape;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement fingerprints and shapes. The text is first normalized by {@link SqlTokenizer} (cheap,
 * never fails); that normal form is the cache key, so statements that differ only in literals are
 * parsed once. jsqlparser then parses it and prints it back with every literal and parameter as
 * {@code ?} and {@code IN} lists collapsed; that print-out, normalized once more, is the
 * fingerprint, and the parse tree gives the {@link StatementShape}. When jsqlparser cannot parse
 * the statement (vendor syntax), the tokenizer's normal form is the fingerprint. Names quoted with
 * backticks that need no quoting ({@code `orders`}) are written bare in the fingerprint, so MySQL
 * statements written with and without them share one fingerprint.
 *
 * <p>One instance per reader run, which may share it between threads: two threads that meet a new
 * statement at once both compute it, with the same result.
 */
public final class SqlFingerprints {
    /** Distinct statements kept; when a cache is full it starts over (a log of ad-hoc SQL). */
    static final int CACHE_ENTRIES = 20_000;
    /** Longer statements are not given to jsqlparser: generated SQL can be megabytes. */
    static final int MAX_PARSED_CHARS = 20_000;

    /**
     * The fingerprint, and the shape (tables, predicate columns) when known.
     *
     * @param aliases table aliases of the statement to the real table names (each table also maps to
     *                itself); empty when the statement could not be parsed
     */
    public record Result(String fingerprint, StatementShape shape, boolean parsed, Map<String, String> aliases) {
        public Result {
            aliases = Map.copyOf(aliases);
        }
    }

    private static final Pattern PLAIN_BACKTICKED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_$]*)`");

    private final SqlDialect dialect;

    private final Map<String, Result> cache = new ConcurrentHashMap<>(1024);
    private final Map<String, Result> rawCache = new ConcurrentHashMap<>(1024);

    /** Fingerprints for PostgreSQL statements. */
    public SqlFingerprints() {
        this(SqlDialect.POSTGRESQL);
    }

    public SqlFingerprints(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public Result of(String sql) {
        // prepared statements repeat their exact text: skip even the tokenizer for them
        Result r = rawCache.get(sql);
        if (r != null) {
            return r;
        }
        String normal = SqlTokenizer.normalize(sql, dialect);
        r = cache.get(normal);
        if (r == null) {
            r = compute(normal);
            keep(cache, normal, r);
        }
        if (sql.length() < 4096) {
            keep(rawCache, sql, r);
        }
        return r;
    }

    private static void keep(Map<String, Result> map, String key, Result r) {
        if (map.size() >= CACHE_ENTRIES) {
            map.clear();
        }
        map.put(key, r);
    }

    private static Result compute(String normal) {
        if (normal.length() <= MAX_PARSED_CHARS) {
            try {
                CCJSqlParser parser = CCJSqlParserUtil.newParser(normal).withAllowComplexParsing(false);
                Statement statement = parser.Statement(); // in this thread: the utility's timeout starts a thread per parse
                if (statement != null) {
                    String printed = SqlTokenizer.normalize(deparse(statement));
                    StatementShapes.Analysis a = StatementShapes.analyze(statement);
                    return new Result(bare(printed), a.shape(), true, a.aliases());
                }
            } catch (Exception | StackOverflowError e) {
                // not parseable by jsqlparser: fall back to the tokenizer's normal form below
            }
        }
        return new Result(bare(normal), StatementShapes.guess(normal), false, Map.of());
    }

    /** `name` → name for names that need no quotes (lower-cased: MySQL column names ignore case). */
    static String bare(String text) {
        if (text.indexOf('`') < 0) {
            return text;
        }
        Matcher m = PLAIN_BACKTICKED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).toLowerCase(Locale.ROOT)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** jsqlparser's print-out with literals and parameters as ? and IN lists as one ?. */
    static String deparse(Statement statement) {
        StringBuilder buffer = new StringBuilder();
        ExpressionDeParser expressions = new LiteralMasking();
        SelectDeParser selects = new SelectDeParser(expressions, buffer);
        expressions.setSelectVisitor(selects);
        expressions.setBuilder(buffer);
        StatementDeParser statements = new StatementDeParser(expressions, selects, buffer);
        statement.accept(statements);
        return buffer.toString().toLowerCase(Locale.ROOT);
    }

    /** Prints every literal and parameter as ?, and an IN list of them as (?). */
    private static final class LiteralMasking extends ExpressionDeParser {
        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.LongValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.DoubleValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.StringValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.HexValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.BooleanValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.DateValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.TimeValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.TimestampValue v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.JdbcParameter v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.JdbcNamedParameter v, S context) {
            return getBuilder().append('?');
        }

        @Override
        public <S> StringBuilder visit(InExpression in, S context) {
            if (in.getRightExpression() instanceof ExpressionList<?> list && onlyValues(list)) {
                in.getLeftExpression().accept(this, context);
                getBuilder().append(in.isNot() ? " NOT IN (?)" : " IN (?)");
                return getBuilder();
            }
            return super.visit(in, context);
        }

        private static boolean onlyValues(ExpressionList<?> list) {
            if (list.isEmpty()) {
                return false;
            }
            for (Object e : list) {
                if (!(e instanceof net.sf.jsqlparser.expression.LongValue || e instanceof net.sf.jsqlparser.expression.StringValue
                        || e instanceof net.sf.jsqlparser.expression.DoubleValue || e instanceof net.sf.jsqlparser.expression.JdbcParameter
                        || e instanceof net.sf.jsqlparser.expression.JdbcNamedParameter
                        || e instanceof net.sf.jsqlparser.expression.SignedExpression
                        || e instanceof net.sf.jsqlparser.expression.NullValue)) {
                    return false;
                }
            }
            return !(list instanceof ParenthesedExpressionList<?> p) || !p.isEmpty();
        }
    }
}
