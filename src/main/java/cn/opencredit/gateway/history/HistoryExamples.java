package cn.opencredit.gateway.history;

/** OpenAPI example bodies of the history's integrity checks and checkpoints. */
final class HistoryExamples {

    static final String INTACT = """
            {"verified": 5242880, "intact": true,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
             "checkpoints": {"total": 1440, "verified": 1440}, "rowsChecked": 4061274, "findings": [], "findingsCount": 0}""";

    static final String EDITED = """
            {"verified": 1048575, "intact": false,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
             "brokenLink": {"sequence": 1048576, "problem": "hash-mismatch", "table": "credit_record", "rowId": "734001",
                            "operation": "UPDATE",
                            "expectedHash": "0b7e6a1f29c35d48e6f70a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f",
                            "storedHash": "5d41402abc4b2a76b9719d911017c592ae2f1e0c7a3b5d6e8f9012a3b4c5d6e7",
                            "detail": "entry 1048576 (UPDATE of credit_record 734001) does not match its hash: its content, time or position was changed after it was written"},
             "checkpoints": {"total": 1440, "verified": 288}, "rowsChecked": 4061274, "findings": [], "findingsCount": 0}""";

    static final String ROW_EDITED = """
            {"verified": 5242880, "intact": false,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
             "checkpoints": {"total": 1440, "verified": 1440}, "rowsChecked": 4061274,
             "findings": [{"kind": "row-differs", "table": "credit_record", "rowId": "734001", "sequence": 1048576,
                           "fields": ["amount", "content"],
                           "detail": "credit_record 734001 differs from its latest history entry (1048576) in amount, content: it was changed without the history triggers"}],
             "findingsCount": 1}""";

    static final String CHECK_STARTED = """
            {"id": "5b8e2f4a-0c1d-4e6f-9a7b-3c2d1e0f9a8b", "state": "running", "phase": "chain", "requestedAt": "2026-12-04T21:30:00+08:00",
             "progress": {"entriesVerified": 0, "entriesTotal": 5242880, "checkpointsVerified": 0, "checkpointsTotal": 0, "rowsChecked": 0,
                          "rowsTotal": 4061274, "findings": 0, "fraction": 0.0, "perSecond": 0.0}}""";

    static final String CHECK_RUNNING = """
            {"id": "5b8e2f4a-0c1d-4e6f-9a7b-3c2d1e0f9a8b", "state": "running", "phase": "tables", "requestedAt": "2026-12-04T21:30:00+08:00",
             "progress": {"entriesVerified": 5242880, "entriesTotal": 5242880, "checkpointsVerified": 1440, "checkpointsTotal": 1440,
                          "rowsChecked": 1200000, "rowsTotal": 4061274, "findings": 0, "fraction": 0.69, "perSecond": 61234.5, "etaSeconds": 47}}""";

    static final String CHECK_FINISHED = """
            {"id": "5b8e2f4a-0c1d-4e6f-9a7b-3c2d1e0f9a8b", "state": "finished", "phase": "done", "requestedAt": "2026-12-04T21:30:00+08:00",
             "finishedAt": "2026-12-04T21:32:31+08:00",
             "progress": {"entriesVerified": 5242880, "entriesTotal": 5242880, "checkpointsVerified": 1440, "checkpointsTotal": 1440,
                          "rowsChecked": 4061274, "rowsTotal": 4061274, "findings": 0, "fraction": 1.0, "perSecond": 61622.0},
             "result": {"verified": 5242880, "intact": true,
                        "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
                        "checkpoints": {"total": 1440, "verified": 1440}, "rowsChecked": 4061274, "findings": [], "findingsCount": 0}}""";

    static final String CHECKPOINT = """
            {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7",
             "signedAt": "2026-12-04T21:31:00+08:00", "keyId": "3b1f0c7d9a2e4f61",
             "signature": "q3Vx0n1fJ2l8n8Yx8Qk6tP1mJv4S0d9r2b5X7u0C3a1e6h8k0m2p4r6t8v0x2z4B6D8F0H2J4L6N8P0R2T4V6Xw==",
             "message": "opencredit-history-checkpoint:v1:5242880:9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"}""";

    static final String CHECKPOINT_PAGE = "{\"items\": [" + CHECKPOINT + "], \"nextCursor\": \"MR81ZTRmYmU1ZR81MjQyODgw\"}";

    static final String KEYS = """
            {"keys": [{"keyId": "3b1f0c7d9a2e4f61", "algorithm": "Ed25519",
                       "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEAbwhGDR5t+nIYgCaycV3qzviBcbFqqvy7ZR1gNtDicYA=\\n-----END PUBLIC KEY-----\\n",
                       "current": true}]}""";

    static final String VERIFICATION_REQUEST = """
            {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7",
             "signature": "q3Vx0n1fJ2l8n8Yx8Qk6tP1mJv4S0d9r2b5X7u0C3a1e6h8k0m2p4r6t8v0x2z4B6D8F0H2J4L6N8P0R2T4V6Xw=="}""";

    static final String VERIFICATION_EXTENDED = """
            {"signatureValid": true, "keyId": "3b1f0c7d9a2e4f61", "extended": true,
             "head": {"sequence": 5243100, "hash": "4e7d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d"},
             "verifiedEntries": 220, "detail": "today's chain passes through the checkpoint and every link after it holds"}""";

    static final String VERIFICATION_REWRITTEN = """
            {"signatureValid": true, "keyId": "3b1f0c7d9a2e4f61", "extended": false,
             "head": {"sequence": 5243100, "hash": "4e7d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d"},
             "verifiedEntries": 0,
             "detail": "entry 5242880 now has hash 1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b: the chain was rewritten from an entry at or before it"}""";

    private HistoryExamples() {
    }
}
