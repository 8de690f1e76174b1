package cn.opencredit.gateway.seed;

/**
 * One local authority as it appears in records and list entries.
 *
 * @param kind           what the authority does
 * @param region         where it sits
 * @param name           its official name
 * @param uscc           its code (registration authority 1, type 1: a government body)
 * @param documentPrefix what its decision numbers start with (滑市监 in 滑市监罚〔2026〕1号)
 */
record Department(DepartmentKind kind, Region region, String name, String uscc, String documentPrefix) {
}
