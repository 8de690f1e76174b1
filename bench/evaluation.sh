#!/usr/bin/env bash
# Measures the public credit evaluation (issue 13): how fast everyone is recomputed, what a recompute
# does to API traffic, how soon a write shows in the grade, and how fast the evaluation is read. Per
# scale (number of synthetic subjects) it makes sure the data set is loaded into its own database
# opencredit_benchev_<scale> (the jar's seed fills an empty one: this script writes, so it does not
# share run.sh's opencredit_bench_<scale>), starts the packaged jar once with production settings
# (prod profile, BENCH_JVM_OPTS, Redis database BENCH_REDIS_DB) and measures, in this order:
#
#   first evaluation  the recompute the jar starts by itself on its first start over an empty
#                     evaluation table, followed to its end; reported apart ("first evaluation at
#                     start"), and taken from the job table when the data set was evaluated before
#   recompute         POST /api/v1/admin/evaluation/recomputes (operator), GET .../jobs/{id} every
#                     second until finished: subjects, seconds (finishedAt - startedAt), subjects/s,
#                     the progress samples (a chart of done over time); meanwhile pg_stat_activity is
#                     sampled every 100 ms to show where the job's time goes (each statement, or the
#                     JVM between statements)
#   reads             wrk on GET /api/v1/subjects/{uscc}/evaluation over the hot set of the profile
#                     scenario (bench/hotset.lua with HOTSET_PATH: Zipf-like over SAMPLE subjects, the
#                     same subjects in the same order as run.sh), keyed and anonymous, and the profile
#                     itself (GET /api/v1/subjects/{uscc}) the same two ways, for the ratio
#   under load        a second recompute while wrk runs the keyed profile hot set for as long as the
#                     job runs: requests/s and p99 against the keyed profile run just before, when no
#                     job ran ("does not stall API traffic"); and the job's own rate under that load
#   (after each recompute, VACUUM (ANALYZE) of evaluation and evaluation_history and a CHECKPOINT,
#   timed as its "aftermath", so that the next step does not pay for its dead rows and WAL)
#   write -> grade    SAMPLES times: a random active subject graded A or B with no current list entry
#                     (and room in its failings dimension for 150 more points) gets one serious
#                     penalty decided today, ingested as a department consumer
#                     (POST /api/v1/ingest/records, JSON); its evaluation is read with an operator's
#                     key every POLL_MS until the score dropped: p50, p90, p99, max of the time from
#                     the ingestion's answer to the first answer with the new score (bench/evaluation.py)
#
#   bench/evaluation.sh [scale ...]              default: 1000000
#   QUICK=1 bench/evaluation.sh                  a check of the script: 20000 subjects, DURATION=5s,
#                                                WARMUP=2s, JIT_WARMUP=5s, SAMPLES=20 unless given
#   DURATION=10s SAMPLES=50 bench/evaluation.sh 20000
#   PHASES=writes bench/evaluation.sh 20000      only the write -> grade latency
#
# Environment (defaults in brackets): PHASES [all] of recompute, reads, load, writes, comma- or
# space-separated (the first evaluation is always followed: every later step waits for it);
# DURATION [30s] and WARMUP [10s] per wrk read run; JIT_WARMUP [20s] of hot-set reads of each
# endpoint after the start, not measured; SAMPLES [200] writes for the write -> grade latency,
# POLL_MS [20] between its reads, LATENCY_TIMEOUT [30] seconds a write may take to show;
# JOB_TIMEOUT [3600] seconds a job may take; THREADS [2], CONNECTIONS [64]; PLAN [bench] of the
# keyed consumers (defined here without practical limits; anonymous callers are put on it too, so
# that the limiter runs and refuses none of wrk's calls); SAMPLE [20000] subjects in the hot set,
# HOTSET_EXPONENT [1.1]; DEPARTMENT_USCC [11659001MB0000019Q] of the ingesting department;
# BENCH_JVM_OPTS [-Xms224m -Xmx224m -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=8]; BENCH_REDIS_DB [8], the Redis database of
# the jar's cache and limiter; PORT [8190], the first free port from there is taken; RELOAD=1 drops
# and reloads each data set (the first evaluation is then measured again); BUILD=never takes
# target/quarkus-app as it is; RESULTS_DIR [bench/results] and DOCS_FILE [docs/benchmarks.md].
# Everything listens on and talks to 127.0.0.1 only.
#
# Each run writes to its data set: two recomputes (new evaluated_at, history rows where a result
# changed), SAMPLES penalties (sourceRecordIds bench-evaluation-<time>-<n>), consumers and access
# log rows. RELOAD=1 starts again from the seed.
#
# Results: RESULTS_DIR/evaluation-<date>.json (machine, settings, every figure and sample) and the
# section between <!-- bench:evaluation.sh:begin --> and <!-- bench:evaluation.sh:end --> in
# DOCS_FILE, both rewritten after each scale; the rest of DOCS_FILE is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

COMMAND=$(bench_command bench/evaluation.sh QUICK PHASES DURATION WARMUP JIT_WARMUP SAMPLES POLL_MS LATENCY_TIMEOUT JOB_TIMEOUT THREADS \
  CONNECTIONS PLAN SAMPLE HOTSET_EXPONENT DEPARTMENT_USCC BENCH_JVM_OPTS BENCH_REDIS_DB PORT RELOAD BUILD RESULTS_DIR DOCS_FILE -- "$@")

