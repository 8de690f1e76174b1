#!/usr/bin/env bash
# Measures the history's integrity check (issue 11) at scale: the background check that recomputes the
# whole hash chain, verifies every signed checkpoint and compares every current row of credit_record
# and list_entry with its latest history entry. Per scale it makes sure the data set is loaded into its
# own database opencredit_benchint_<scale> (the jar's seed fills an empty one; this script writes
# checkpoints, checks and one tampered row, so it does not share run.sh's data sets), starts the
# packaged jar once with production settings, waits for the first evaluation of every subject to end
# (so that the check does not share the machine with it), then:
#
#   checkpoint   POST /api/v1/admin/history/checkpoints: the head signed on demand, so that the check
#                has a checkpoint to verify besides those the jar signed by itself
#   clean check  POST /api/v1/admin/integrity/checks (202), then GET .../checks/{id} every second until
#                it is finished: entries, checkpoints and rows, seconds, items/s, the progress samples
#                (a chart of the share done over time), whether it was intact
#   tamper check one credit_record row edited with the triggers off (SET session_replication_role =
#                replica, as someone with database access would), the same check again, which must
#                report it as row-differs naming the row; then the row is put back as it was, with the
#                triggers off again, and the data set is intact as before
#   the request  GET /api/v1/admin/integrity (the check in one request) is not timed at this scale: it
#                is for tests and small histories (docs/capabilities/history.md)
#
#   bench/integrity.sh [scale ...]        default: 1000000
#   QUICK=1 bench/integrity.sh            a check of the script: 20000 subjects
#
# Environment (defaults in brackets): JOB_TIMEOUT [3600] seconds a check may take; BENCH_JVM_OPTS
# [-Xms224m -Xmx224m -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=8]; BENCH_REDIS_DB [9]; PORT [8290], the first free port from
# there is taken; RELOAD=1 drops and reloads each data set; BUILD=never takes target/quarkus-app as it
# is; RESULTS_DIR [bench/results] and DOCS_FILE [docs/benchmarks.md].
#
# Results: RESULTS_DIR/integrity-<date>.json and the section between <!-- bench:integrity.sh:begin -->
# and <!-- bench:integrity.sh:end --> in DOCS_FILE, rewritten after each scale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
source bin/java-home

