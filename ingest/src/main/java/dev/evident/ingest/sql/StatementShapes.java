package dev.evident.ingest.sql;

import dev.evident.core.model.StatementShape;
import dev.evident.core.model.StatementShape.ColumnRef;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a parsed statement, the way index advisors break a query into per-table scans
 * (pganalyze's "query to scan breakdown"): for each table, the columns compared for equality, for
 * a range, joined to another table, and sorted by. Aliases are resolved to table names; a column
 * written without a table belongs to the only table of its SELECT, or stays unqualified.
 */
final class StatementShapes {
    // "for update of t" locks t; "of" is not a table
    private static final Pattern FROM_TABLE = Pattern.compile(
            "\\b(?:from|join|update|into)\\s+(?!of\\b)((?:\"[^\"]+\"|`[^`]+`|[a-z_][\\w$]*)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[a-z_][\\w$]*))?)");

    private StatementShapes() {
    }

    /** A statement's shape and its table aliases (alias → table; each table also maps to itself). */
    record Analysis(StatementShape shape, Map<String, String> aliases) {
    }

    static StatementShape of(Statement statement) {
        return analyze(statement).shape();
    }

    static Analysis analyze(Statement statement) {
        Collector c = new Collector();
        String command;
        if (statement instanceof Select select) {
            command = "SELECT";
            c.select(select);
        } else if (statement instanceof Update update) {
            command = "UPDATE";
            Map<String, String> aliases = new LinkedHashMap<>();
            c.table(update.getTable(), aliases);
            c.where(update.getWhere(), aliases);
        } else if (statement instanceof Delete delete) {
            command = "DELETE";
            Map<String, String> aliases = new LinkedHashMap<>();
            c.table(delete.getTable(), aliases);
            c.where(delete.getWhere(), aliases);
        } else if (statement instanceof Insert insert) {
            command = "INSERT";
            c.table(insert.getTable(), new LinkedHashMap<>());
            if (insert.getSelect() != null) {
                c.select(insert.getSelect());
            }
        } else {
            String name = statement.getClass().getSimpleName().toUpperCase(Locale.ROOT);
            command = name.isEmpty() ? "OTHER" : name;
        }
        return new Analysis(new StatementShape(command, List.copyOf(c.tables), List.copyOf(c.equality),
                List.copyOf(c.range), List.copyOf(c.join), c.orderBy, c.limited, true), c.allAliases);
    }

    /** For text jsqlparser could not parse: the command word and the table names after FROM/JOIN/UPDATE/INTO. */
    static StatementShape guess(String normalized) {
        String command = normalized.isEmpty() ? "OTHER" : normalized.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = FROM_TABLE.matcher(normalized);
        while (m.find()) {
            tables.add(unqualified(m.group(1)));
        }
        return new StatementShape(command, List.copyOf(tables), List.of(), List.of(), List.of(), List.of(),
                normalized.contains(" limit "), false);
    }

    private static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        String last = dot >= 0 ? name.substring(dot + 1) : name;
        return last.startsWith("`") ? last.substring(1, last.length() - 1) : PgNodeNames.unquote(last);
    }

    /** Walks the statement; one instance per statement. */
    private static final class Collector {
        final Set<String> tables = new LinkedHashSet<>();
        final Map<String, String> allAliases = new LinkedHashMap<>();
        final Set<ColumnRef> equality = new LinkedHashSet<>();
        final Set<ColumnRef> range = new LinkedHashSet<>();
        final Set<ColumnRef> join = new LinkedHashSet<>();
        List<ColumnRef> orderBy = List.of();
        boolean limited;
        int depth;

        void select(Select select) {
            if (++depth > 32) {
                return;
            }
            if (select instanceof PlainSelect ps) {
                plain(ps, depth == 1);
            } else if (select instanceof SetOperationList set) {
                for (Select s : set.getSelects()) {
                    select(s);
                }
            } else if (select instanceof ParenthesedSelect p && p.getSelect() != null) {
                select(p.getSelect());
            }
            depth--;
        }

        private void plain(PlainSelect ps, boolean outermost) {
            Map<String, String> aliases = new LinkedHashMap<>();
            fromItem(ps.getFromItem(), aliases);
            List<Expression> conditions = new ArrayList<>();
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    fromItem(j.getRightItem(), aliases);
                    if (j.getOnExpressions() != null) {
                        conditions.addAll(j.getOnExpressions());
                    }
                    if (j.getUsingColumns() != null) {
                        for (Column col : j.getUsingColumns()) {
                            for (String table : aliases.values()) {
                                join.add(ColumnRef.of(table, name(col.getColumnName())));
                            }
                        }
                    }
                }
            }
            where(ps.getWhere(), aliases);
            for (Expression e : conditions) {
                where(e, aliases);
            }
            if (outermost) {
                List<ColumnRef> order = new ArrayList<>();
                if (ps.getOrderByElements() != null) {
                    for (OrderByElement o : ps.getOrderByElements()) {
                        ColumnRef ref = column(o.getExpression(), aliases);
                        if (ref != null) {
                            order.add(new ColumnRef(ref.table(), ref.column(), !o.isAsc()));
                        }
                    }
                }
                orderBy = List.copyOf(order);
                limited = ps.getLimit() != null || ps.getFetch() != null;
            }
        }

        void table(Table t, Map<String, String> aliases) {
            if (t == null) {
                return;
            }
            String name = name(t.getName());
            tables.add(name);
            aliases.put(name, name);
            allAliases.putIfAbsent(name, name);
            if (t.getAlias() != null) {
                aliases.put(name(t.getAlias().getName()), name);
                allAliases.putIfAbsent(name(t.getAlias().getName()), name);
            }
        }

        private void fromItem(FromItem item, Map<String, String> aliases) {
            if (item instanceof Table t) {
                table(t, aliases);
            } else if (item instanceof ParenthesedSelect p && p.getSelect() != null) {
                select(p.getSelect());
            }
        }

        void where(Expression e, Map<String, String> aliases) {
            if (e == null) {
                return;
            }
            if (e instanceof AndExpression || e instanceof OrExpression) {
                BinaryExpression b = (BinaryExpression) e;
                where(b.getLeftExpression(), aliases);
                where(b.getRightExpression(), aliases);
            } else if (e instanceof ParenthesedExpressionList<?> p) {
                for (Object inner : p) {
                    where((Expression) inner, aliases);
                }
            } else if (e instanceof EqualsTo eq) {
                comparison(eq.getLeftExpression(), eq.getRightExpression(), true, aliases);
            } else if (e instanceof GreaterThan || e instanceof GreaterThanEquals || e instanceof MinorThan
                    || e instanceof MinorThanEquals) {
                BinaryExpression b = (BinaryExpression) e;
                comparison(b.getLeftExpression(), b.getRightExpression(), false, aliases);
            } else if (e instanceof Between between) {
                add(range, column(between.getLeftExpression(), aliases));
            } else if (e instanceof InExpression in) {
                if (in.getRightExpression() instanceof ParenthesedSelect sub) {
                    select(sub);
                }
                if (!in.isNot()) {
                    add(equality, column(in.getLeftExpression(), aliases));
                }
            } else if (e instanceof IsNullExpression isNull) {
                if (!isNull.isNot()) {
                    add(equality, column(isNull.getLeftExpression(), aliases));
                }
            } else if (e instanceof LikeExpression like) {
                // only a constant prefix ('abc%') or a parameter can use a b-tree range
                String pattern = like.getRightExpression().toString();
                if (!like.isNot() && !pattern.startsWith("'%") && !pattern.startsWith("'_")) {
                    add(range, column(like.getLeftExpression(), aliases));
                }
            } else if (e instanceof ParenthesedSelect sub) {
                select(sub);
            }
        }

        private void comparison(Expression left, Expression right, boolean equals, Map<String, String> aliases) {
            ColumnRef l = column(left, aliases);
            ColumnRef r = column(right, aliases);
            if (l != null && r != null) {
                if (l.table() != null && r.table() != null && !l.table().equals(r.table())) {
                    join.add(l);
                    join.add(r);
                }
                return;
            }
            ColumnRef c = l != null ? l : r;
            if (right instanceof ParenthesedSelect sub) {
                select(sub);
            }
            add(equals ? equality : range, c);
        }

        private static void add(Set<ColumnRef> set, ColumnRef c) {
            if (c != null) {
                set.add(c);
            }
        }

        /** The column an expression is, seen through casts; null for functions and values (not index-usable). */
        private ColumnRef column(Expression e, Map<String, String> aliases) {
            Expression x = e;
            while (x instanceof CastExpression cast) {
                x = cast.getLeftExpression();
            }
            if (!(x instanceof Column col)) {
                return null;
            }
            String qualifier = col.getTable() == null || col.getTable().getName() == null ? null
                    : name(col.getTable().getName());
            String table;
            if (qualifier != null) {
                table = aliases.getOrDefault(qualifier, qualifier);
            } else {
                Set<String> distinct = new LinkedHashSet<>(aliases.values());
                table = distinct.size() == 1 ? distinct.iterator().next() : null;
            }
            String column = name(col.getColumnName());
            if (column.equals("?") || column.equalsIgnoreCase("true") || column.equalsIgnoreCase("false")) {
                return null;
            }
            return ColumnRef.of(table, column);
        }

        /** The last part of a possibly qualified name: "quoted" and `quoted` keep their case, bare names are lower-cased. */
        private static String name(String identifier) {
            String n = identifier;
            if (n.length() >= 2 && n.endsWith("`")) {
                int open = n.lastIndexOf('`', n.length() - 2);
                return open >= 0 ? n.substring(open + 1, n.length() - 1) : n.substring(0, n.length() - 1);
            }
            int dot = n.lastIndexOf('.');
            if (dot >= 0 && !n.endsWith("\"")) {
                n = n.substring(dot + 1);
            }
            return n.startsWith("\"") ? PgNodeNames.unquote(n) : n.toLowerCase(Locale.ROOT);
        }
    }
}
