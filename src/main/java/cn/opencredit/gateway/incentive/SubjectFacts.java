package cn.opencredit.gateway.incentive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What eligibility rules may ask about a subject, as the CEL variables of {@link IncentiveRules}.
 * Absent values are explicit rather than null, so that every rule evaluates: a subject not
 * evaluated has grade {@code ""} and score {@code -1}; one without a tax credit grade has {@code ""};
 * one that is not a person has occupation {@code ""}.
 *
 * @param kind                  enterprise, individual-business or person (other organisations: their type code)
 * @param lists                 current list memberships: red, black, watch, abnormal, dishonest-debtor
 * @param records               published records that count against or for the subject (not repaired, revoked or corrected away)
 * @param commitmentsKept       commitments the department reported fulfilled
 * @param commitmentsBroken     commitments the department reported breached
 * @param verifiedRegistrations voluntary registrations the department verified
 * @param occupation            a person's occupational group code (沁阳's 14 groups)
 */
record SubjectFacts(String kind, String grade, long score, List<String> lists, List<Record> records, String taxGrade, long commitmentsKept,
        long commitmentsBroken, long verifiedRegistrations, String occupation) {

    /** One credit record as rules see it: category and severity codes, and its age in days since the decision. */
    record Record(String category, String severity, long severityRank, long ageDays) {

        Map<String, Object> asMap() {
            return Map.of("category", category, "severity", severity, "severityRank", severityRank, "ageDays", ageDays);
        }
    }

    /** The CEL activation: one variable per fact. */
    Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("kind", kind);
        variables.put("grade", grade);
        variables.put("score", score);
        variables.put("lists", lists);
        variables.put("records", records.stream().map(Record::asMap).toList());
        variables.put("taxGrade", taxGrade);
        variables.put("commitmentsKept", commitmentsKept);
        variables.put("commitmentsBroken", commitmentsBroken);
        variables.put("verifiedRegistrations", verifiedRegistrations);
        variables.put("occupation", occupation);
        return variables;
    }

    /** Rank of a severity code: none 0, minor 1, general 2, serious 3. */
    static long severityRank(String severity) {
        return switch (severity) {
            case "minor" -> 1;
            case "general" -> 2;
            case "serious" -> 3;
            default -> 0;
        };
    }
}