COMMAND=$(bench_command bench/integrity.sh QUICK JOB_TIMEOUT BENCH_JVM_OPTS BENCH_REDIS_DB PORT RELOAD BUILD RESULTS_DIR DOCS_FILE -- "$@")
SCALES=("$@")
if [ "${QUICK:-0}" = 1 ] && [ ${#SCALES[@]} -eq 0 ]; then SCALES=(20000); fi
[ ${#SCALES[@]} -gt 0 ] || SCALES=(1000000)
JOB_TIMEOUT=${JOB_TIMEOUT:-3600}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-9}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
DATE=$(date -u +%F)
STARTED=$(date -u +%FT%TZ)
RESULTS="$RESULTS_DIR/integrity-$DATE.json"
BEGIN_MARKER='<!-- bench:integrity.sh:begin -->'
END_MARKER='<!-- bench:integrity.sh:end -->'
die() { echo "integrity.sh: $*" >&2; exit 1; }
for scale in "${SCALES[@]}"; do [[ "$scale" =~ ^[1-9][0-9]*$ ]] || die "not a number of subjects: $scale"; done
[[ "$JOB_TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "JOB_TIMEOUT must be a number of seconds"
command -v jq >/dev/null || die "needs jq (apt-get install jq)"

WORK=$(mktemp -d)
APP_PID=
trap 'stop_app; rm -rf "$WORK"' EXIT
bench_package
PORT=$(free_port "${PORT:-8290}")
URL="http://127.0.0.1:$PORT"
mkdir -p "$RESULTS_DIR"
bench_machine_json >"$WORK/machine.json"
echo '[]' >"$WORK/scales.json"

api() { # api METHOD PATH [BODY]: the answer's body; fails on a non-2xx status
  curl -fsS -X "$1" -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$URL$2"
}

# run_check NAME: starts a background check, follows it every second, writes WORK/NAME.json (the
# final view plus the samples and the wall-clock seconds from the 202 to the finished view).
run_check() {
  local name=$1 id t0 view state i
  id=$(api POST /api/v1/admin/integrity/checks | jq -r .id)
  t0=$(date +%s.%N)
  : >"$WORK/$name-samples.jsonl"
  for ((i = 0; i < JOB_TIMEOUT; i++)); do
    view=$(api GET "/api/v1/admin/integrity/checks/$id")
    state=$(jq -r .state <<<"$view")
    jq -c --arg t "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')" \
      '{seconds: ($t | tonumber), phase, fraction: .progress.fraction, per_second: .progress.perSecond}' <<<"$view" >>"$WORK/$name-samples.jsonl"
    if [ "$((i % 10))" = 0 ] || [ "$state" != running ]; then
      jq -r '"  \(.state) \(.phase): \(.progress.fraction * 1000 | round / 10) % (\(.progress.entriesVerified)/\(.progress.entriesTotal) entries, \(.progress.rowsChecked)/\(.progress.rowsTotal) rows, \(.progress.perSecond | round)/s)"' <<<"$view"
    fi
    [ "$state" = running ] || break
    sleep 1
  done
  jq --arg wall "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')" --slurpfile samples "$WORK/$name-samples.jsonl" \
    '. + {wall_seconds: ($wall | tonumber), samples: $samples}' <<<"$view" >"$WORK/$name.json"
  [ "$state" = finished ] || die "the $name check ended $state: $(jq -r '.failure // ""' <<<"$view")"
}

for SCALE in "${SCALES[@]}"; do
  echo "== $SCALE subjects"
  DB=$(bench_database "$SCALE" opencredit_benchint)
  STARTED_AT=$(date +%s)
  start_app "$DB" "$PORT" "$WORK/$SCALE.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB"
  READY_AFTER=$(($(date +%s) - STARTED_AT))
  SEED_LINE=$(grep -m1 -oE "Loaded [0-9]+ synthetic subjects.*" "$WORK/$SCALE.log" || true)
  echo "  data set $DB; ${SEED_LINE:-already loaded} (ready after $READY_AFTER s)"
  for ((i = 0; i < JOB_TIMEOUT; i++)); do
    [ "$(psql_ -d "$DB" -c "SELECT count(*) FROM evaluation_job WHERE state IN ('QUEUED', 'RUNNING')")" = 0 ] && break
    [ "$((i % 30))" = 0 ] && echo "  waiting for the evaluation job(s) to end"
    sleep 1
  done
  psql_ -d "$DB" -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
  COUNTS=$(psql_ -d "$DB" -F ' ' -c "SELECT (SELECT count(*) FROM subject), (SELECT count(*) FROM credit_record),
                                             (SELECT count(*) FROM list_entry), (SELECT count(*) FROM history_entry)")
  read -r SUBJECTS RECORDS LIST_ENTRIES ENTRIES <<<"$COUNTS"
  SIZE=$(psql_ -d "$DB" -c "SELECT pg_size_pretty(pg_total_relation_size('history_entry'))")
  echo "  $SUBJECTS subjects, $RECORDS records, $LIST_ENTRIES list entries, $ENTRIES history entries ($SIZE)"

  api POST /api/v1/admin/history/checkpoints >"$WORK/checkpoint.json"
  echo "  checkpoint signed at sequence $(jq -r .sequence "$WORK/checkpoint.json")"
  echo "  clean check"
  run_check clean
  [ "$(jq -r .result.intact "$WORK/clean.json")" = true ] || die "the data set is not intact before the tampering: $(jq -c '.result.findings[:3]' "$WORK/clean.json")"

  # One row edited behind the history's back, in the middle of the id range.
  ROW=$(psql_ -d "$DB" -c "SELECT id FROM credit_record ORDER BY id OFFSET (SELECT count(*) / 2 FROM credit_record) LIMIT 1")
  ORIGINAL=$(psql_ -d "$DB" -c "SELECT title FROM credit_record WHERE id = $ROW")
  psql_ -d "$DB" -c "SET session_replication_role = replica" -c "UPDATE credit_record SET title = title || '（改）' WHERE id = $ROW"
  echo "  tamper check (credit_record row $ROW edited with the triggers off)"
  run_check tampered
  FOUND=$(jq --argjson row "$ROW" '[.result.findings[]? | select(.table == "credit_record" and (.rowId | tostring) == ($row | tostring))] | length' "$WORK/tampered.json")
  # psql interpolates variables only in what it reads, not in -c.
  psql_ -d "$DB" -v title="$ORIGINAL" <<SQL
SET session_replication_role = replica;
UPDATE credit_record SET title = :'title' WHERE id = $ROW;
SQL
  [ "$FOUND" -ge 1 ] || die "the tampered row $ROW was not reported: $(jq -c '.result' "$WORK/tampered.json")"
  echo "  reported: $(jq -c --argjson row "$ROW" '[.result.findings[] | select((.rowId | tostring) == ($row | tostring))][0]' "$WORK/tampered.json")"
  stop_app

  jq -n --argjson scale "$SCALE" --arg db "$DB" --arg seed "$SEED_LINE" --argjson ready "$READY_AFTER" \
    --argjson subjects "$SUBJECTS" --argjson records "$RECORDS" --argjson list_entries "$LIST_ENTRIES" --argjson entries "$ENTRIES" \
    --arg history_size "$SIZE" --argjson row "$ROW" --slurpfile clean "$WORK/clean.json" --slurpfile tampered "$WORK/tampered.json" \
    '{scale: $scale, database: $db, seed_line: $seed, ready_after_seconds: $ready, subjects: $subjects, records: $records,
      list_entries: $list_entries, history_entries: $entries, history_size: $history_size, tampered_row: $row,
      clean: $clean[0], tampered: $tampered[0]}' >"$WORK/scale.json"
  jq --slurpfile s "$WORK/scale.json" '. + $s' "$WORK/scales.json" >"$WORK/scales.next" && mv "$WORK/scales.next" "$WORK/scales.json"

  jq -n --arg command "$COMMAND" --arg started "$STARTED" --arg finished "$(date -u +%FT%TZ)" --arg jvm "$BENCH_JVM_OPTS" \
    --arg commit "$(git rev-parse --short HEAD)" --arg dirty "$(git status --porcelain -- src pom.xml | wc -l)" \
    --slurpfile machine "$WORK/machine.json" --slurpfile scales "$WORK/scales.json" \
    '{command: $command, started: $started, finished: $finished, commit: $commit, uncommitted_source_files: ($dirty | tonumber),
      jvm: $jvm, machine: $machine[0], scales: $scales[0]}' >"$RESULTS"

  jq -r --arg open_marker "$BEGIN_MARKER" --arg close_marker "$END_MARKER" --arg results "$RESULTS" '
    def n0: tostring | [while(length > 0; .[:-3])] | map(.[-3:]) | reverse | join(" ");
    # Both instants carry the same offset: read as UTC, their difference is right; fractions kept.
    def instant: capture("^(?<d>[^.+Z]+)(?<f>\\.[0-9]+)?") | ((.d + "Z") | fromdateiso8601) + ("0\(.f // "")" | tonumber);
    def secs(c): (c.finishedAt | instant) - (c.requestedAt | instant) | . * 10 | round / 10;
    def chart(c; title): c.samples as $s | ($s | length) as $n | (if $n > 24 then ($n / 24 | ceil) else 1 end) as $step
      | [range(0; $n; $step)] as $idx
      | "```mermaid", "xychart-beta", "    title \"\(title)\"",
        "    x-axis \"seconds since the 202\" [\($idx | map($s[.].seconds | round | tostring) | join(", "))]",
        "    y-axis \"% done\" 0 --> 100",
        "    line [\($idx | map($s[.].fraction * 1000 | round / 10 | tostring) | join(", "))]", "```";
    . as $r | $open_marker,
    "## The integrity check at scale (`bench/integrity.sh`)", "",
    "Generated by `bench/integrity.sh` (\($r.started) to \($r.finished), commit \($r.commit)\(if $r.uncommitted_source_files > 0 then " with \($r.uncommitted_source_files) uncommitted source files" else "" end)); every figure and progress sample is in [`\($results)`](../\($results)).", "",
    "```bash", $r.command, "```", "",
    "One start of the packaged jar (\($r.jvm)) per scale on its own data set, after the first evaluation of every subject had ended and a `VACUUM (ANALYZE)`. A check is `POST /api/v1/admin/integrity/checks`, followed every second at `GET …/checks/{id}` (the chain recomputed from the first entry, every signed checkpoint verified on the way, then every current row of `credit_record` and `list_entry` compared with its latest history entry). Then one `credit_record` row is edited with the triggers off and the same check runs again; the row is put back afterwards. Machine: \($r.machine.nproc) × \($r.machine.cpu_model), PostgreSQL \($r.machine.postgresql); other builds may have shared the two cores.", "",
    ($r.scales[] | . as $s |
      "### \($s.subjects | n0) subjects", "",
      "- Data set `\($s.database)`: \($s.records | n0) credit records, \($s.list_entries | n0) list entries, \($s.history_entries | n0) history entries (`history_entry` \($s.history_size)); \(if $s.seed_line != "" then "loaded in this run (`\($s.seed_line)`)" else "loaded before" end).",
      "", "| check | entries recomputed | checkpoints | rows compared | seconds (finishedAt − requestedAt) | items/s | intact | findings |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
      ([["clean", $s.clean], ["one row edited", $s.tampered]][] | . as [$what, $c] |
        "| \($what) | \($c.progress.entriesVerified | n0) | \($c.progress.checkpointsVerified) | \($c.progress.rowsChecked | n0) | \(secs($c)) | \($c.progress.perSecond | round | n0) | \($c.result.intact) | \($c.progress.findings) |"),
      "", "The edited row (`credit_record` \($s.tampered_row)) was reported as: `\([$s.tampered.result.findings[] | select((.rowId | tostring) == ($s.tampered_row | tostring))][0] | tojson)`", "",
      chart($s.clean; "Clean check at \($s.subjects | n0) subjects: share done"), ""),
    $close_marker' "$RESULTS" >"$WORK/section.md"
  bench_docs_section "$DOCS_FILE" "$BEGIN_MARKER" "$END_MARKER" "$WORK/section.md" || true
  echo "  results: $RESULTS; $DOCS_FILE updated"
done
