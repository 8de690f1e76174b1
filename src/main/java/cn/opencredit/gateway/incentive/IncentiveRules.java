package cn.opencredit.gateway.incentive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import cn.opencredit.gateway.shared.problem.FieldError;

/**
 * The eligibility rule language: CEL (Common Expression Language) over the facts of
 * {@link SubjectFacts}. CEL cannot reach Java types, loop without bound or have side effects; every
 * expression is parsed and type-checked against the declared facts when an operator saves it, so a
 * rule that names an unknown fact or compares a grade with a number never reaches a subject. Compiled
 * programs are immutable and shared between threads. See docs/adr/0015-cel-for-eligibility-rules.md.
 */
final class IncentiveRules {

    /** The facts a rule may name, with their CEL types. */
    static final Map<String, CelType> FACTS = facts();

    private static final CelOptions OPTIONS = CelOptions.current().comprehensionMaxIterations(10_000).build();
    private static final CelCompiler CONDITIONS = compiler(SimpleType.BOOL);
    private static final CelCompiler MEASURES = compiler(SimpleType.DYN);
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private IncentiveRules() {
    }

    private static Map<String, CelType> facts() {
        Map<String, CelType> facts = new LinkedHashMap<>();
        facts.put("kind", SimpleType.STRING);
        facts.put("grade", SimpleType.STRING);
        facts.put("score", SimpleType.INT);
        facts.put("lists", ListType.create(SimpleType.STRING));
        facts.put("records", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)));
        facts.put("taxGrade", SimpleType.STRING);
        facts.put("commitmentsKept", SimpleType.INT);
        facts.put("commitmentsBroken", SimpleType.INT);
        facts.put("verifiedRegistrations", SimpleType.INT);
        facts.put("occupation", SimpleType.STRING);
        return Map.copyOf(facts);
    }

    private static CelCompiler compiler(CelType result) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS).setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(result);
        FACTS.forEach(builder::addVar);
        return builder.build();
    }

    /** A condition ready to run: its programs and the facts it names, in the order of {@link #FACTS}. */
    record Compiled(Condition source, CelRuntime.Program test, Optional<CelRuntime.Program> measure, List<String> facts) {
    }

    /** What compiling a rule found: the compiled conditions, or every problem with the field and position of each. */
    record Compilation(List<Compiled> conditions, List<FieldError> errors) {
    }

    /** Compiles every condition; {@code field} prefixes the errors' field names (e.g. {@code conditions}). */
    static Compilation compile(List<Condition> conditions, String field) {
        List<Compiled> compiled = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String at = field + "[" + i + "]";
            if (!names.add(condition.name())) {
                errors.add(new FieldError(at + ".name", "duplicate-condition", "another condition of this rule has the name " + condition.name()));
            }
            Optional<CelAbstractSyntaxTree> test = check(CONDITIONS, condition.expression(), at + ".expression", errors);
            Optional<CelAbstractSyntaxTree> measure = condition.measure() == null || condition.measure().isBlank() ? Optional.empty()
                    : check(MEASURES, condition.measure(), at + ".measure", errors);
            boolean measureFailed = condition.measure() != null && !condition.measure().isBlank() && measure.isEmpty();
            if (test.isPresent() && !measureFailed) {
                try {
                    compiled.add(new Compiled(condition, RUNTIME.createProgram(test.get()),
                            measure.isEmpty() ? Optional.empty() : Optional.of(RUNTIME.createProgram(measure.get())), named(test.get())));
                } catch (dev.cel.common.CelException e) {
                    errors.add(new FieldError(at + ".expression", "invalid-rule", e.getMessage()));
                }
            }
        }
        return new Compilation(List.copyOf(compiled), List.copyOf(errors));
    }

    private static Optional<CelAbstractSyntaxTree> check(CelCompiler compiler, String expression, String field, List<FieldError> errors) {
        try {
            return Optional.of(compiler.compile(expression).getAst());
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                // CEL counts columns from 0; people count them from 1.
                int line = Math.max(issue.getSourceLocation().getLine(), 1);
                int column = issue.getSourceLocation().getColumn() + 1;
                errors.add(new FieldError(field, "invalid-rule", "line " + line + ", column " + column + ": " + issue.getMessage()));
            }
            return Optional.empty();
        }
    }

    /** The facts an expression names, from the checked tree's references. */
    private static List<String> named(CelAbstractSyntaxTree ast) {
        Set<String> referenced = new HashSet<>();
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty()) {
                referenced.add(reference.name());
            }
        }
        return FACTS.keySet().stream().filter(referenced::contains).sorted().toList();
    }

    /** What one condition came to for one subject. */
    record Outcome(Compiled condition, boolean held, Map<String, Object> facts, Object measured, String error) {
    }

    /**
     * Runs one condition: a condition that cannot be evaluated for this subject (a record without a
     * field the expression reads) does not hold, and says why.
     */
    static Outcome evaluate(Compiled condition, Map<String, Object> variables) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String fact : condition.facts()) {
            if (!"records".equals(fact)) {
                facts.put(fact, variables.get(fact));
            }
        }
        try {
            boolean held = Boolean.TRUE.equals(condition.test().eval(variables));
            Object measured = condition.measure().isPresent() ? condition.measure().get().eval(variables) : null;
            return new Outcome(condition, held, facts, measured, null);
        } catch (CelEvaluationException e) {
            return new Outcome(condition, false, facts, null, e.getMessage());
        }
    }
}