SCALES=("$@")
if [ "${QUICK:-0}" = 1 ]; then
  [ ${#SCALES[@]} -gt 0 ] || SCALES=(20000)
  DURATION=${DURATION:-5s} WARMUP=${WARMUP:-2s} JIT_WARMUP=${JIT_WARMUP:-5s} SAMPLES=${SAMPLES:-20}
fi
[ ${#SCALES[@]} -gt 0 ] || SCALES=(1000000)
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
JIT_WARMUP=${JIT_WARMUP:-20s}
SAMPLES=${SAMPLES:-200}
POLL_MS=${POLL_MS:-20}
LATENCY_TIMEOUT=${LATENCY_TIMEOUT:-30}
JOB_TIMEOUT=${JOB_TIMEOUT:-3600}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PLAN=${PLAN:-bench}
SAMPLE=${SAMPLE:-20000}
export HOTSET_EXPONENT=${HOTSET_EXPONENT:-1.1}
DEPARTMENT_USCC=${DEPARTMENT_USCC:-11659001MB0000019Q}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-8}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
BEGIN_MARKER='<!-- bench:evaluation.sh:begin -->'
END_MARKER='<!-- bench:evaluation.sh:end -->'
PROFILE_PATH='/api/v1/subjects/{uscc}'
EVALUATION_PATH='/api/v1/subjects/{uscc}/evaluation'

die() { echo "bench/evaluation.sh: $*" >&2; exit 2; }
seconds() { # a wrk duration (30, 30s, 2m, 1h) in whole seconds
  case "$1" in
    *[0-9]s) echo "${1%s}" ;; *m) echo $((${1%m} * 60)) ;; *h) echo $((${1%h} * 3600)) ;; *) echo "$1" ;;
  esac
}
for s in "${SCALES[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "a scale is a positive number of subjects, not '$s'"; done
for v in DURATION WARMUP JIT_WARMUP; do [[ "$(seconds "${!v}")" =~ ^[1-9][0-9]*$ ]] || die "$v must be like 30s, 2m or 1h"; done
for v in SAMPLES LATENCY_TIMEOUT JOB_TIMEOUT THREADS CONNECTIONS SAMPLE BENCH_REDIS_DB; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number"
done
[[ "$POLL_MS" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "POLL_MS must be a number of milliseconds"
[[ "$PLAN" =~ ^[a-z0-9-]+$ ]] || die "PLAN must be a plan name"
[[ "$DEPARTMENT_USCC" =~ ^[0-9A-HJ-NPQRTUWXY]{18}$ ]] || die "DEPARTMENT_USCC must be a USCC"
[[ "$HOTSET_EXPONENT" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "HOTSET_EXPONENT must be a number"
ALL_PHASES=(recompute reads load writes)
PHASE_LIST=()
if [ "${PHASES:-all}" = all ]; then PHASE_LIST=("${ALL_PHASES[@]}"); else
  for phase in ${PHASES//,/ }; do
    [[ " ${ALL_PHASES[*]} " == *" $phase "* ]] || die "unknown phase '$phase' (known: ${ALL_PHASES[*]} or all)"
    PHASE_LIST+=("$phase")
  done
fi
wants() { [[ " ${PHASE_LIST[*]} " == *" $1 "* ]]; }

source bin/java-home
bin/services
apt_updated=
need() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2" >&2
  [ -n "$apt_updated" ] || { apt-get update -q >/dev/null; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need jq jq
need redis-cli redis-tools
need python3 python3

WORK=$(mktemp -d)
APP_PID='' WRK_PID='' SAMPLER_PID='' HELPER_PID=''
cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  rm -f "$WORK/sampling"
  for pid in "$WRK_PID" "$SAMPLER_PID" "$HELPER_PID"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  stop_app || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_package
GIT_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain 2>/dev/null | grep -c . || true)
JAR_BUILT=$(date -u -r target/quarkus-app/quarkus-run.jar +%FT%TZ)
JAR_STALE=$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)
[ -z "$JAR_STALE" ] || echo "note: the jar (built $JAR_BUILT) is older than $JAR_STALE" >&2
PORT=$(free_port "${PORT:-8190}")
URL=http://127.0.0.1:$PORT
DATE=$(date -u +%F)
STARTED=$(date -u +%FT%TZ)
RESULTS=$RESULTS_DIR/evaluation-$DATE.json
mkdir -p "$RESULTS_DIR"
COMMON=(QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB"
  -Dopencredit.plans.bench.rate-per-second=1000000 -Dopencredit.plans.bench.burst=1000000
  -Dopencredit.plans.bench.daily-quota=1000000000000 -Dopencredit.access.anonymous-plan="$PLAN")

bench_machine_json >"$WORK/machine.json"
echo "machine: $(jq -r '"\(.nproc) × \(.cpu_model), \(.memory), \(.java_version | split(";")[0])"' "$WORK/machine.json")"
: >"$WORK/scales.jsonl"
declare -A READS=()

# ------------------------------------------------------------------------------------------------
# Measuring
# ------------------------------------------------------------------------------------------------
note() { echo "  note: $*"; echo "$*" >>"$WORK/notes.txt"; }

# read_run NAME PATH [KEY]: wrk on the hot set at PATH ({uscc} in it), a warm-up, then the measured
# run with --latency into $WORK/NAME.txt; prints its figures as JSON (null when wrk failed).
read_run() {
  local name=$1 path=$2 key=${3:-}
  if HOTSET_PATH=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$key" \
        >"$WORK/$name.warmup.txt" 2>&1 \
      && HOTSET_PATH=$path timeout $(($(seconds "$DURATION") + 120)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$key" \
        >"$WORK/$name.txt" 2>&1; then
    wrk_json "$WORK/$name.txt"
  else
    echo "  wrk $name failed: $(tail -3 "$WORK/$name.txt" 2>/dev/null)" >&2
    echo null
  fi
}

# start_recompute: POST /api/v1/admin/evaluation/recomputes, prints the job's id.
start_recompute() {
  local status
  status=$(curl -sS -o "$WORK/recompute-answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $OPERATOR_KEY" \
    "$URL/api/v1/admin/evaluation/recomputes")
  if [ "$status" != 202 ]; then
    echo "  POST /api/v1/admin/evaluation/recomputes answered $status: $(head -c 300 "$WORK/recompute-answer.json")" >&2
    return 1
  fi
  jq -r '.id' "$WORK/recompute-answer.json"
}

# follow_job ID OUT: follows the job to its end (bench/evaluation.py job), the figures into OUT.
follow_job() {
  python3 bench/evaluation.py job --url "$URL" --key "$OPERATOR_KEY" --id "$1" --out "$2" --timeout "$JOB_TIMEOUT" &
  HELPER_PID=$!
  local rc=0
  wait "$HELPER_PID" || rc=$?
  HELPER_PID=
  return "$rc"
}

# wait_for_jobs: waits for every queued or running job (one left running by an interrupted run is
# taken over by this jar within about a minute), then for the evaluation queue to empty.
wait_for_jobs() {
  local id i
  for id in $(psql_ -d "$DB" -c "SELECT id FROM evaluation_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY requested_at"); do
    note "evaluation job $id was still running; waited for it"
    follow_job "$id" "$WORK/$SCALE-waited-$id.json" || true
  done
  for ((i = 0; i < 120; i++)); do
    [ "$(psql_ -d "$DB" -c "SELECT count(*) FROM evaluation_pending")" = 0 ] && return 0
    sleep 1
  done
  note "the evaluation queue still held $(psql_ -d "$DB" -c "SELECT count(*) FROM evaluation_pending") subjects after 120 s"
}

# settle: VACUUM (ANALYZE) of the tables a recompute rewrites, then a CHECKPOINT, so that the next
# measurement does not pay for the recompute's dead rows and WAL (autovacuum and the checkpointer
# would, at a moment of their choosing); prints the seconds it took.
settle() {
  local t0
  t0=$(date +%s.%N)
  psql_ -d "$DB" -c "VACUUM (ANALYZE) evaluation, evaluation_history" -c "CHECKPOINT"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f\n", b - a}'
}

# Where a job's time goes: pg_stat_activity of the data set's database every 100 ms, on one psql
# connection, while the job runs; afterwards the samples of the job's own connection are counted by
# what it was doing: a statement (active), or nothing in PostgreSQL (idle in transaction between the
# statements of a batch, idle between batches): time in the JVM, or on the way there and back.
start_sampler() { # OUT
  touch "$WORK/sampling"
  { while [ -e "$WORK/sampling" ]; do
      printf '%s\n' "SELECT extract(epoch FROM clock_timestamp())::numeric(16,3), pid, state, coalesce(wait_event_type, '-'),
                            regexp_replace(left(query, 160), '\s+', ' ', 'g')
                     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND backend_type = 'client backend';"
      sleep 0.1
    done; } | psql_ -d "$DB" -F $'\t' >"$1" 2>/dev/null &
  SAMPLER_PID=$!
}
stop_sampler() { # the loop stops feeding psql, which then ends at the end of its input
  rm -f "$WORK/sampling"
  [ -n "$SAMPLER_PID" ] || return 0
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
}
# job_time SAMPLES JOB-JSON: the job connection's samples between startedAt and finishedAt, by activity, as JSON.
job_time() {
  local from to
  from=$(python3 -c 'import json,sys,datetime
j = json.load(open(sys.argv[1]))
f = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else 0
print(f(j.get("started_at")), f(j.get("finished_at")) or 9e18)' "$2")
  read -r from to <<<"$from"
  awk -F '\t' -v from="$from" -v to="$to" '
    function activity(state, query) {
      if (state == "idle in transaction") return "JVM: within a batch (between statements)"
      if (state == "idle") return "JVM: between batches (after commit)"
      if (state != "active") return state
      if (query ~ /^SELECT max\(id\) FROM \(SELECT id FROM subject/) return "SQL: the next batch'"'"'s id range"
      if (query ~ /FROM subject WHERE uscc IS NOT NULL AND id >=/) return "SQL: read subjects"
      if (query ~ /FROM credit_record/) return "SQL: read credit records"
      if (query ~ /FROM list_entry/) return "SQL: read list entries"
      if (query ~ /^WITH incoming AS/) return "SQL: store results and history"
      if (query ~ /^UPDATE evaluation_job SET subjects_done/) return "SQL: record progress"
      if (query ~ /^COMMIT/) return "SQL: commit"
      return "SQL: other (" substr(query, 1, 40) ")"
    }
    FNR == NR {
      if ($5 ~ /^WITH incoming AS|^UPDATE evaluation_job SET subjects_done|FROM subject WHERE uscc IS NOT NULL AND id >=/) hits[$2]++
      next
    }
    FNR == 1 { for (p in hits) if (hits[p] > best) { best = hits[p]; pid = p } }
    $2 == pid && $1 >= from && $1 <= to { n++; count[activity($3, $5)]++; if ($3 == "active" && $4 != "-") waits[$4]++ }
    END {
      printf "{\"pid\": %s, \"samples\": %d, \"every_ms\": 100, \"activities\": [", (pid == "" ? "null" : pid), n
      sep = ""
      for (a in count) {
        e = a; gsub(/\\/, "\\\\", e); gsub(/"/, "\\\"", e)
        printf "%s{\"activity\": \"%s\", \"samples\": %d, \"share\": %.4f}", sep, e, count[a], count[a] / n; sep = ", "
      }
      printf "], \"waits_while_active\": {"
      sep = ""
      for (w in waits) { printf "%s\"%s\": %d", sep, w, waits[w]; sep = ", " }
      printf "}}\n"
    }' "$1" "$1" | jq -c '.activities |= sort_by(-.samples)'
}

# ------------------------------------------------------------------------------------------------
# Results: RESULTS_DIR/evaluation-<date>.json and the section of DOCS_FILE
# ------------------------------------------------------------------------------------------------
write_results() {
  jq -n --arg date "$DATE" --arg started "$STARTED" --arg finished "$(date -u +%FT%TZ)" --arg command "$COMMAND" \
    --arg commit "$GIT_COMMIT" --argjson dirty "$GIT_DIRTY" --arg jar_built "$JAR_BUILT" --arg jar_stale "$JAR_STALE" \
    --slurpfile machine "$WORK/machine.json" --slurpfile scales "$WORK/scales.jsonl" \
    --arg duration "$DURATION" --arg warmup "$WARMUP" --arg jit_warmup "$JIT_WARMUP" --argjson threads "$THREADS" \
    --argjson connections "$CONNECTIONS" --arg plan "$PLAN" --argjson sample "$SAMPLE" --arg exponent "$HOTSET_EXPONENT" \
    --argjson samples "$SAMPLES" --arg poll_ms "$POLL_MS" --argjson latency_timeout "$LATENCY_TIMEOUT" \
    --arg jvm "$BENCH_JVM_OPTS" --argjson redis_db "$BENCH_REDIS_DB" --arg phases "${PHASE_LIST[*]}" \
    '{date: $date, started: $started, finished: $finished, command: $command,
      git: {commit: $commit, uncommitted_files: $dirty}, jar: {built: $jar_built, older_than_sources: ($jar_stale != "")},
      settings: {phases: ($phases | split(" ")), duration: $duration, warmup: $warmup, jit_warmup: $jit_warmup, wrk: "-t\($threads) -c\($connections) --latency",
                 plan: $plan, hotset_subjects: $sample, hotset_exponent: ($exponent | tonumber), write_samples: $samples,
                 poll_ms: ($poll_ms | tonumber), latency_timeout_seconds: $latency_timeout, jvm: "\($jvm), prod profile",
                 redis_database: $redis_db},
      machine: $machine[0], scales: $scales}' >"$WORK/results.json"
  cp "$WORK/results.json" "$RESULTS"

  jq -r --arg open_marker "$BEGIN_MARKER" --arg close_marker "$END_MARKER" --arg results "$RESULTS" '
    def thousands: if length > 3 then (.[:-3] | thousands) + " " + .[-3:] else . end;
    def n0: if . == null then "—" else (round | tostring | if test("^[0-9]+$") then thousands else . end) end;
    def n1: if . == null then "—" else (. * 10 | round / 10 | tostring) end;
    def n2: if . == null then "—" else (. * 100 | round / 100 | tostring) end;
    def pct: if . == null then "—" else (. * 1000 | round / 10 | tostring) + " %" end;
    def ratio($a; $b): if $a == null or $b == null or $b == 0 then null else $a / $b end;
    def job_line: if . == null then "—"
                  elif .state != "finished" then "\(.state)\(if .failure then ": \(.failure)" else "" end)"
                  else "\(.subjects | n0) subjects in \(.seconds | n1) s = **\(.subjects_per_second | n0) subjects/s**\(if .changed != null then " (\(.changed | n0) results changed)" else "" end)" end;
    def chart($title):
      if .chart == null then empty else
        "", "```mermaid", "xychart-beta",
        "    title \"\($title)\"",
        "    x-axis \"seconds since startedAt\" [\(.chart.seconds | map(tostring) | join(", "))]",
        "    y-axis \"subjects done\" 0 --> \(.total // (.chart.done | max))",
        "    line [\(.chart.done | map(tostring) | join(", "))]",
        "```" end;
    . as $r
    | $open_marker,
      "## Public credit evaluation (`bench/evaluation.sh`)",
      "",
      "Generated by `bench/evaluation.sh` (\($r.started) to \($r.finished), commit \($r.git.commit)\(if $r.git.uncommitted_files > 0 then " with \($r.git.uncommitted_files) uncommitted files" else "" end); jar built \($r.jar.built)\(if $r.jar.older_than_sources then ", older than the sources" else "" end)); every figure and sample is in [`\($results)`](\(if ($results | startswith("/")) then $results else "../\($results)" end)).",
      "",
      "```bash",
      $r.command,
      "```",
      "",
      "Machine: \($r.machine.nproc) × \($r.machine.cpu_model), \($r.machine.memory), \($r.machine.os); \($r.machine.java_version | split(";")[0]); PostgreSQL \($r.machine.postgresql), Redis \($r.machine.redis), wrk \($r.machine.wrk).",
      "",
      "One start of the packaged jar per scale (\($r.settings.jvm)) on its own data set, loaded by the jar'"'"'s seed. A recompute is `POST /api/v1/admin/evaluation/recomputes`, followed every second at `GET /api/v1/admin/evaluation/jobs/{id}`; its time is `finishedAt − startedAt`; after each recompute the script runs `VACUUM (ANALYZE) evaluation, evaluation_history` and a `CHECKPOINT` (*aftermath* below), so that what follows does not pay for its dead rows and WAL at a moment autovacuum chooses. Reads: `wrk \($r.settings.wrk) -d\($r.settings.duration)` after a \($r.settings.warmup) warm-up, over the hot set of `bench/run.sh` (\($r.settings.hotset_subjects) subjects, Zipf s = \($r.settings.hotset_exponent)), keyed (a consumer on plan `\($r.settings.plan)`, with the rate limiter and the access log) or anonymous (limiter and log on; anonymous callers are put on plan `\($r.settings.plan)` so that none is refused). Under load, the keyed profile hot set runs for as long as the second recompute does, against the same run just before with no job. Write → new grade: one serious penalty per subject (an active subject graded A or B, on no list), ingested by a department; the evaluation is read with an operator'"'"'s key every \($r.settings.poll_ms) ms from the ingestion'"'"'s answer until the score has dropped, after a random 0–1 s pause before each write so that writes fall at any moment of the worker'"'"'s polling.",
      ( $r.scales[] as $s
        | ($s.reads.profile_keyed.requests_per_second) as $pk
        | ($s.reads.profile_anonymous.requests_per_second) as $pa
        | "",
          "### \($s.scale | n0) subjects",
          "",
          "- Data set `\($s.database)`: \($s.subjects | n0) subjects, \($s.with_uscc | n0) with a USCC, \($s.graded | n0) graded; \(if $s.seed.loaded then "loaded in this run (`\($s.seed.line)`)" else "loaded before (RELOAD=1 reloads it)" end); ready \($s.ready_after_seconds) s after the start.",
          "",
          "| measure | figure | aim (issue 13) |",
          "| --- | --- | --- |",
          "| first evaluation at start\(if $s.first_evaluation.from_this_run then "" else " (an earlier start)" end) | \($s.first_evaluation.job | job_line) | — |",
          "| full recompute, nothing else running | \($s.recompute | job_line)\(if $s.recompute.settle_seconds then "; aftermath \($s.recompute.settle_seconds | n1) s" else "" end) | ≥ 20 000 subjects/s |",
          "| full recompute under hot-set traffic | \($s.under_load.job | job_line)\(if $s.under_load.job.settle_seconds then "; aftermath \($s.under_load.job.settle_seconds | n1) s" else "" end) | — |",
          "| profile hot set (keyed) during that recompute | \($s.under_load.during.requests_per_second | n0) requests/s, p99 \($s.under_load.during.p99_ms | n1) ms, over \($s.under_load.during_seconds | n1) s; without a job \($s.under_load.idle.requests_per_second | n0) requests/s, p99 \($s.under_load.idle.p99_ms | n1) ms: **\(ratio($s.under_load.during.requests_per_second; $s.under_load.idle.requests_per_second) | pct)** of the throughput | does not stall API traffic |",
          "| write → new grade (\($s.write_to_grade.measured // 0) of \($s.write_to_grade.subjects // 0) writes\(if ($s.write_to_grade.timeouts // 0) > 0 then ", \($s.write_to_grade.timeouts) timed out" else "" end)) | p50 \($s.write_to_grade.p50_ms | n0) ms, p90 \($s.write_to_grade.p90_ms | n0) ms, **p99 \($s.write_to_grade.p99_ms | n0) ms**, max \($s.write_to_grade.max_ms | n0) ms (the ingestion itself: p50 \($s.write_to_grade.ingest_p50_ms | n0) ms) | — |",
          "| evaluation read on the hot set, keyed | \($s.reads.evaluation_keyed.requests_per_second | n0) requests/s, p99 \($s.reads.evaluation_keyed.p99_ms | n1) ms: **\(ratio($s.reads.evaluation_keyed.requests_per_second; $pk) | n2) × the profile** | the profile'"'"'s throughput |",
          "| evaluation read on the hot set, anonymous | \($s.reads.evaluation_anonymous.requests_per_second | n0) requests/s, p99 \($s.reads.evaluation_anonymous.p99_ms | n1) ms: **\(ratio($s.reads.evaluation_anonymous.requests_per_second; $pa) | n2) × the profile** | the profile'"'"'s throughput |",
          ( if ([$s.reads.evaluation_keyed, $s.reads.profile_keyed, $s.reads.evaluation_anonymous, $s.reads.profile_anonymous]
                | map(select(. != null)) | length) == 0 then empty else
            "",
            "| hot-set read | caller | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            ( [["evaluation", "keyed", "evaluation_keyed"], ["profile", "keyed", "profile_keyed"], ["evaluation", "anonymous", "evaluation_anonymous"],
               ["profile", "anonymous", "profile_anonymous"]][] as [$what, $who, $k]
              | $s.reads[$k] as $f
              | if $f == null then "| \($what) | \($who) | not measured | | | | | |"
                else "| \($what) | \($who) | \($f.requests_per_second | n2) | \($f.p50_ms | n2) | \($f.p90_ms | n2) | \($f.p99_ms | n2) | \($f.non_2xx) | \($f.socket_errors) |" end )
            end ),
          ( $s.recompute.time_in as $t
            | if $t == null or ($t.samples // 0) == 0 then empty else
              "",
              "Where the recompute'"'"'s time went: \($t.samples) samples of its PostgreSQL connection (`pg_stat_activity` every \($t.every_ms) ms) while it ran. *JVM* means the connection was waiting for the gateway: evaluating, reading results, invalidating caches, or between the two.",
              "",
              "| activity | share of samples |",
              "| --- | ---: |",
              ( $t.activities[] | "| \(.activity) | \(.share | pct) |" ),
              ( if ($t.waits_while_active | length) > 0 then "", "Wait events while a statement ran (samples): \($t.waits_while_active | to_entries | map("\(.key) \(.value)") | join(", "))." else empty end )
              end ),
          ( $s.first_evaluation.job | chart("First evaluation at start, \($s.scale) subjects: subjects done over seconds") ),
          ( $s.recompute | chart("Full recompute, \($s.scale) subjects, nothing else running: subjects done over seconds") ),
          ( $s.under_load.job | chart("Full recompute, \($s.scale) subjects, under hot-set traffic: subjects done over seconds") ),
          ( if ($s.notes | length) > 0 then "", ($s.notes[] | "- \(.)") else empty end ) ),
      $close_marker' "$WORK/results.json" >"$WORK/section.md"
  bench_docs_section "$DOCS_FILE" "$BEGIN_MARKER" "$END_MARKER" "$WORK/section.md" || true
}

# ------------------------------------------------------------------------------------------------
# Per scale
# ------------------------------------------------------------------------------------------------
for SCALE in "${SCALES[@]}"; do
  echo "== $SCALE subjects"
  : >"$WORK/notes.txt"
  READS=()
  DB=$(bench_database "$SCALE" opencredit_benchev)

  # The data set, loaded on the first start into an empty database; its first evaluation follows.
  STARTED_AT=$(date +%s)
  start_app "$DB" "$PORT" "$WORK/$SCALE.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" "${COMMON[@]}"
  READY_AFTER=$(($(date +%s) - STARTED_AT))
  SEED_LINE=$(grep -m1 -oE "Loaded [0-9]+ synthetic subjects.*" "$WORK/$SCALE.log" || true)
  SUBJECTS=$(psql_ -d "$DB" -c "SELECT count(*) FROM subject")
  WITH_USCC=$(psql_ -d "$DB" -c "SELECT count(*) FROM subject WHERE uscc IS NOT NULL")
  echo "  data set $DB: $SUBJECTS subjects; ${SEED_LINE:-already loaded} (ready after $READY_AFTER s)"
  [ "$SUBJECTS" -gt 0 ] || die "$DB holds no subjects"
  [ "$SUBJECTS" = "$SCALE" ] || note "$DB holds $SUBJECTS subjects, not $SCALE (RELOAD=1 reloads it)"

  # An operator of our own on PLAN for the polling (the bootstrap operator is on the default plan,
  # whose limit 20 ms polling would exceed); the bootstrap key if the API refuses to create one.
  OPERATOR_KEY=$BENCH_OPERATOR_KEY
  if key=$(new_key "$PORT" "$PLAN" operator 2>/dev/null) && [ -n "$key" ]; then OPERATOR_KEY=$key
  else note "could not create an operator on plan $PLAN; the bootstrap operator's key polls (its plan may refuse 20 ms polling)"; fi

  FIRST_ID=$(psql_ -d "$DB" -c "SELECT id FROM evaluation_job WHERE reason = 'first evaluation of every subject' ORDER BY requested_at LIMIT 1")
  FIRST_JSON=null FIRST_THIS_RUN=false
  if [ -n "$FIRST_ID" ]; then
    FIRST_THIS_RUN=$(psql_ -d "$DB" -c "SELECT started_at >= to_timestamp($STARTED_AT) FROM evaluation_job WHERE id = '$FIRST_ID'" | sed 's/t/true/; s/f/false/')
    echo "  first evaluation at start: job $FIRST_ID"
    follow_job "$FIRST_ID" "$WORK/$SCALE-first.json" || note "the first evaluation did not finish ($(jq -r .state "$WORK/$SCALE-first.json"))"
    FIRST_JSON=$(cat "$WORK/$SCALE-first.json")
  else
    note "no first evaluation job in $DB"
  fi
  wait_for_jobs
  GRADED=$(psql_ -d "$DB" -c "SELECT count(*) FROM evaluation WHERE grade IS NOT NULL")

  # The hot set of run.sh's profile scenario, keys, and the JIT's warm-up on both endpoints.
  bench_hot_set "$DB" "$SUBJECTS" "$SAMPLE" >"$WORK/hot.txt"
  [ -s "$WORK/hot.txt" ] || die "no subjects sampled from $DB"
  KEY=$(new_key "$PORT" "$PLAN")
  [ -n "$KEY" ] || die "could not create a consumer on plan $PLAN"
  DEPARTMENT_KEY=$(new_key "$PORT" "$PLAN" department "$DEPARTMENT_USCC")
  [ -n "$DEPARTMENT_KEY" ] || die "could not create a department consumer bound to $DEPARTMENT_USCC"
  for path in "$PROFILE_PATH" "$EVALUATION_PATH"; do
    wants reads || wants load || break
    HOTSET_PATH=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$KEY" >/dev/null 2>&1 || true
  done

  # Recompute, nothing else running; where its time goes.
  RECOMPUTE_JSON=null
  if ! wants recompute; then :
  elif echo "  -- recompute" && JOB=$(start_recompute); then
    start_sampler "$WORK/$SCALE-activity.tsv"
    follow_job "$JOB" "$WORK/$SCALE-recompute.json" || note "the recompute did not finish ($(jq -r .state "$WORK/$SCALE-recompute.json"))"
    stop_sampler
    TIME_IN=$(job_time "$WORK/$SCALE-activity.tsv" "$WORK/$SCALE-recompute.json" || echo null)
    jq -r '.activities[]? | "    \(.share * 1000 | round / 10) %  \(.activity)"' <<<"${TIME_IN:-null}"
    wait_for_jobs
    SETTLE=$(settle)
    echo "  VACUUM (ANALYZE) evaluation, evaluation_history; CHECKPOINT: $SETTLE s"
    RECOMPUTE_JSON=$(jq -c --argjson t "${TIME_IN:-null}" --argjson settle "$SETTLE" '. + {time_in: $t, settle_seconds: $settle}' \
      "$WORK/$SCALE-recompute.json")
  else
    note "the recompute could not be started"
  fi
  wait_for_jobs

  # Hot-set reads, each next to the one it is compared with; the keyed profile last, just before the
  # recompute under load, whose baseline it is.
  RUNS=()
  if wants reads; then
    RUNS=(evaluation_anonymous:"$EVALUATION_PATH": profile_anonymous:"$PROFILE_PATH": evaluation_keyed:"$EVALUATION_PATH":"$KEY")
  fi
  if wants reads || wants load; then RUNS+=(profile_keyed:"$PROFILE_PATH":"$KEY"); echo "  -- reads"; fi
  if [ ${#RUNS[@]} -gt 0 ] && ! wants recompute; then settle >/dev/null; fi
  for run in "${RUNS[@]}"; do
    IFS=: read -r name path key <<<"$run"
    READS[$name]=$(read_run "$SCALE-$name" "$path" "$key")
    echo "  $name: $(jq -r 'if . == null then "failed" else "\(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non_2xx), errors \(.socket_errors)" end' <<<"${READS[$name]}")"
  done

  # The same keyed profile run while a second recompute runs, for as long as it runs.
  UNDER_JSON=null DURING_JSON=null DURING_SECONDS=null
  if ! wants load; then :
  elif echo "  -- recompute under hot-set traffic" && JOB=$(start_recompute); then
    HOTSET_PATH=$PROFILE_PATH wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((JOB_TIMEOUT + 60))s" --latency -s bench/hotset.lua "$URL" -- \
      "$WORK/hot.txt" "$KEY" >"$WORK/$SCALE-during.txt" 2>&1 &
    WRK_PID=$!
    follow_job "$JOB" "$WORK/$SCALE-under-load.json" || note "the recompute under load did not finish ($(jq -r .state "$WORK/$SCALE-under-load.json"))"
    kill -INT "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
    WRK_PID=
    wait_for_jobs
    SETTLE=$(settle)
    UNDER_JSON=$(jq -c --argjson settle "$SETTLE" '. + {settle_seconds: $settle}' "$WORK/$SCALE-under-load.json")
    if grep -q 'Requests/sec' "$WORK/$SCALE-during.txt"; then
      DURING_JSON=$(wrk_json "$WORK/$SCALE-during.txt")
      DURING_SECONDS=$(awk '/ requests in / {d = $4; sub(/,$/, "", d); n = d + 0; if (d ~ /ms$/) n /= 1000; else if (d ~ /m$/) n *= 60; print n}' "$WORK/$SCALE-during.txt")
      echo "  profile keyed during the recompute: $(jq -r '"\(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' <<<"$DURING_JSON") over $DURING_SECONDS s"
      awk -v d="${DURING_SECONDS:-0}" -v w="$(seconds "$DURATION")" 'BEGIN {exit !(d < w / 2)}' \
        && note "the recompute under load took $DURING_SECONDS s, less than half of DURATION ($DURATION): its traffic figures are from a short run"
    else
      note "wrk during the recompute gave no figures: $(tail -3 "$WORK/$SCALE-during.txt" | tr '\n' ' ')"
    fi
  else
    note "the recompute under load could not be started"
  fi
  wait_for_jobs

  # Write -> new grade.
  WRITE_JSON=null
  if wants writes; then
    echo "  -- write -> new grade, $SAMPLES writes"
    psql_ -d "$DB" -F $'\t' -c "
      SELECT s.uscc, s.name, CASE WHEN s.subject_type = 'INDIVIDUAL_BUSINESS' THEN 'individual-business' ELSE 'legal-person' END
      FROM (SELECT subject_id, contributions FROM evaluation WHERE grade IN ('A', 'B') ORDER BY random() LIMIT $((SAMPLES * 4 + 100))) e
      JOIN subject s ON s.id = e.subject_id
      WHERE s.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM list_entry l WHERE l.subject_id = s.id AND l.removed_at IS NULL
                          AND l.included_at <= now() AND (l.expires_at IS NULL OR l.expires_at > now()))
        AND (SELECT coalesce(sum((c->>'counted')::int), 0) FROM jsonb_array_elements(e.contributions) c
             WHERE c->>'dimension' = 'failings') >= -300
      LIMIT $SAMPLES" >"$WORK/$SCALE-writes.tsv"
    [ "$(wc -l <"$WORK/$SCALE-writes.tsv")" -ge "$SAMPLES" ] \
      || note "only $(wc -l <"$WORK/$SCALE-writes.tsv") subjects fit for the write -> grade latency (asked for $SAMPLES)"
    python3 bench/evaluation.py latency --url "$URL" --operator-key "$OPERATOR_KEY" --department-key "$DEPARTMENT_KEY" \
      --department-uscc "$DEPARTMENT_USCC" --subjects "$WORK/$SCALE-writes.tsv" --out "$WORK/$SCALE-writes.json" \
      --poll-ms "$POLL_MS" --timeout "$LATENCY_TIMEOUT" --tag "bench-evaluation-$(date +%s)" &
    HELPER_PID=$!
    if wait "$HELPER_PID"; then :; else note "the write -> grade latency measured nothing (see the problems in the results)"; fi
    HELPER_PID=
    [ ! -s "$WORK/$SCALE-writes.json" ] || WRITE_JSON=$(cat "$WORK/$SCALE-writes.json")
  fi
  RSS_MB=$(ps -o rss= -p "$APP_PID" 2>/dev/null | awk '{print int($1 / 1024)}' || true)
  stop_app

  jq -c -n --argjson scale "$SCALE" --arg db "$DB" --argjson subjects "$SUBJECTS" --argjson with_uscc "$WITH_USCC" \
    --argjson graded "${GRADED:-0}" --arg line "$SEED_LINE" --argjson ready "$READY_AFTER" \
    --argjson first "$FIRST_JSON" --argjson first_this_run "${FIRST_THIS_RUN:-false}" --argjson recompute "$RECOMPUTE_JSON" \
    --argjson under "$UNDER_JSON" --argjson during "${DURING_JSON:-null}" --argjson during_seconds "${DURING_SECONDS:-null}" \
    --argjson evaluation_keyed "${READS[evaluation_keyed]:-null}" --argjson evaluation_anonymous "${READS[evaluation_anonymous]:-null}" \
    --argjson profile_keyed "${READS[profile_keyed]:-null}" --argjson profile_anonymous "${READS[profile_anonymous]:-null}" \
    --argjson writes "$WRITE_JSON" --argjson rss "${RSS_MB:-null}" --argjson hot "$(wc -l <"$WORK/hot.txt")" \
    --rawfile notes "$WORK/notes.txt" \
    '($line | capture("Loaded (?<s>[0-9]+) synthetic subjects, (?<r>[0-9]+) credit records and (?<l>[0-9]+) list entries in (?<ms>[0-9]+) ms")? // null) as $m
     | {scale: $scale, database: $db, subjects: $subjects, with_uscc: $with_uscc, graded: $graded,
        seed: (if $line == "" then {loaded: false}
               else {loaded: true, line: $line, records: (($m.r | tonumber?) // null), list_entries: (($m.l | tonumber?) // null),
                     ms: (($m.ms | tonumber?) // null)} end),
        ready_after_seconds: $ready, hot_subjects: $hot,
        first_evaluation: {from_this_run: $first_this_run, job: $first},
        recompute: $recompute,
        reads: {evaluation_keyed: $evaluation_keyed, evaluation_anonymous: $evaluation_anonymous,
                profile_keyed: $profile_keyed, profile_anonymous: $profile_anonymous,
                evaluation_over_profile_keyed: (if $evaluation_keyed and $profile_keyed and $profile_keyed.requests_per_second > 0
                  then $evaluation_keyed.requests_per_second / $profile_keyed.requests_per_second else null end),
                evaluation_over_profile_anonymous: (if $evaluation_anonymous and $profile_anonymous and $profile_anonymous.requests_per_second > 0
                  then $evaluation_anonymous.requests_per_second / $profile_anonymous.requests_per_second else null end)},
        under_load: {job: $under, idle: $profile_keyed, during: $during, during_seconds: $during_seconds,
                     throughput_ratio: (if $during and $profile_keyed and $profile_keyed.requests_per_second > 0
                       then $during.requests_per_second / $profile_keyed.requests_per_second else null end),
                     p99_ratio: (if $during and $profile_keyed and $profile_keyed.p99_ms > 0 then $during.p99_ms / $profile_keyed.p99_ms else null end)},
        write_to_grade: $writes, jvm_rss_mb_at_end: $rss,
        notes: ($notes | split("\n") | map(select(length > 0)))}' >>"$WORK/scales.jsonl"
  write_results
  echo "  results: $RESULTS, $DOCS_FILE"
done
