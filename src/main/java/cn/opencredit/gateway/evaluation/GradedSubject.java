package cn.opencredit.gateway.evaluation;

/**
 * An active subject with its current grade and score, for capabilities that pick subjects by grade
 * (the 信易贷 featured feed).
 */
public record GradedSubject(long subjectId, String uscc, String name, Grade grade, int score, String regionCode, String industrySection) {
}
