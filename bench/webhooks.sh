#!/usr/bin/env bash
# Measures post-loan monitoring by webhooks (issue 15): the latency from the commit of a failing to
# the delivery of its signed event, with WATCHED subjects watched by one bank and a burst of one
# failing per watched subject. Per scale it makes sure the data set is loaded into its own database
# opencredit_benchwh_<scale> (the jar's seed fills an empty one; this script writes into it), starts
# the packaged jar once with production settings (prod profile, BENCH_JVM_OPTS, Redis database
# BENCH_REDIS_DB) except that webhooks may target loopback, where bench/webhooks.py runs the
# receiver, and then (bench/webhooks.py):
#
#   setup    a bank, its endpoint for record.failing-published, an active post-loan-monitoring
#            consent of each of WATCHED subjects to the bank (recorded by an operator)
#   batch    one penalty per watched subject in one ingestion request (one commit for all)
#   single   one ingestion request per penalty, CONCURRENCY at a time (one commit each)
#
# For each event: the time from the ingestion's answer (after its commit) to the event's arrival at
# the receiver, a lower bound of commit → delivery, and from the ingestion's request, an upper bound;
# p50, p90, p99, max. The receiver checks every signature and counts webhook-ids that came twice.
#
#   bench/webhooks.sh [scale ...]          default: 20000 subjects
#   WATCHED=1000 CONCURRENCY=16 bench/webhooks.sh 20000
#
# Environment (defaults in brackets): WATCHED [1000]; CONCURRENCY [16]; POLL_EVERY [PT0.25S], the
# workers' opencredit.webhook.poll-every; TIMEOUT [120] seconds to wait for every event of a burst;
# PLAN [bench]; DEPARTMENT_USCC [11659001MB0000019Q] of the ingesting department; BENCH_JVM_OPTS;
# BENCH_REDIS_DB [9]; PORT [8290]; RELOAD=1 drops and reloads each data set; BUILD=never takes
# target/quarkus-app as it is; RESULTS_DIR [bench/results] and DOCS_FILE [docs/benchmarks.md].
# Everything listens on and talks to 127.0.0.1 only.
#
# Results: RESULTS_DIR/webhooks-<date>.json and the section between <!-- bench:webhooks.sh:begin -->
# and <!-- bench:webhooks.sh:end --> in DOCS_FILE; the rest of DOCS_FILE is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

COMMAND=$(bench_command bench/webhooks.sh WATCHED CONCURRENCY POLL_EVERY TIMEOUT PLAN DEPARTMENT_USCC BENCH_JVM_OPTS BENCH_REDIS_DB PORT \
  RELOAD BUILD RESULTS_DIR DOCS_FILE -- "$@")
SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(20000)
WATCHED=${WATCHED:-1000}
CONCURRENCY=${CONCURRENCY:-16}
POLL_EVERY=${POLL_EVERY:-PT0.25S}
TIMEOUT=${TIMEOUT:-120}
PLAN=${PLAN:-bench}
DEPARTMENT_USCC=${DEPARTMENT_USCC:-11659001MB0000019Q}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-9}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
BEGIN_MARKER='<!-- bench:webhooks.sh:begin -->'
END_MARKER='<!-- bench:webhooks.sh:end -->'

die() { echo "bench/webhooks.sh: $*" >&2; exit 2; }
for s in "${SCALES[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "a scale is a positive number of subjects, not '$s'"; done
for v in WATCHED CONCURRENCY TIMEOUT BENCH_REDIS_DB; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number"; done
[[ "$PLAN" =~ ^[a-z0-9-]+$ ]] || die "PLAN must be a plan name"
[[ "$DEPARTMENT_USCC" =~ ^[0-9A-HJ-NPQRTUWXY]{18}$ ]] || die "DEPARTMENT_USCC must be a USCC"
[[ "$POLL_EVERY" =~ ^PT[0-9.]+S$ ]] || die "POLL_EVERY must be an ISO-8601 duration in seconds, like PT0.25S"

source bin/java-home
bin/services
command -v jq >/dev/null || die "jq is needed"
command -v python3 >/dev/null || die "python3 is needed"

WORK=$(mktemp -d)
APP_PID=''
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_package
GIT_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
PORT=$(free_port "${PORT:-8290}")
URL=http://127.0.0.1:$PORT
DATE=$(date -u +%F)
RESULTS=$RESULTS_DIR/webhooks-$DATE.json
mkdir -p "$RESULTS_DIR"
bench_machine_json >"$WORK/machine.json"
: >"$WORK/scales.jsonl"

# consumer PORT TYPE [BOUND]: a consumer of TYPE on PLAN with a key; prints "id key".
consumer() {
  local id key
  id=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench webhooks $(date +%s%N)\",\"type\":\"$2\",\"plan\":\"$PLAN\"${3:+,\"boundUscc\":\"$3\"}}" \
        "http://127.0.0.1:$1/api/v1/admin/consumers" | jq -r .id)
  key=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$1/api/v1/admin/consumers/$id/keys" | jq -r .key)
  echo "$id $key"
}

