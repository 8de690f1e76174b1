package cn.opencredit.gateway.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdFilterTests {

    @Test
    void shouldMakeDistinctVersionFourUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }
}
