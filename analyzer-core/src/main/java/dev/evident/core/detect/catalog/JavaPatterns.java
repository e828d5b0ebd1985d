package dev.evident.core.detect.catalog;

import dev.evident.core.model.Category;
import dev.evident.core.model.MetricKind;

import java.util.List;
import java.util.Set;

import static dev.evident.core.model.MetricKind.ALLOCATION;
import static dev.evident.core.model.MetricKind.CPU;
import static dev.evident.core.model.MetricKind.LOCK;
import static dev.evident.core.model.MetricKind.WALL;

/**
 * Known causes of hot JVM code. Each is recognised by the JDK or library frames a hot application
 * call goes through; the fix and example are filled with the application's real names.
 */
public final class JavaPatterns implements PatternSet {
    private static final Set<MetricKind> TIME = Set.of(CPU, WALL);
    private static final Set<MetricKind> TIME_AND_ALLOCATION = Set.of(CPU, WALL, ALLOCATION);

    @Override
    public List<AntiPattern> patterns() {
        return List.of(
                new AntiPattern("java-linear-list-search", "java",
                        List.of("java.util.ArrayList.indexOf", "java.util.ArrayList.indexOfRange",
                                "java.util.ArrayList.contains", "java.util.ArrayList.lastIndexOf",
                                "java.util.ArrayList.remove", "java.util.LinkedList.get", "java.util.LinkedList.node",
                                "java.util.LinkedList.indexOf", "java.util.LinkedList.contains",
                                "java.util.Vector.indexOf", "java.util.AbstractCollection.contains",
                                "java.util.AbstractList.indexOf", "java.util.Collections.frequency"),
                        TIME,
                        "linear search in a list",
                        "A list lookup compares the value with every element until it finds it, so calling it once per "
                                + "item of a growing collection costs time proportional to n² instead of n.",
                        "Replace the list lookup in {anchorShort}{line} with a hash lookup: keep the values in a HashSet "
                                + "(a LinkedHashSet keeps insertion order) or index them by key in a HashMap, so each check "
                                + "is one hash probe instead of a scan of the whole list.",
                        """
                                ```java
                                // {anchorShort}: before — {marker} scans the list on every check
                                List<K> seen = new ArrayList<>();
                                for (T item : items) {
                                    if (!seen.contains(item.key())) {
                                        seen.add(item.key());
                                    }
                                }
                                // after — one hash probe per check, same order of first appearance
                                Set<K> seen = new LinkedHashSet<>();
                                for (T item : items) {
                                    seen.add(item.key());
                                }
                                ```
                                """),
                new AntiPattern("java-regex-compiled-per-call", "java",
                        List.of("java.util.regex.Pattern.compile", "java.util.regex.Pattern.<init>"),
                        TIME_AND_ALLOCATION,
                        "regular expression compiled on every call",
                        "String.matches, replaceAll, replaceFirst and split with a regular expression compile the pattern "
                                + "each time they run; compiling costs far more than matching.",
                        "Compile the expression once in {class} and reuse it: a static final Pattern, with "
                                + "pattern.matcher(text) in {anchorShort}{line}.",
                        """
                                ```java
                                // {class}: before — compiles on every call
                                boolean ok = input.matches("[A-Z]{3}-\\\\d+");
                                // after — compiled once, thread-safe to share
                                private static final Pattern CODE = Pattern.compile("[A-Z]{3}-\\\\d+");
                                boolean ok = CODE.matcher(input).matches();
                                ```
                                """),
                new AntiPattern("java-string-format-in-loop", "java",
                        List.of("java.lang.String.format", "java.util.Formatter.format", "java.lang.String.formatted"),
                        TIME_AND_ALLOCATION,
                        "String.format on a hot path",
                        "String.format parses its format string with a regular expression and allocates a Formatter, "
                                + "a StringBuilder and boxed arguments on every call.",
                        "In {anchorShort}{line}, build the text with a reused StringBuilder and append the values "
                                + "directly; for fixed decimals format numbers yourself or with one reused formatter.",
                        """
                                ```java
                                // {anchorShort}: before
                                line = line + String.format("%.3f", value) + ",";
                                // after — one builder per row, no format parsing, no boxing
                                StringBuilder row = new StringBuilder(256);
                                row.append(Math.round(value * 1000) / 1000.0).append(',');
                                ```
                                """),
                new AntiPattern("java-exceptions-as-control-flow", "java",
                        List.of("java.lang.Throwable.fillInStackTrace", "java.lang.Throwable.<init>",
                                "java.lang.StackTraceElement.of", "java.lang.Throwable.getOurStackTrace"),
                        TIME_AND_ALLOCATION,
                        "exceptions used for control flow",
                        "Creating an exception walks the thread's stack to record it; thrown on an expected path "
                                + "(validation, parsing, lookups), that walk dominates the work.",
                        "Do not throw for an expected outcome in {anchorShort}{line}: return a result (Optional, a "
                                + "boolean, a status) instead, or check before calling (e.g. validate the number before "
                                + "parsing). If an exception must stay, create it without a stack trace.",
                        """
                                ```java
                                // {anchorShort}: before — a stack walk per invalid value
                                try { return Integer.parseInt(text); } catch (NumberFormatException e) { return fallback; }
                                // after — no exception on the expected path
                                return isDigits(text) ? Integer.parseInt(text) : fallback;
                                ```
                                """),
                new AntiPattern("java-string-concatenation-in-loop", "java",
                        List.of("java.lang.StringConcatHelper.*", "java.lang.invoke.StringConcatFactory*",
                                "java.lang.String.concat"),
                        TIME_AND_ALLOCATION,
                        "string concatenation in a loop",
                        "Each + on a String builds a new string and copies everything before it, so growing a string "
                                + "in a loop copies it over and over.",
                        "Use one StringBuilder for the whole text in {anchorShort}{line}, presized when the length is "
                                + "known, and call toString() once at the end.",
                        """
                                ```java
                                // {anchorShort}: before — copies the growing string every time
                                String line = "";
                                for (Object cell : cells) { line = line + cell + ","; }
                                // after
                                StringBuilder line = new StringBuilder(cells.size() * 16);
                                for (Object cell : cells) { line.append(cell).append(','); }
                                ```
                                """),
                new AntiPattern("java-boxing-on-hot-path", "java",
                        List.of("java.lang.Integer.valueOf", "java.lang.Long.valueOf", "java.lang.Double.valueOf",
                                "java.lang.Float.valueOf", "java.lang.Short.valueOf", "java.lang.Byte.valueOf",
                                "java.lang.Character.valueOf"),
                        TIME_AND_ALLOCATION,
                        "boxing primitives on a hot path",
                        "Putting primitives into collections or generic code wraps each in an object; the allocation and "
                                + "the pointer chasing cost more than the arithmetic.",
                        "Keep the values primitive in {anchorShort}{line}: use arrays (double[], long[]) or primitive "
                                + "specializations (IntStream, a primitive collection library) instead of List<Double> or "
                                + "Map<Long, Long>.",
                        """
                                ```java
                                // {anchorShort}: before — one Double object per value
                                List<Double> values = new ArrayList<>();
                                for (int i = 0; i < n; i++) { values.add(next()); }
                                // after
                                double[] values = new double[n];
                                for (int i = 0; i < n; i++) { values[i] = next(); }
                                ```
                                """),
                new AntiPattern("java-reflection-on-hot-path", "java",
                        List.of("java.lang.reflect.Method.invoke", "java.lang.reflect.Constructor.newInstance",
                                "java.lang.reflect.Field.get", "java.lang.reflect.Field.set", "java.lang.Class.getMethod",
                                "java.lang.Class.getDeclaredMethod", "java.lang.Class.getDeclaredMethods",
                                "java.lang.Class.getMethods", "java.lang.Class.getDeclaredFields",
                                "java.lang.Class.getDeclaredField", "java.lang.Class.getField",
                                "java.beans.Introspector.getBeanInfo"),
                        TIME_AND_ALLOCATION,
                        "reflection on a hot path",
                        "Looking up methods and fields by name searches and copies the class's member tables on every "
                                + "call, and reflective invocation adds argument boxing and access checks.",
                        "Look the member up once and cache it in {class} (a static final MethodHandle or Method), or "
                                + "replace reflection in {anchorShort}{line} with a direct call or a generated accessor.",
                        """
                                ```java
                                // {class}: before — lookup on every call
                                Object v = target.getClass().getMethod("getPrice").invoke(target);
                                // after — looked up once
                                private static final MethodHandle PRICE = MethodHandles.lookup()
                                        .findVirtual(Item.class, "getPrice", MethodType.methodType(long.class));
                                long v = (long) PRICE.invokeExact((Item) target);
                                ```
                                """),
                new AntiPattern("java-object-mapper-per-call", "java",
                        List.of("com.fasterxml.jackson.databind.ObjectMapper.<init>",
                                "com.fasterxml.jackson.databind.json.JsonMapper.builder",
                                "com.google.gson.Gson.<init>"),
                        TIME_AND_ALLOCATION,
                        "JSON mapper created per call",
                        "An ObjectMapper (or Gson) builds and caches serializers for every type it sees; a new one per "
                                + "call throws that cache away and rebuilds it.",
                        "Create the mapper once and share it from {class}: ObjectMapper is thread-safe once configured "
                                + "(use ObjectReader/ObjectWriter for per-call settings).",
                        """
                                ```java
                                // {class}: before
                                String json = new ObjectMapper().writeValueAsString(value);
                                // after
                                private static final ObjectMapper MAPPER = new ObjectMapper();
                                String json = MAPPER.writeValueAsString(value);
                                ```
                                """),
                new AntiPattern("java-xml-factory-per-call", "java",
                        List.of("javax.xml.parsers.DocumentBuilderFactory.newInstance",
                                "javax.xml.parsers.SAXParserFactory.newInstance",
                                "javax.xml.transform.TransformerFactory.newInstance",
                                "javax.xml.xpath.XPathFactory.newInstance",
                                "javax.xml.stream.XMLInputFactory.newInstance",
                                "javax.xml.stream.XMLOutputFactory.newInstance",
                                "javax.xml.parsers.FactoryFinder.*", "javax.xml.xpath.XPathFactoryFinder.*"),
                        TIME_AND_ALLOCATION,
                        "XML factory looked up per call",
                        "XML factories are found through a service lookup that reads system properties and scans the "
                                + "class path each time newInstance() runs.",
                        "Create the factory once in {class} and keep it (factories are thread-safe after configuration; "
                                + "builders and parsers are not, so keep one per thread if needed).",
                        """
                                ```java
                                // {class}: before
                                DocumentBuilder b = DocumentBuilderFactory.newInstance().newDocumentBuilder();
                                // after
                                private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();
                                private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
                                    try { return FACTORY.newDocumentBuilder(); } catch (ParserConfigurationException e) { throw new IllegalStateException(e); }
                                });
                                ```
                                """),
                new AntiPattern("java-crypto-instance-per-call", "java",
                        List.of("java.security.MessageDigest.getInstance", "javax.crypto.Cipher.getInstance",
                                "javax.crypto.Mac.getInstance", "java.security.Signature.getInstance",
                                "java.security.KeyFactory.getInstance", "java.security.Provider.getService",
                                "sun.security.jca.GetInstance.*"),
                        TIME_AND_ALLOCATION,
                        "crypto object looked up per call",
                        "getInstance searches the installed security providers and instantiates a new engine each time.",
                        "Keep one instance per thread in {class} (MessageDigest, Cipher and Mac are not thread-safe) and "
                                + "reset it between uses in {anchorShort}{line}.",
                        """
                                ```java
                                // {class}: before
                                byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
                                // after
                                private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
                                    try { return MessageDigest.getInstance("SHA-256"); } catch (NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
                                });
                                byte[] hash = SHA256.get().digest(data); // digest() resets it
                                ```
                                """),
                new AntiPattern("java-date-format-per-call", "java",
                        List.of("java.text.SimpleDateFormat.<init>", "java.text.DecimalFormat.<init>",
                                "java.text.DateFormatSymbols.getInstance", "java.text.DecimalFormatSymbols.getInstance",
                                "java.util.Calendar.getInstance", "java.util.GregorianCalendar.<init>"),
                        TIME_AND_ALLOCATION,
                        "date or number format created per call",
                        "SimpleDateFormat and DecimalFormat load locale data and build calendars or symbol tables "
                                + "when created; per call, that set-up outweighs the formatting.",
                        "Use java.time's DateTimeFormatter, created once as a static final constant in {class} "
                                + "(it is immutable and thread-safe); for numbers, one formatter per thread.",
                        """
                                ```java
                                // {class}: before
                                String day = new SimpleDateFormat("yyyy-MM-dd").format(date);
                                // after
                                private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
                                String day = DAY.format(date.toInstant().atZone(ZoneOffset.UTC));
                                ```
                                """),
                new AntiPattern("java-eager-log-formatting", "java",
                        List.of("java.lang.String.format", "java.lang.StringConcatHelper.*", "java.lang.StringBuilder.toString",
                                "java.util.AbstractMap.toString", "java.util.AbstractCollection.toString"),
                        TIME_AND_ALLOCATION,
                        "log message built before the level check",
                        "The message is formatted in the calling code, before the logger decides that the level is "
                                + "disabled, so the work is thrown away.",
                        "Pass parameters instead of a built string in {anchorShort}{line} (logger.debug(\"... {}\", value)), "
                                + "or guard expensive arguments with logger.isDebugEnabled().",
                        """
                                ```java
                                // {anchorShort}: before — formatted even when DEBUG is off
                                log.debug("priced order " + order + " at " + String.format("%.2f", total));
                                // after — formatted only when DEBUG is on
                                log.debug("priced order {} at {}", order, total);
                                if (log.isDebugEnabled()) { log.debug("details: {}", expensiveSummary(order)); }
                                ```
                                """,
                        List.of("org.slf4j.*", "ch.qos.logback.*", "org.apache.logging.log4j.*", "org.apache.log4j.*",
                                "java.util.logging.Logger.*", "java.lang.System$Logger.*", "org.jboss.logging.*")),
                new AntiPattern("java-hashmap-collisions", "java",
                        List.of("java.util.HashMap$TreeNode.*", "java.util.HashMap.treeifyBin",
                                "java.util.concurrent.ConcurrentHashMap$TreeBin.*"),
                        TIME,
                        "hash collisions in a HashMap",
                        "Keys that share hash codes end up in the same bucket, which the map turns into a tree; lookups "
                                + "then compare keys instead of finding them in one probe.",
                        "Give the key type used in {anchorShort}{line} a hashCode that spreads its fields (Objects.hash "
                                + "or a record), and make sure keys are not mutated after insertion.",
                        """
                                ```java
                                // before — every key with the same region collides
                                @Override public int hashCode() { return region.hashCode(); }
                                // after — all identifying fields take part (or declare the key as a record)
                                @Override public int hashCode() { return Objects.hash(region, customerId, day); }
                                ```
                                """),
                new AntiPattern("java-synchronized-collection", "java",
                        List.of("java.util.Collections$Synchronized*", "java.util.Hashtable.*", "java.util.Vector.*",
                                "java.lang.StringBuffer.*", "java.util.Stack.*"),
                        Set.of(LOCK, WALL),
                        "one lock around a shared collection",
                        "Collections.synchronized* wrappers, Hashtable, Vector and StringBuffer take one monitor for every "
                                + "operation, so all threads using the collection queue on it.",
                        "In {anchorShort}{line}, use a concurrent structure (ConcurrentHashMap with compute/merge for "
                                + "per-key updates, ConcurrentLinkedQueue, LongAdder for counters), keep expensive work out of "
                                + "the update function, or use the unsynchronized class where one thread owns it.",
                        """
                                ```java
                                // before — one monitor for the whole map, held during the remapping function
                                Map<String, Long> stock = Collections.synchronizedMap(new HashMap<>());
                                stock.compute(sku, (k, v) -> (v == null ? 0 : v) + qty + reprice(k));
                                // after — per-key locking, expensive work done before the update
                                Map<String, Long> stock = new ConcurrentHashMap<>();
                                long delta = qty + reprice(sku);
                                stock.merge(sku, delta, Long::sum);
                                ```
                                """),
                new AntiPattern("java-securerandom-contention", "java",
                        List.of("java.security.SecureRandom.nextBytes", "java.security.SecureRandom.next",
                                "sun.security.provider.NativePRNG*", "sun.security.provider.SecureRandom.engineNextBytes",
                                "java.util.UUID.randomUUID"),
                        Set.of(LOCK, CPU, WALL),
                        "shared SecureRandom",
                        "A shared SecureRandom serialises its callers (its generator is synchronized) and may read from "
                                + "the kernel; UUID.randomUUID uses one for every id.",
                        "Where the values need not be unpredictable, use ThreadLocalRandom in {anchorShort}{line}; where "
                                + "they must, give each thread its own SecureRandom instead of sharing one.",
                        """
                                ```java
                                // before — all threads share one synchronized generator
                                String id = UUID.randomUUID().toString();
                                // after — when the id only needs to be unique, not secret
                                ThreadLocalRandom r = ThreadLocalRandom.current();
                                String id = new UUID(r.nextLong(), r.nextLong()).toString();
                                ```
                                """),
                new AntiPattern("java-class-loading-at-runtime", "java",
                        List.of("java.lang.Class.forName", "java.lang.Class.forName0", "java.lang.ClassLoader.loadClass",
                                "java.lang.ClassLoader.defineClass*", "jdk.internal.loader.BuiltinClassLoader.loadClass*",
                                "java.lang.reflect.Proxy.newProxyInstance"),
                        Set.of(CPU, WALL, LOCK),
                        "class loading while serving requests",
                        "Loading, defining or looking up classes by name takes class-loader locks and reads jars; on a "
                                + "request path it should have happened once at start-up.",
                        "Resolve the class once in {class} and cache the Class (or better, the constructor or method "
                                + "handle); for generated proxies, create them once and reuse them.",
                        """
                                ```java
                                // {class}: before
                                Object handler = Class.forName(name).getDeclaredConstructor().newInstance();
                                // after — resolved once per name
                                private static final Map<String, Supplier<?>> FACTORIES = new ConcurrentHashMap<>();
                                Object handler = FACTORIES.computeIfAbsent(name, n -> factoryFor(n)).get();
                                ```
                                """),
                new AntiPattern("java-jdbc-row-mapping", "java",
                        List.of("org.postgresql.jdbc.PgResultSet.*", "com.mysql.cj.jdbc.result.ResultSetImpl.*",
                                "org.mariadb.jdbc.*ResultSet*", "oracle.jdbc.driver.*ResultSet*",
                                "org.springframework.jdbc.core.BeanPropertyRowMapper.*",
                                "org.springframework.jdbc.core.RowMapperResultSetExtractor.*",
                                "org.hibernate.sql.results.*", "org.hibernate.loader.*"),
                        TIME_AND_ALLOCATION,
                        "mapping many result-set rows into objects",
                        "Converting every row and column into Java objects costs CPU and memory per row; it grows with "
                                + "the rows the query returns, not the rows the code needs.",
                        "Let the database do the filtering and aggregation for {anchorShort}{line}: select only the "
                                + "needed columns, add WHERE/LIMIT or GROUP BY, and map rows by column index or with a "
                                + "constructor instead of a reflection-based mapper.",
                        """
                                ```java
                                // {anchorShort}: before — every row of the table comes back and is mapped
                                List<OrderItem> items = jdbc.query("select * from order_items", new BeanPropertyRowMapper<>(OrderItem.class));
                                // after — the database aggregates, a handful of rows come back
                                List<TopProduct> top = jdbc.query(
                                    "select product_id, count(*) c from order_items where user_id = ? group by product_id order by c desc limit 5",
                                    (rs, i) -> new TopProduct(rs.getLong(1), rs.getLong(2)), userId);
                                ```
                                """),
                new AntiPattern("java-bigdecimal-arithmetic", "java",
                        List.of("java.math.BigDecimal.*", "java.math.BigInteger.*", "java.math.MutableBigInteger.*"),
                        TIME_AND_ALLOCATION,
                        "heavy BigDecimal arithmetic",
                        "BigDecimal allocates a new object for every operation and divides or rescales in software.",
                        "In {anchorShort}{line}, keep money in long minor units (cents) and convert at the edges, or at "
                                + "least set the scale once, reuse a MathContext and avoid divide/setScale inside loops.",
                        """
                                ```java
                                // {anchorShort}: before
                                BigDecimal total = BigDecimal.ZERO;
                                for (Line l : lines) { total = total.add(l.price().multiply(BigDecimal.valueOf(l.qty()))); }
                                // after — exact integer cents
                                long totalCents = 0;
                                for (Line l : lines) { totalCents += l.priceCents() * l.qty(); }
                                ```
                                """),
                new AntiPattern("java-stream-pipeline-in-tight-loop", "java",
                        List.of("java.util.stream.ReferencePipeline.*", "java.util.stream.AbstractPipeline.*",
                                "java.util.stream.StreamSupport.stream", "java.util.stream.IntPipeline.*",
                                "java.util.stream.LongPipeline.*", "java.util.stream.ReduceOps*"),
                        TIME_AND_ALLOCATION,
                        "stream pipelines built inside a tight loop",
                        "Each stream pipeline allocates its stages, lambdas and spliterator; built for a handful of "
                                + "elements per iteration, the set-up outweighs the work.",
                        "In {anchorShort}{line}, use a plain loop on the hot path, or compute the stream's result once "
                                + "outside the loop (e.g. group into a Map before iterating).",
                        """
                                ```java
                                // {anchorShort}: before — a pipeline per order
                                for (Order o : orders) {
                                    long n = items.stream().filter(i -> i.orderId() == o.id()).count();
                                }
                                // after — grouped once, looked up per order
                                Map<Long, Long> countByOrder = items.stream()
                                        .collect(Collectors.groupingBy(Item::orderId, Collectors.counting()));
                                for (Order o : orders) { long n = countByOrder.getOrDefault(o.id(), 0L); }
                                ```
                                """),
                new AntiPattern("java-collection-regrowth", "java",
                        List.of("java.util.ArrayList.grow", "java.util.ArrayList.ensureCapacityInternal",
                                "java.util.HashMap.resize", "java.lang.AbstractStringBuilder.ensureCapacityInternal",
                                "java.lang.AbstractStringBuilder.newCapacity", "java.util.ArrayDeque.grow"),
                        TIME_AND_ALLOCATION,
                        "collections regrown while filling",
                        "A collection that starts small copies its whole content into a bigger array every time it "
                                + "fills up; for large collections the copies add up.",
                        "Presize in {anchorShort}{line} when the size is known or estimable: new ArrayList<>(n), "
                                + "HashMap.newHashMap(n) (or new HashMap<>(n * 4 / 3 + 1)), new StringBuilder(n).",
                        """
                                ```java
                                // {anchorShort}: before
                                List<Row> rows = new ArrayList<>();
                                // after — one allocation for the expected size
                                List<Row> rows = new ArrayList<>(expectedRows);
                                ```
                                """),
                new AntiPattern("java-string-intern", "java",
                        List.of("java.lang.String.intern"),
                        Set.of(CPU, WALL, LOCK),
                        "String.intern on a hot path",
                        "String.intern looks the string up in the JVM's global string table, a native hash table shared "
                                + "by all threads.",
                        "Drop the intern call in {anchorShort}{line}; if deduplication saves real memory, use your own "
                                + "ConcurrentHashMap-based cache or the G1 option -XX:+UseStringDeduplication.",
                        ""),
                new AntiPattern("java-http-client-per-call", "java",
                        List.of("java.net.http.HttpClient.newHttpClient", "java.net.http.HttpClient.newBuilder",
                                "jdk.internal.net.http.HttpClientBuilderImpl.build",
                                "org.apache.http.impl.client.HttpClients.createDefault",
                                "org.apache.hc.client5.http.impl.classic.HttpClients.createDefault",
                                "okhttp3.OkHttpClient.<init>"),
                        TIME_AND_ALLOCATION,
                        "HTTP client created per call",
                        "A new HTTP client means a new connection pool, new TLS sessions and a new selector thread for "
                                + "every request.",
                        "Create the client once in {class} and reuse it for every call in {anchorShort}{line}; clients "
                                + "are thread-safe and pool connections.",
                        """
                                ```java
                                // {class}: before
                                HttpResponse<String> r = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
                                // after
                                private static final HttpClient HTTP = HttpClient.newHttpClient();
                                HttpResponse<String> r = HTTP.send(request, BodyHandlers.ofString());
                                ```
                                """),
                new AntiPattern("java-jdbc-connection-per-call", "java",
                        List.of("java.sql.DriverManager.getConnection", "org.postgresql.Driver.connect",
                                "com.mysql.cj.jdbc.NonRegisteringDriver.connect", "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl"),
                        TIME,
                        "database connection opened per call",
                        "Opening a connection costs a network round trip, authentication and session set-up, often "
                                + "more than the query itself.",
                        "Take connections from a pool (HikariCP) in {anchorShort}{line} instead of DriverManager, and "
                                + "return them promptly (try-with-resources).",
                        """
                                ```java
                                // {class}: before
                                try (Connection c = DriverManager.getConnection(url, user, password)) { ... }
                                // after — one pool for the application
                                private static final HikariDataSource POOL = new HikariDataSource(config);
                                try (Connection c = POOL.getConnection()) { ... }
                                ```
                                """),
                new AntiPattern("java-connection-pool-starvation", "java",
                        List.of("com.zaxxer.hikari.pool.HikariPool.getConnection", "com.zaxxer.hikari.util.ConcurrentBag.borrow",
                                "com.zaxxer.hikari.HikariDataSource.getConnection",
                                "org.apache.commons.dbcp2.PoolingDataSource.getConnection",
                                "org.apache.commons.pool2.impl.GenericObjectPool.borrowObject",
                                "org.apache.tomcat.jdbc.pool.ConnectionPool.borrowConnection",
                                "com.mchange.v2.resourcepool.BasicResourcePool.awaitAvailable",
                                "io.agroal.pool.ConnectionPool.getConnection"),
                        Set.of(LOCK, WALL),
                        "connection pool starvation",
                        "Threads wait for a free connection because every connection is checked out; the pool, not the "
                                + "database, is the queue.",
                        "Hold connections only around the database calls in {anchorShort}{line} (do slow non-database "
                                + "work before taking or after returning the connection), and size the pool for the "
                                + "concurrency the database can serve (HikariCP's guide: a small multiple of the database "
                                + "server's cores); keep connectionTimeout short so starvation fails fast and visibly.",
                        """
                                ```java
                                // {anchorShort}: before — the connection is held during slow work
                                try (Connection c = pool.getConnection()) {
                                    Report r = buildReport(load(c));   // slow, but only load(c) needs the database
                                }
                                // after — check out, query, return, then do the slow part
                                Data data;
                                try (Connection c = pool.getConnection()) { data = load(c); }
                                Report r = buildReport(data);
                                ```
                                """),
                new AntiPattern("java-compression-object-per-call", "java",
                        List.of("java.util.zip.Deflater.<init>", "java.util.zip.Inflater.<init>",
                                "java.util.zip.GZIPOutputStream.<init>", "java.util.zip.GZIPInputStream.<init>"),
                        TIME_AND_ALLOCATION,
                        "compressor created per call",
                        "Deflater and Inflater allocate native zlib state; creating one per message costs the set-up "
                                + "and leaves native memory until the object is collected.",
                        "Reuse one Deflater/Inflater per thread in {class} (reset() between messages) and end() it when "
                                + "done.",
                        ""),
                // last on purpose: a more specific pattern on the same call wins
                new AntiPattern("java-database-wait", "java",
                        List.of("org.postgresql.jdbc.PgPreparedStatement.execute*", "org.postgresql.jdbc.PgStatement.execute*",
                                "com.mysql.cj.jdbc.ClientPreparedStatement.execute*", "com.mysql.cj.jdbc.StatementImpl.execute*",
                                "org.mariadb.jdbc.ClientPreparedStatement.execute*",
                                "org.mariadb.jdbc.ServerPreparedStatement.execute*", "org.mariadb.jdbc.Statement.execute*",
                                "oracle.jdbc.driver.OraclePreparedStatement.execute*",
                                "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.execute*",
                                "com.zaxxer.hikari.pool.HikariProxyStatement.execute*"),
                        Set.of(WALL, MetricKind.NATIVE),
                        "waiting for the database",
                        "The thread waits while the statement runs in the database and its rows come back; the time "
                                + "belongs to the statement, so the fix is in the SQL, the indexes or how often it runs.",
                        "{anchorShort}{line} waits for the database. Find its statements in the database findings "
                                + "(slow statements, missing indexes, N+1 loops); without a database log, record one "
                                + "(PostgreSQL: log_min_duration_statement = 0 for the length of a load test) and analyze "
                                + "it together with this recording.",
                        "").waitingFor(Category.DATABASE));
    }
}
