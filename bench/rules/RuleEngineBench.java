import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.mvel2.MVEL;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The candidates for 信易+ eligibility rules on one rule of the catalogue's shape, the same meaning in
 * each syntax: parse (and, for CEL, type-check) time, evaluation time, and whether an expression can
 * reach arbitrary Java (the safety probe). Run by bench/rules/run.sh; figures in docs/adr/0014.
 */
public class RuleEngineBench {

    static final Map<String, Object> FACTS = Map.of("grade", "B", "score", 720L, "lists", List.of("red"));
    static final int PARSES = 5_000;
    static final int EVALS = 500_000;

    public static void main(String[] args) throws Exception {
        CelCompiler cel = CelCompilerFactory.standardCelCompilerBuilder().addVar("grade", SimpleType.STRING).addVar("score", SimpleType.INT)
                .addVar("lists", ListType.create(SimpleType.STRING)).setResultType(SimpleType.BOOL).build();
        CelRuntime celRuntime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
        String celRule = "grade in ['A', 'B'] && !('black' in lists) && score >= 600";
        JexlEngine jexl = new JexlBuilder().permissions(JexlPermissions.RESTRICTED).safe(false).strict(true).create();
        String jexlRule = "(grade =~ ['A', 'B']) && !('black' =~ lists) && score >= 600";
        SpelExpressionParser spel = new SpelExpressionParser();
        SimpleEvaluationContext spelContext = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build();
        String spelRule = "{'A', 'B'}.contains(#grade) && !#lists.contains('black') && #score >= 600";
        String mvelRule = "(grade == 'A' || grade == 'B') && !lists.contains('black') && score >= 600";

        CelRuntime.Program celProgram = celRuntime.createProgram(cel.compile(celRule).getAst());
        JexlExpression jexlExpression = jexl.createExpression(jexlRule);
        MapContext jexlContext = new MapContext(new java.util.HashMap<>(FACTS));
        Expression spelExpression = spel.parseExpression(spelRule);
        FACTS.forEach(spelContext::setVariable);
        java.io.Serializable mvelCompiled = MVEL.compileExpression(mvelRule);

        report("CEL (dev.cel 0.14.0)", () -> {
            try {
                return celRuntime.createProgram(cel.compile(celRule).getAst());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            try {
                return celProgram.eval(FACTS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> probe(() -> {
            try {
                return celRuntime.createProgram(cel.compile("java.lang.Runtime.getRuntime() == null").getAst()).eval(FACTS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        report("JEXL 3.6.0 (RESTRICTED)", () -> jexl.createExpression(jexlRule), () -> jexlExpression.evaluate(jexlContext),
                () -> probe(() -> jexl.createExpression("''.class.forName('java.lang.Runtime')").evaluate(jexlContext)));
        report("SpEL 7.0.10 (SimpleEvaluationContext)", () -> spel.parseExpression(spelRule), () -> spelExpression.getValue(spelContext, Boolean.class),
                () -> probe(() -> spel.parseExpression("T(java.lang.Runtime).getRuntime()").getValue(spelContext)));
        report("MVEL 2.5.2", () -> MVEL.compileExpression(mvelRule), () -> MVEL.executeExpression(mvelCompiled, new java.util.HashMap<>(FACTS)),
                () -> probe(() -> MVEL.eval("Runtime.getRuntime().availableProcessors()")));
    }

    /** "refused" when the engine will not reach java.lang.Runtime, else what it answered. */
    static String probe(Supplier<Object> attempt) {
        try {
            Object reached = attempt.get();
            return reached == null ? "refused (null)" : "REACHED JAVA: " + reached.getClass().getSimpleName();
        } catch (Throwable refused) {
            return "refused (" + refused.getClass().getSimpleName() + ")";
        }
    }

    static void report(String engine, Supplier<Object> parse, Supplier<Object> eval, Supplier<String> probe) {
        for (int warm = 0; warm < 3; warm++) {
            time(parse, PARSES);
            time(eval, EVALS);
        }
        double parseMicros = time(parse, PARSES) / 1_000.0;
        double evalNanos = time(eval, EVALS);
        System.out.printf("%-40s parse %8.1f µs   eval %7.0f ns   result %s   arbitrary Java: %s%n", engine, parseMicros, evalNanos, eval.get(),
                probe.get());
    }

    /** Mean nanoseconds per call. */
    static double time(Supplier<Object> work, int times) {
        Object sink = null;
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            sink = work.get();
        }
        long elapsed = System.nanoTime() - started;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return (double) elapsed / times;
    }
}
