package dev.tenancy.command.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks the domain's {@code _tenancy-verification} TXT records up through JNDI's DNS provider (the system's
 * resolvers, or {@code tenancy.domains.dns-server} such as {@code dns://192.0.2.53}). Any failure to get an answer
 * within the timeout (2 s) counts as not verified: the tenant can simply try again.
 */
@Component
public class DnsTxtDomainVerifier implements DomainVerifier, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DnsTxtDomainVerifier.class);

    private final String dnsServer;
    private final Duration timeout;
    private final ExecutorService lookups = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dns-verification");
        thread.setDaemon(true);
        return thread;
    });

    public DnsTxtDomainVerifier(@Value("${tenancy.domains.dns-server:}") String dnsServer,
                                @Value("${tenancy.domains.dns-timeout:2s}") Duration timeout) {
        this.dnsServer = dnsServer;
        this.timeout = timeout;
    }

    @Override
    public boolean verify(String domain, String token) {
        DnsTxtChallenge challenge = DnsTxtChallenge.of(domain, token);
        Future<List<String>> answer = lookups.submit(() -> txtRecords(challenge.name()));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(challenge.value());
        } catch (TimeoutException e) {
            answer.cancel(true);
            log.info("DNS lookup of {} timed out after {}", challenge.name(), timeout);
            return false;
        } catch (ExecutionException e) {
            log.info("DNS lookup of {} failed: {}", challenge.name(), e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<String> txtRecords(String name) throws NamingException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(timeout.toMillis()));
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
        if (!dnsServer.isBlank()) {
            environment.put(Context.PROVIDER_URL, dnsServer);
        }
        DirContext context = new InitialDirContext(environment);
        try {
            Attribute txt = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(unquote(String.valueOf(values.next())));
                }
            }
            return records;
        } finally {
            context.close();
        }
    }

    /**
     * A TXT record is one or more character strings. JNDI shows them separated by single spaces, quoting (with
     * backslash escapes) those that contain a space, quote or backslash. Publishers split long values into several
     * strings, so the strings are joined back together, as SPF and DKIM readers do.
     */
    static String unquote(String record) {
        StringBuilder joined = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < record.length()) {
                joined.append(record.charAt(++i));
            } else if (c != ' ' || quoted) {
                joined.append(c);
            }
        }
        return joined.toString();
    }

    @Override
    public void destroy() {
        lookups.shutdownNow();
    }
}
