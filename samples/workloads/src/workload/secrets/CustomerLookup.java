package workload.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sample for the LLM bridge's privacy tests (samples/llm-redaction). The recording must hold data
 * that may never reach a model: the process is started with AWS_SECRET_ACCESS_KEY in its
 * environment (JFR writes it as jdk.InitialEnvironmentVariable), and with a SQL statement holding
 * an e-mail literal as a system property and as a program argument (jdk.InitialSystemProperty and
 * jdk.JVMInformation). The work itself is a known hot spot, so the recording has findings to narrate:
 * every lookup scans a list of e-mail addresses with {@code equalsIgnoreCase}.
 */
public final class CustomerLookup {

    static int findCustomer(List<String> emails, String wanted) {
        for (int i = 0; i < emails.size(); i++) {
            if (emails.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 4;
        String query = args.length > 1 ? args[1] : System.getProperty("customer.lookup.query", "");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            emails.add(String.format(Locale.ROOT, "customer%05d@shop.test", i));
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long found = 0;
        int next = 0;
        while (System.nanoTime() < deadline) {
            found += findCustomer(emails, emails.get(next)) >= 0 ? 1 : 0;
            next = (next + 7919) % emails.size();
        }
        System.out.println("lookups=" + found + " query length=" + query.length());
    }
}
