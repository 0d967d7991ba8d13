package org.studentregistry.web.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    void withoutAListedProxyTheConnectionIsTheClientWhateverTheHeaderSays() {
        assertEquals("198.51.100.4", ClientAddress.of("198.51.100.4", List.of("203.0.113.7"), PROXY));
        assertEquals("198.51.100.4", ClientAddress.of("198.51.100.4", List.of("203.0.113.7"), Set.of()));
    }

    @Test
    void behindAListedProxyTheClientIsTheAddressItWasReachedFrom() {
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", List.of("203.0.113.7"), PROXY));
        assertEquals("2001:db8::7", ClientAddress.of("10.0.0.2", List.of("2001:db8::7"), PROXY));
    }

    @Test
    void anAddressTheClientWroteItselfBeforeTheProxysIsNotBelieved() {
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", List.of("192.0.2.66, 203.0.113.7"), PROXY));
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", List.of("192.0.2.66", "203.0.113.7"), PROXY));
    }

    @Test
    void aChainOfListedProxiesIsWalkedBack() {
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2",
                List.of("203.0.113.7, 10.0.0.3"), Set.of("10.0.0.2", "10.0.0.3")));
    }

    @Test
    void withoutAHeaderOrWithSomethingElseInItTheConnectionCounts() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", List.of(), PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", List.of("unknown"), PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", List.of("203.0.113.7\r\nforged log line"), PROXY));
    }

    @Test
    void theSettingIsACommaSeparatedList() {
        assertEquals(Set.of("127.0.0.1", "::1"), ClientAddress.addresses(" 127.0.0.1, ::1 ,"));
    }
}