for SCALE in "${SCALES[@]}"; do
  echo "== $SCALE subjects, $WATCHED watched"
  DB=$(bench_database "$SCALE" opencredit_benchwh)
  start_app "$DB" "$PORT" "$WORK/$SCALE.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB" \
    OPENCREDIT_WEBHOOK_SECRET_KEY="$(head -c 32 /dev/urandom | base64 -w0)" -Dopencredit.webhook.allow-local-targets=true \
    -Dopencredit.webhook.poll-every="$POLL_EVERY" -Dopencredit.plans.bench.rate-per-second=1000000 \
    -Dopencredit.plans.bench.burst=1000000 -Dopencredit.plans.bench.daily-quota=1000000000000
  read -r _ OPERATOR_KEY <<<"$(consumer "$PORT" operator)"
  read -r BANK_ID BANK_KEY <<<"$(consumer "$PORT" bank)"
  read -r _ DEPARTMENT_KEY <<<"$(consumer "$PORT" department "$DEPARTMENT_USCC")"
  [ -n "$OPERATOR_KEY" ] && [ -n "$BANK_KEY" ] && [ -n "$DEPARTMENT_KEY" ] || die "could not create the consumers"
  # Subjects nobody watches yet, so that each burst event goes to this run's bank alone.
  psql_ -d "$DB" -F $'\t' -c "
    SELECT s.uscc, s.name, CASE WHEN s.subject_type = 'INDIVIDUAL_BUSINESS' THEN '个体工商户' ELSE '法人及非法人组织' END
    FROM subject s WHERE s.uscc IS NOT NULL AND s.subject_type <> 'GOVERNMENT_BODY' AND s.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = s.id AND c.purpose = 'POST_LOAN_MONITORING')
    ORDER BY md5(s.uscc) LIMIT $WATCHED" >"$WORK/watched.tsv"
  [ "$(wc -l <"$WORK/watched.tsv")" = "$WATCHED" ] || die "only $(wc -l <"$WORK/watched.tsv") unwatched subjects in $DB"
  python3 bench/webhooks.py run --url "$URL" --operator-key "$OPERATOR_KEY" --bank-id "$BANK_ID" --bank-key "$BANK_KEY" \
    --department-key "$DEPARTMENT_KEY" --department-uscc "$DEPARTMENT_USCC" --subjects "$WORK/watched.tsv" \
    --out "$WORK/$SCALE.json" --concurrency "$CONCURRENCY" --timeout "$TIMEOUT"
  RSS_MB=$(ps -o rss= -p "$APP_PID" 2>/dev/null | awk '{print int($1 / 1024)}' || true)
  stop_app
  jq -c --argjson scale "$SCALE" --arg db "$DB" --argjson rss "${RSS_MB:-null}" '{scale: $scale, database: $db, jvm_rss_mb_at_end: $rss} + .' \
    "$WORK/$SCALE.json" >>"$WORK/scales.jsonl"
done

jq -n --arg command "$COMMAND" --arg commit "$GIT_COMMIT" --arg date "$DATE" --slurpfile machine "$WORK/machine.json" \
  --arg poll "$POLL_EVERY" --argjson concurrency "$CONCURRENCY" --slurpfile scales "$WORK/scales.jsonl" \
  '{command: $command, commit: $commit, date: $date, machine: $machine[0], poll_every: $poll, concurrency: $concurrency, scales: $scales}' \
  >"$RESULTS"

jq -r --arg open_marker "$BEGIN_MARKER" --arg close_marker "$END_MARKER" '
  def n0: if . == null then "—" else (. | round | tostring) end;
  . as $root | $open_marker,
  "## Webhooks: commit → delivery (bench/webhooks.sh, \(.date), commit \(.commit))",
  "",
  "`\(.command)` on \(.machine.nproc) × \(.machine.cpu_model), \(.machine.memory); workers polling every \(.poll_every); one bank, one endpoint on a local receiver that verifies every signature.",
  "",
  "| subjects | watched | burst | delivered | from the answer p50 / p90 / p99 / max ms | from the request p50 / p99 ms | ingestion s | last event after s |",
  "| ---: | ---: | --- | ---: | --- | --- | ---: | ---: |",
  (.scales[] as $s | $s.bursts[] |
    "| \($s.scale) | \($s.watched_subjects) | \(if .mode == "batch" then "1 request of \(.failings) penalties" else "\(.failings) requests, \($root.concurrency) at a time" end) | \(.delivered) of \(.failings) | \(.from_answer.p50_ms | n0) / \(.from_answer.p90_ms | n0) / **\(.from_answer.p99_ms | n0)** / \(.from_answer.max_ms | n0) | \(.from_request.p50_ms | n0) / \(.from_request.p99_ms | n0) | \(.ingestion_seconds) | \(.last_delivery_after_first_request_seconds) |"),
  "",
  (.scales[] | "Scale \(.scale): webhook-ids received twice: \(.duplicates); signatures that did not verify: \(.bad_signatures); JVM resident at the end \(.jvm_rss_mb_at_end) MB."),
  $close_marker' "$RESULTS" >"$WORK/section.md"
bench_docs_section "$DOCS_FILE" "$BEGIN_MARKER" "$END_MARKER" "$WORK/section.md" || true
echo "results: $RESULTS, $DOCS_FILE"
