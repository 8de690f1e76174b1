package cn.opencredit.gateway.seed;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.seed.RecordTemplates.Template;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Which kind of record a subject gets next: a category by weight among those open to its type and
 * industry section, then one of that category's templates: a restaurant gets food licences, a
 * builder site inspections.
 */
final class RecordChoices {

    private static final Map<RecordCategory, Integer> CATEGORY_WEIGHTS = categoryWeights();

    private static final RecordChoice[] CHOICES = choices();

    private RecordChoices() {
    }

    static Template pick(SubjectType type, char section, RandomGenerator random) {
        return CHOICES[key(type, section)].pick(random);
    }

    /** The record kinds open to one (subject type, industry section): category by weight, then a template of it. */
    private static final class RecordChoice {
        private final Weighted<RecordCategory> categories;
        private final Map<RecordCategory, List<Template>> templates = new EnumMap<>(RecordCategory.class);

        RecordChoice(SubjectType type, char section) {
            Weighted.Builder<RecordCategory> builder = Weighted.builder();
            for (RecordCategory category : RecordCategory.values()) {
                List<Template> applicable = RecordTemplates.applicable(category, type, section);
                if (!applicable.isEmpty()) {
                    templates.put(category, applicable);
                    builder.add(category, CATEGORY_WEIGHTS.get(category));
                }
            }
            this.categories = builder.build();
        }

        Template pick(RandomGenerator random) {
            return Vocabulary.pick(templates.get(categories.pick(random)), random);
        }
    }

    private static RecordChoice[] choices() {
        RecordChoice[] choices = new RecordChoice[SubjectType.values().length * 32];
        for (SubjectType type : GeneratedSubjectTypes.ALL) {
            for (char section = 'A'; section <= 'T'; section++) {
                choices[key(type, section)] = new RecordChoice(type, section);
            }
        }
        return choices;
    }

    private static int key(SubjectType type, char section) {
        return type.ordinal() * 32 + (section - 'A');
    }

    private static Map<RecordCategory, Integer> categoryWeights() {
        // Per mille of all records when every category applies; categories a subject cannot have drop out.
        Map<RecordCategory, Integer> weights = new EnumMap<>(RecordCategory.class);
        weights.put(RecordCategory.LICENCE, 380);
        weights.put(RecordCategory.PENALTY, 160);
        weights.put(RecordCategory.INSPECTION, 120);
        weights.put(RecordCategory.TAX_CREDIT_GRADE, 80);
        weights.put(RecordCategory.COMMITMENT, 60);
        weights.put(RecordCategory.HONOUR, 50);
        weights.put(RecordCategory.INDUSTRY_RATING, 40);
        weights.put(RecordCategory.JUDICIAL, 30);
        weights.put(RecordCategory.COERCION, 20);
        weights.put(RecordCategory.REWARD, 18);
        weights.put(RecordCategory.CONFIRMATION, 15);
        weights.put(RecordCategory.LEVY, 10);
        weights.put(RecordCategory.PAYMENT, 8);
        weights.put(RecordCategory.ADJUDICATION, 5);
        weights.put(RecordCategory.COMPENSATION, 4);
        return Collections.unmodifiableMap(weights);
    }
}
