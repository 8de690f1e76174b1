package cn.opencredit.gateway.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.evaluation.Grade;

/** The draw as a pure function, checked against re-computations with javax.crypto that share none of its code. */
class SampleDrawTests {

    private static final Map<Grade, Double> MODEL = Map.of(Grade.A, 0.01, Grade.B, 0.03, Grade.C, 0.10, Grade.D, 0.30);

    private static List<SampleDraw.Member> members(Grade grade, int count, int from) {
        List<SampleDraw.Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "DR%06d".formatted(from + i);
            members.add(new SampleDraw.Member(SamplingFixtures.uscc("91", "659001", body), grade, "测试" + body));
        }
        return members;
    }

    private static List<String> sampled(SampleDraw.Result result, Grade grade) {
        return result.sample().stream().filter(d -> d.member().grade() == grade).map(d -> d.member().uscc()).toList();
    }

    @Test
    void shouldDrawTheMembersWithTheLowestHmacOfTheSeedPerGrade() {
        List<SampleDraw.Member> population = new ArrayList<>(members(Grade.B, 40, 0));
        population.addAll(members(Grade.D, 12, 100));
        Collections.shuffle(population, new Random(7));
        SampleDraw.Result result = SampleDraw.draw("2026Q4-food-659001", population,
                Map.of(Grade.B, new PlanSpec.Sizing(new BigDecimal("0.1"), null)), MODEL);

        List<String> b = population.stream().filter(m -> m.grade() == Grade.B).map(SampleDraw.Member::uscc).toList();
        List<String> d = population.stream().filter(m -> m.grade() == Grade.D).map(SampleDraw.Member::uscc).toList();
        assertEquals(SamplingFixtures.firstByHmac("2026Q4-food-659001", b, 4), sampled(result, Grade.B));
        // 0.3 × 12 is 3.5999… in binary floating point and exactly 3.6 in decimal: 4 either way; 0.3 × 10 below is the hard case.
        assertEquals(SamplingFixtures.firstByHmac("2026Q4-food-659001", d, 4), sampled(result, Grade.D));
        for (SampleDraw.Drawn drawn : result.sample()) {
            assertEquals(SamplingFixtures.hmacHex("2026Q4-food-659001", drawn.member().uscc()), HexFormat.of().formatHex(drawn.hmac()));
        }
        assertEquals(List.of(1, 2, 3, 4), result.sample().stream().filter(s -> s.member().grade() == Grade.B).map(SampleDraw.Drawn::rank).toList());
    }

    @Test
    void shouldDrawTheSameSampleFromTheSameSeedWhateverTheOrderAndAnotherFromAnotherSeed() {
        List<SampleDraw.Member> population = members(Grade.C, 50, 200);
        Map<Grade, PlanSpec.Sizing> sizes = Map.of(Grade.C, new PlanSpec.Sizing(null, 5));
        SampleDraw.Result first = SampleDraw.draw("seed-one", population, sizes, MODEL);
        List<SampleDraw.Member> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(1));
        SampleDraw.Result again = SampleDraw.draw("seed-one", shuffled, sizes, MODEL);
        SampleDraw.Result other = SampleDraw.draw("seed-two", population, sizes, MODEL);

        assertEquals(sampled(first, Grade.C), sampled(again, Grade.C));
        assertArrayEquals(first.populationSha256(), again.populationSha256());
        assertNotEquals(sampled(first, Grade.C), sampled(other, Grade.C));
        assertArrayEquals(first.populationSha256(), other.populationSha256(), "the population does not depend on the seed");
    }

    @Test
    void shouldHashThePopulationAsUsccGradeLinesInUsccOrder() {
        List<SampleDraw.Member> population = new ArrayList<>(members(Grade.A, 3, 300));
        population.addAll(members(Grade.D, 2, 310));
        Collections.reverse(population);
        SampleDraw.Result result = SampleDraw.draw("x", population, Map.of(), MODEL);

        List<String[]> lines = population.stream().map(m -> new String[] {m.uscc(), m.grade().code()}).toList();
        assertEquals(SamplingFixtures.populationHash(lines), HexFormat.of().formatHex(result.populationSha256()));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(SampleDraw.draw("x", List.of(), Map.of(), MODEL).populationSha256()), "an empty population");
        assertEquals(population.stream().map(SampleDraw.Member::uscc).sorted().toList(),
                result.population().stream().map(SampleDraw.Member::uscc).toList());
    }

    @Test
    void shouldSizeEachGradeByItsSizeOrTheCeilingOfItsRatioInExactDecimals() {
        assertEquals(3, SampleDraw.drawn(new PlanSpec.Sizing(new BigDecimal("0.3"), null), 10), "0.3 × 10 is 3, not 3.0000000000000004");
        assertEquals(3, SampleDraw.drawn(new PlanSpec.Sizing(new BigDecimal("0.03"), null), 100));
        assertEquals(1, SampleDraw.drawn(new PlanSpec.Sizing(new BigDecimal("0.01"), null), 1));
        assertEquals(0, SampleDraw.drawn(new PlanSpec.Sizing(new BigDecimal("0.01"), null), 0));
        assertEquals(0, SampleDraw.drawn(new PlanSpec.Sizing(BigDecimal.ZERO, null), 50));
        assertEquals(50, SampleDraw.drawn(new PlanSpec.Sizing(BigDecimal.ONE, null), 50));
        assertEquals(7, SampleDraw.drawn(new PlanSpec.Sizing(null, 7), 50));
        assertEquals(50, SampleDraw.drawn(new PlanSpec.Sizing(null, 70), 50), "a size is capped at the population");

        Map<Grade, PlanSpec.Sizing> sizes = new EnumMap<>(Grade.class);
        sizes.put(Grade.B, new PlanSpec.Sizing(null, 2));
        List<SampleDraw.Member> population = new ArrayList<>(members(Grade.A, 5, 400));
        population.addAll(members(Grade.B, 5, 410));
        population.addAll(members(Grade.D, 10, 420));
        SampleDraw.Result result = SampleDraw.draw("sizes", population, sizes, MODEL);
        assertEquals(List.of(
                new SampleDraw.GradeDraw(Grade.A, 5, new BigDecimal("0.01"), null, "model", 1),
                new SampleDraw.GradeDraw(Grade.B, 5, null, 2, "plan", 2),
                new SampleDraw.GradeDraw(Grade.C, 0, new BigDecimal("0.1"), null, "model", 0),
                new SampleDraw.GradeDraw(Grade.D, 10, new BigDecimal("0.3"), null, "model", 3)), result.grades());
        assertEquals(6, result.sample().size());
    }
}
