package cn.opencredit.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** A key's stored form is the SHA-256 of its UTF-8 bytes: what the lookup hashes must be what issuing stored. */
class ApiKeysTests {

    @Test
    void shouldHashAKeyAsSha256OfItsUtf8Bytes() {
        // sha256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexFormat.of().formatHex(ApiKeys.hash("abc")));
    }
}
