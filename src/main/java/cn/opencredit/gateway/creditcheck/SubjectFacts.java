package cn.opencredit.gateway.creditcheck;

import java.util.List;

import cn.opencredit.gateway.creditcheck.CreditCheckView.ListBasis;
import cn.opencredit.gateway.creditcheck.CreditCheckView.RecordBasis;
import cn.opencredit.gateway.evaluation.Grade;

/**
 * What can trigger a measure for one subject, read at the time of the check: its grade, its
 * current list memberships and its published failing records (repaired, revoked and expired ones,
 * and removed or expired entries, are never read).
 */
record SubjectFacts(String uscc, String name, Grade grade, List<ListBasis> listEntries, List<RecordBasis> failings) {
}
