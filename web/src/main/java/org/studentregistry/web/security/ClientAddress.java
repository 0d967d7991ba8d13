package org.studentregistry.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.studentregistry.domain.shared.Settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request came from, as the sign-in lock-out counts and the log names it. Behind a proxy every
 * connection comes from the proxy; when the setting {@code registry.proxy.addresses} lists the connection's address,
 * the client is the last address in {@code X-Forwarded-For} that is not a listed proxy (each proxy appends the
 * address it was reached from). Only a listed proxy's header is read: anyone else can write any address there.
 */
public final class ClientAddress {

    private static final Set<String> PROXIES = Settings.get("registry.proxy.addresses")
            .map(ClientAddress::addresses).orElse(Set.of());
    /* IPv4 or IPv6, as proxies write them; anything else in the header is not an address to count or log. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), PROXIES);
    }

    static String of(String connection, List<String> forwardedFor, Set<String> proxies) {
        if (!proxies.contains(connection)) {
            return connection;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(Arrays.asList(header.split(","))));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return connection;
            }
            if (!proxies.contains(hop)) {
                return hop;
            }
        }
        return connection;
    }

    static Set<String> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(address -> !address.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
