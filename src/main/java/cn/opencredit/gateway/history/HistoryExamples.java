package cn.opencredit.gateway.history;

/** OpenAPI example bodies of the integrity check. */
final class HistoryExamples {

    static final String INTACT = """
            {"verified": 5242880, "intact": true,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"}}""";

    static final String EDITED = """
            {"verified": 1048575, "intact": false,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
             "brokenLink": {"sequence": 1048576, "problem": "hash-mismatch", "table": "credit_record", "rowId": "734001",
                            "operation": "UPDATE",
                            "expectedHash": "0b7e6a1f29c35d48e6f70a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f",
                            "storedHash": "5d41402abc4b2a76b9719d911017c592ae2f1e0c7a3b5d6e8f9012a3b4c5d6e7",
                            "detail": "entry 1048576 (UPDATE of credit_record 734001) does not match its hash: its content, time or position was changed after it was written"}}""";

    static final String DELETED = """
            {"verified": 2047, "intact": false,
             "head": {"sequence": 5242880, "hash": "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7"},
             "brokenLink": {"sequence": 2048, "problem": "missing-entry",
                            "detail": "entry 2048 is missing: the chain goes on from entry 2047 to entry 2049"}}""";

    private HistoryExamples() {
    }
}
