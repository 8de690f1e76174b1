package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.opencredit.gateway.evaluation.Grade;

/**
 * The draw of a plan, {@value #ALGORITHM}: a pure function of the seed, the frozen population and
 * the sizes, so that anyone holding the published seed and population gets the same sample
 * (docs/capabilities/sampling.md re-computes it in a few lines of Python).
 *
 * <ol>
 * <li>The population is hashed: SHA-256 over the UTF-8 lines {@code uscc,grade\n} in USCC order.</li>
 * <li>Per grade, the number to draw: a size (at most the grade's population), or
 * {@code ceil(ratio × population)} in exact decimal arithmetic.</li>
 * <li>Per grade, the members are ranked by HMAC-SHA256(key = the seed's UTF-8 bytes, message = the
 * USCC's UTF-8 bytes) as lower-case hex, ascending; the first ones are drawn.</li>
 * </ol>
 */
final class SampleDraw {

    static final String ALGORITHM = "hmac-sha256-rank-v1";

    private SampleDraw() {
    }

    /** A member of the population, with its grade at the draw and its registered name. */
    record Member(String uscc, Grade grade, String name) {
    }

    /** A drawn member: its position within its grade (1 first) and the HMAC that put it there. */
    record Drawn(Member member, int rank, byte[] hmac) {
    }

    /**
     * One grade of the draw.
     *
     * @param ratio  the ratio applied, null when a size was asked for
     * @param size   the size asked for, null when a ratio applied
     * @param source {@code plan} or {@code model}: who sized the grade
     */
    record GradeDraw(Grade grade, int population, BigDecimal ratio, Integer size, String source, int drawn) {
    }

    /** The frozen population (USCC order), its hash, the draw per grade and the sample (grade, then rank). */
    record Result(List<Member> population, byte[] populationSha256, List<GradeDraw> grades, List<Drawn> sample) {
    }

    /**
     * Draws the sample.
     *
     * @param population  the members, in any order
     * @param planSizes   the grades the plan sized itself
     * @param modelRatios the model's sampling ratio of every other grade
     */
    static Result draw(String seed, List<Member> population, Map<Grade, PlanSpec.Sizing> planSizes, Map<Grade, Double> modelRatios) {
        List<Member> ordered = population.stream().sorted(Comparator.comparing(Member::uscc)).toList();
        Mac mac = hmac(seed);
        List<GradeDraw> grades = new ArrayList<>();
        List<Drawn> sample = new ArrayList<>();
        Map<Grade, List<Member>> byGrade = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            byGrade.put(grade, new ArrayList<>());
        }
        ordered.forEach(member -> byGrade.get(member.grade()).add(member));
        for (Grade grade : Grade.values()) {
            List<Member> members = byGrade.get(grade);
            PlanSpec.Sizing sizing = planSizes.containsKey(grade) ? planSizes.get(grade)
                    : new PlanSpec.Sizing(BigDecimal.valueOf(modelRatios.get(grade)).stripTrailingZeros(), null);
            int drawn = drawn(sizing, members.size());
            grades.add(new GradeDraw(grade, members.size(), sizing.ratio(), sizing.size(), planSizes.containsKey(grade) ? "plan" : "model",
                    drawn));
            List<Drawn> ranked = new ArrayList<>(members.size());
            members.forEach(member -> ranked.add(new Drawn(member, 0, mac.doFinal(member.uscc().getBytes(StandardCharsets.UTF_8)))));
            // Unsigned byte order is the order of the lower-case hex; the USCC breaks a tie no one will see.
            ranked.sort(Comparator.comparing(Drawn::hmac, Arrays::compareUnsigned).thenComparing(d -> d.member().uscc()));
            for (int i = 0; i < drawn; i++) {
                sample.add(new Drawn(ranked.get(i).member(), i + 1, ranked.get(i).hmac()));
            }
        }
        return new Result(ordered, populationSha256(ordered), grades, sample);
    }

    /** How many of a grade of {@code population} members are drawn: the size, or ceil(ratio × population), at most all. */
    static int drawn(PlanSpec.Sizing sizing, int population) {
        if (sizing.size() != null) {
            return Math.min(sizing.size(), population);
        }
        int wanted = sizing.ratio().multiply(BigDecimal.valueOf(population)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.min(wanted, population);
    }

    /** SHA-256 over the UTF-8 lines {@code uscc,grade\n}, in the order given (USCC order for a population). */
    static byte[] populationSha256(List<Member> ordered) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Member member : ordered) {
                digest.update((member.uscc() + "," + member.grade().code() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static Mac hmac(String seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM provides HmacSHA256", e);
        }
    }
}
