package cn.opencredit.gateway.incentive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.access.AccessFixtures;

/**
 * Every rule of the catalogue as the demo seeds it, on subjects built to pass it and, for each of
 * its conditions, on one built to fail exactly that condition: the failure names that condition
 * alone, with its reason and the fact behind it. A condition added to the catalogue without a way
 * to fail it here fails this test.
 */
@QuarkusTest
class CatalogueRulesTests {

    private static final SubjectFacts.Record SERIOUS_PENALTY_100_DAYS = new SubjectFacts.Record("penalty", "serious", 3, 100);
    private static final SubjectFacts.Record GENERAL_PENALTY_200_DAYS = new SubjectFacts.Record("penalty", "general", 2, 200);

    /** How to make a subject that otherwise passes fail each condition the catalogue uses, by condition name. */
    private static final Map<String, UnaryOperator<SubjectFacts>> FAILING = Map.of(
            "grade-a-or-b", f -> with(f, "C", f.lists(), f.records(), f.taxGrade(), f.commitmentsBroken(), f.verifiedRegistrations(), f.occupation()),
            "not-black-listed", f -> with(f, f.grade(), List.of("black"), f.records(), f.taxGrade(), f.commitmentsBroken(), f.verifiedRegistrations(),
                    f.occupation()),
            "not-watch-listed", f -> with(f, f.grade(), List.of("watch"), f.records(), f.taxGrade(), f.commitmentsBroken(), f.verifiedRegistrations(),
                    f.occupation()),
            "not-abnormal", f -> with(f, f.grade(), List.of("abnormal"), f.records(), f.taxGrade(), f.commitmentsBroken(),
                    f.verifiedRegistrations(), f.occupation()),
            "no-serious-penalty-3y", f -> with(f, f.grade(), f.lists(), List.of(SERIOUS_PENALTY_100_DAYS), f.taxGrade(), f.commitmentsBroken(),
                    f.verifiedRegistrations(), f.occupation()),
            "no-penalty-1y", f -> with(f, f.grade(), f.lists(), List.of(GENERAL_PENALTY_200_DAYS), f.taxGrade(), f.commitmentsBroken(),
                    f.verifiedRegistrations(), f.occupation()),
            "commitments-kept", f -> with(f, f.grade(), f.lists(), f.records(), f.taxGrade(), 1, f.verifiedRegistrations(), f.occupation()),
            "registered", f -> with(f, f.grade(), f.lists(), f.records(), f.taxGrade(), f.commitmentsBroken(), 0, f.occupation()),
            "tax-grade-a-or-b", f -> with(f, f.grade(), f.lists(), f.records(), "M", f.commitmentsBroken(), f.verifiedRegistrations(),
                    f.occupation()),
            "key-occupation", f -> with(f, f.grade(), f.lists(), f.records(), f.taxGrade(), f.commitmentsBroken(), f.verifiedRegistrations(), ""));

    private static SubjectFacts with(SubjectFacts f, String grade, List<String> lists, List<SubjectFacts.Record> records, String taxGrade,
            long broken, long verified, String occupation) {
        return new SubjectFacts(f.kind(), grade, f.score(), lists, records, taxGrade, f.commitmentsKept(), broken, verified, occupation);
    }

    /** A subject of {@code kind} that every condition of the catalogue passes; a lesser penalty long ago and a red-list entry do not hurt. */
    private static SubjectFacts passing(String kind) {
        return new SubjectFacts(kind, "A", 910, List.of("red"), List.of(new SubjectFacts.Record("penalty", "minor", 1, 40),
                new SubjectFacts.Record("penalty", "serious", 3, 1500), new SubjectFacts.Record("licence", "", 0, 10)), "A", 4, 0, 2,
                "person".equals(kind) ? "teacher" : "");
    }

    private final ObjectMapper json;

    CatalogueRulesTests(ObjectMapper json) {
        this.json = json;
    }

    @Test
    void shouldPassEachRuleOnAGoodSubjectAndFailEachConditionOnItsOwn() throws Exception {
        String answer = given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().get("/api/v1/incentives")
                .then().statusCode(200).extract().asString();
        List<ScenarioView> catalogue = json.readValue(answer, CatalogueView.class).items();
        List<String> seeded = List.of("fast-approval", "credit-rental", "credit-travel", "credit-transport", "library-deposit-waiver",
                "pay-after-treatment", "trusted-housekeeping", "bank-tax", "key-occupation-honour");
        assertTrue(catalogue.stream().map(ScenarioView::code).toList().containsAll(seeded), "the demo catalogue: " + catalogue);
        List<String> checked = new ArrayList<>();
        for (ScenarioView scenario : catalogue.stream().filter(s -> seeded.contains(s.code())).toList()) {
            IncentiveRules.Compilation compiled = IncentiveRules.compile(scenario.conditions(), "conditions");
            assertEquals(List.of(), compiled.errors(), scenario.code());
            IncentiveRepository.Stored stored = new IncentiveRepository.Stored(scenario.code(), scenario.name(), scenario.provider(),
                    scenario.subjectKinds(), scenario.benefit(), scenario.validFrom(), scenario.validUntil(), scenario.conditions(), scenario.version());
            for (String kind : scenario.subjectKinds()) {
                SubjectFacts good = passing(kind);
                EligibilityView.ScenarioEligibility pass = IncentivePolicies.check(stored, compiled.conditions(), good.variables());
                assertTrue(pass.eligible(), scenario.code() + " for a good " + kind + ": " + pass.unmet());
                for (Condition condition : scenario.conditions()) {
                    UnaryOperator<SubjectFacts> breaking = FAILING.get(condition.name());
                    assertTrue(breaking != null, "no way to fail condition " + condition.name() + " of " + scenario.code());
                    EligibilityView.ScenarioEligibility fail = IncentivePolicies.check(stored, compiled.conditions(),
                            breaking.apply(good).variables());
                    assertFalse(fail.eligible(), scenario.code() + " without " + condition.name());
                    assertEquals(1, fail.unmet().size(), scenario.code() + " without " + condition.name() + ": " + fail.unmet());
                    EligibilityView.UnmetCondition unmet = fail.unmet().getFirst();
                    assertEquals(condition.name(), unmet.condition());
                    assertEquals(condition.reasonZh(), unmet.reasonZh());
                    assertTrue(!unmet.facts().isEmpty() || unmet.measured() != null,
                            "the failure of " + condition.name() + " shows the fact behind it: " + unmet);
                    checked.add(scenario.code() + "/" + kind + "/" + condition.name());
                }
            }
        }
        assertTrue(checked.size() >= 30, "conditions checked: " + checked);
    }
}
