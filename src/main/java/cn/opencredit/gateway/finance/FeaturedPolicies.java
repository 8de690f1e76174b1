package cn.opencredit.gateway.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.problem.FieldError;

/** The rules of the featured feed: which grades it may require, and its filters. */
final class FeaturedPolicies {

    private static final Pattern SECTION = Pattern.compile("[A-T]");

    private FeaturedPolicies() {
    }

    /** 优 (A), and 良 (B) where configured: the feed pushes well-rated enterprises, never 中 or 差. */
    static List<String> configFaults(Set<Grade> grades) {
        List<String> faults = new ArrayList<>();
        if (grades.isEmpty()) {
            faults.add("opencredit.finance.market.featured-grades names no grade; use A, or A,B");
        }
        grades.stream().filter(g -> g != Grade.A && g != Grade.B).forEach(g -> faults.add("opencredit.finance.market.featured-grades may name "
                + "A and B only, not " + g.name()));
        return faults;
    }

    /** One GB/T 4754 section letter, A to T; a fault is added to {@code errors}. */
    static boolean industryPolicy(String section, List<FieldError> errors) {
        if (SECTION.matcher(section).matches()) {
            return true;
        }
        errors.add(new FieldError("industry", "format", "industry is one GB/T 4754 section letter, A to T", "A..T"));
        return false;
    }
}
