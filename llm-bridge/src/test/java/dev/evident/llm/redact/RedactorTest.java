package dev.evident.llm.redact;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private final RedactionMap map = new RedactionMap();
    private final Redactor redactor = Redactor.standard(RedactionContext.none());

    private String redact(String text) {
        return redactor.redact(text, map);
    }

    @Test
    void environmentVariablesAsJfrPrintsThem() {
        String out = redact("environment: AWS_SECRET_ACCESS_KEY=" + AWS_SECRET + " LANG=C.UTF-8 HOME=/tmp");
        assertThat(out).isEqualTo("environment: AWS_SECRET_ACCESS_KEY={SECRET_1} LANG={ENV_1} HOME={ENV_2}");
        assertThat(map.restore(out)).contains(AWS_SECRET);
    }

    @Test
    void aSecretWithoutItsNameIsCaughtByItsShape() {
        assertThat(redact("value " + AWS_SECRET + " seen")).isEqualTo("value {SECRET_1} seen");
        assertThat(redact("key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("key {SECRET_2} used");
        assertThat(redact("Authorization: Bearer abcdefghijklmnop.qrstuvwxyz")).doesNotContain("abcdefghijklmnop");
        assertThat(redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"))
                .matches("\\{SECRET_\\d+}");
    }

    @Test
    void sqlLiteralsAndTheEmailInsideThem() {
        String jvmArgs = "jvmArguments = \"-Dcustomer.lookup.query=SELECT id, name FROM customers WHERE email = "
                + "'jane.doe@example.com' -XX:StartFlightRecording=settings=profile\"";
        String out = redact(jvmArgs);
        assertThat(out).doesNotContain("jane.doe").doesNotContain("example.com").doesNotContain("customers");
        assertThat(out).startsWith("jvmArguments = \"{CMDLINE_1}");
        String sql = redact("SELECT id FROM customers WHERE email = 'jane.doe@example.com' AND id = 4711 "
                + "AND region IN (3, 5, 8)");
        assertThat(sql).isEqualTo("SELECT id FROM customers WHERE email = {SQL_LITERAL_1} AND id = {SQL_LITERAL_3} "
                + "AND region IN ({SQL_LITERAL_2})");
        assertThat(map.restore(sql)).contains("'jane.doe@example.com'").contains("4711");
        assertThat(redact("contact jane.doe@example.com today")).isEqualTo("contact {EMAIL_1} today");
    }

    @Test
    void systemPropertiesAndJvmOptions() {
        assertThat(redact("-Ddb.url=jdbc:postgresql://db7.prod.internal:5432/shop -Xmx2g"))
                .isEqualTo("-Ddb.url={JVM_ARG_1} -Xmx2g");
        assertThat(redact("-javaagent:/opt/agents/dd-java-agent.jar")).isEqualTo("-javaagent:{JVM_ARG_2}");
        assertThat(redact("db.password=hunter22")).isEqualTo("db.password={SECRET_1}");
        assertThat(redact("password: hunter33 and GITHUB_TOKEN: ghx1234")).isEqualTo("password: {SECRET_2} and GITHUB_TOKEN: {SECRET_3}");
        // a method or file named after a secret is not one
        assertThat(redact("CustomerLookup.getToken: 45% of CPU samples; secrets-profile.jfr: 12 samples"))
                .isEqualTo("CustomerLookup.getToken: 45% of CPU samples; secrets-profile.jfr: 12 samples");
        assertThat(redact("sun.java.command: com.acme.Main --token abc")).isEqualTo("sun.java.command: {CMDLINE_1}");
        assertThat(redact("java.class.path=/opt/app/lib.jar; user.dir=/srv/app"))
                .isEqualTo("java.class.path={PROPERTY_1}; user.dir={PROPERTY_2}");
    }

    @Test
    void usersHostsAndAddresses() {
        assertThat(redact("read /home/alice/incidents/app.jfr")).isEqualTo("read /home/{USER_1}/incidents/app.jfr");
        assertThat(redact("C:\\Users\\bob\\rec.jfr")).isEqualTo("C:\\Users\\{USER_2}\\rec.jfr");
        assertThat(redact("socket reads from 10.1.2.3:5432 and 127.0.0.1:8080"))
                .isEqualTo("socket reads from {IP_1}:5432 and 127.0.0.1:8080");
        assertThat(redact("peer fe80::1ff:fe23:4567:890a")).isEqualTo("peer {IP_2}");
        assertThat(redact("jdbc:postgresql://db7.prod.internal:5432/shop"))
                .isEqualTo("jdbc:postgresql://{HOST_1}:5432/shop");
        assertThat(redact("calls to payments.acme.com timed out")).isEqualTo("calls to {HOST_2} timed out");
        assertThat(redact("socket reads from/to localhost:8089")).isEqualTo("socket reads from/to localhost:8089");
    }

    @Test
    void theMachinesOwnNamesAndSecretValues() {
        RedactionContext context = RedactionContext.of(
                Map.of("HOSTNAME", "build-box-17", "GITHUB_TOKEN", "tok-1234567890", "SHELL", "/bin/bash"),
                "carol", Set.of("sk-the-configured-key"));
        Redactor own = Redactor.standard(context);
        RedactionMap m = new RedactionMap();
        assertThat(own.redact("carol ran it on build-box-17 with tok-1234567890 and sk-the-configured-key", m))
                .isEqualTo("{USER_1} ran it on {HOST_1} with {SECRET_2} and {SECRET_1}");
        assertThat(own.redact("/bin/bash", m)).isEqualTo("/bin/bash");
        // --no-redact keeps the text but never the credentials
        Redactor off = Redactor.secretsOnly(context);
        assertThat(off.redact("carol used sk-the-configured-key", new RedactionMap())).isEqualTo("carol used {SECRET_1}");
    }

    @Test
    void placeholdersAreStableAndNumberedPerKind() {
        String a = redact("alice@x.org then bob@y.org then alice@x.org");
        assertThat(a).isEqualTo("{EMAIL_1} then {EMAIL_2} then {EMAIL_1}");
        assertThat(map.counts()).containsExactly(Map.entry("EMAIL", 2));
        assertThat(map.restore(a)).isEqualTo("alice@x.org then bob@y.org then alice@x.org");
        assertThat(map.restore("unknown {HOST_9} stays")).isEqualTo("unknown {HOST_9} stays");
    }

    @Test
    void evidentsOwnWordingIsLeftAlone() {
        String[] texts = {
                "workload.dedupe.OrderDeduplicator.distinctCustomerIds (line 17): 89.5% of CPU samples (727 of 812 "
                        + "samples; 95% CI 87.2–91.5%) in stacks through java.util.ArrayList.contains",
                "Garbage collection paused the application for 22.2 ms of 8.1 s (0.3%; worst 8 s window 0.3%) in 3 "
                        + "collections (G1New 3); longest pause 12.7 ms; allocation rate 0.0 MiB/s",
                "CPU samples by thread in samples/contains-in-loop/async-profiler.jfr: DestroyJavaVM 98.3%, "
                        + "C2 CompilerThre 1.2%, [tid=8006] 0.1%",
                "Heaviest path in CPU samples (812 samples): OrderDeduplicator.main:42 90.4% → sun.nio.ch.SocketDispatcher.read0",
                "the method's own code charged by the JDK, which isn't the callee",
                "asprof -e cpu -d 60 -f cpu.jfr <pid>   # or: jcmd <pid> JFR.start settings=profile duration=60s",
                "Use java.io.BufferedReader and io.netty.channel.EventLoop"};
        for (String t : texts) {
            assertThat(redact(t)).as(t).isEqualTo(t);
        }
        assertThat(map.size()).isZero();
    }
}
