#!/usr/bin/env bash
# Compares the rule-engine candidates for 信易+ eligibility rules (docs/adr/0015-cel-for-eligibility-rules.md):
# parse and evaluation time of one rule and whether an expression reaches arbitrary Java. The
# candidates other than CEL are not project dependencies; fetch them first with
#   ./mvnw dependency:get -Dartifact=org.apache.commons:commons-jexl3:3.6.0
#   ./mvnw dependency:get -Dartifact=org.springframework:spring-expression:7.0.10
#   ./mvnw dependency:get -Dartifact=org.mvel:mvel2:2.5.2.Final
# Then times the CPU part of an uncached answer: the demo catalogue for one subject (CatalogueBench).
# Run it under the shared Maven lock on a shared machine (flock /tmp/mvnw.lock bench/rules/run.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/java-home
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
M2="${HOME}/.m2/repository"
EXTRA="$M2/org/apache/commons/commons-jexl3/3.6.0/commons-jexl3-3.6.0.jar:$M2/commons-logging/commons-logging/1.3.5/commons-logging-1.3.5.jar"
EXTRA="$EXTRA:$M2/org/springframework/spring-expression/7.0.10/spring-expression-7.0.10.jar:$M2/org/springframework/spring-core/7.0.10/spring-core-7.0.10.jar"
EXTRA="$EXTRA:$M2/org/mvel/mvel2/2.5.2.Final/mvel2-2.5.2.Final.jar"
java -cp "$(cat target/bench-classpath.txt):$EXTRA" bench/rules/RuleEngineBench.java
# The demo catalogue for one subject, with the gateway's own classes (compiled by the package step).
./mvnw -B -q compile
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -proc:none -d "$OUT" -cp "target/classes:$(cat target/bench-classpath.txt)" bench/rules/CatalogueBench.java
java -cp "$OUT:target/classes:$(cat target/bench-classpath.txt)" cn.opencredit.gateway.incentive.CatalogueBench
