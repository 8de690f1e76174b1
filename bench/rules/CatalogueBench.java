package cn.opencredit.gateway.incentive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CPU part of one uncached 信易+ answer: the demo catalogue (src/main/resources/seed/incentive-scenarios.sql)
 * compiled once, then every scenario evaluated for one subject, with IncentivePolicies as the
 * service runs it. Run by bench/rules/run.sh after the rule-engine comparison; needs the compiled
 * classes of the gateway (target/classes) on the class path.
 */
public class CatalogueBench {

    static final int ROUNDS = 200_000;

    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/seed/incentive-scenarios.sql"));
        Matcher json = Pattern.compile("'(\\[\\{.*?\\}\\])'::jsonb", Pattern.DOTALL).matcher(sql);
        ObjectMapper mapper = new ObjectMapper();
        List<List<Condition>> rules = new ArrayList<>();
        while (json.find()) {
            rules.add(mapper.readValue(json.group(1).replace("''", "'"), new TypeReference<List<Condition>>() {
            }));
        }
        long compileStarted = System.nanoTime();
        List<IncentiveRules.Compilation> compiled = new ArrayList<>();
        for (List<Condition> rule : rules) {
            compiled.add(IncentiveRules.compile(rule, "conditions"));
        }
        double compileMillis = (System.nanoTime() - compileStarted) / 1e6;
        SubjectFacts facts = new SubjectFacts("enterprise", "B", 760, List.of("red"), List.of(new SubjectFacts.Record("penalty", "general", 2, 400),
                new SubjectFacts.Record("licence", "", 0, 30), new SubjectFacts.Record("inspection", "", 0, 90)), "A", 3, 0, 1, "");
        IncentiveRepository.Stored scenario = new IncentiveRepository.Stored("bench", "bench", "bench", List.of("enterprise"), "bench",
                LocalDate.of(2026, 1, 1), null, List.of(), 0);
        int eligible = 0;
        for (int warm = 0; warm < 3; warm++) {
            eligible = round(compiled, scenario, facts, ROUNDS / 10);
        }
        long started = System.nanoTime();
        eligible = round(compiled, scenario, facts, ROUNDS);
        double micros = (System.nanoTime() - started) / 1e3 / ROUNDS;
        int conditions = rules.stream().mapToInt(List::size).sum();
        System.out.printf("catalogue of %d scenarios, %d conditions: compiled in %.0f ms (cold); one subject across the catalogue %.1f µs "
                + "(%.0f subjects/s on one core), %d eligible%n", rules.size(), conditions, compileMillis, micros, 1e6 / micros, eligible);
    }

    static int round(List<IncentiveRules.Compilation> compiled, IncentiveRepository.Stored scenario, SubjectFacts facts, int rounds) {
        int eligible = 0;
        for (int i = 0; i < rounds; i++) {
            Map<String, Object> variables = facts.variables();
            eligible = 0;
            for (IncentiveRules.Compilation rule : compiled) {
                if (IncentivePolicies.check(scenario, rule.conditions(), variables).eligible()) {
                    eligible++;
                }
            }
        }
        return eligible;
    }
}
