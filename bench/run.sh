#!/usr/bin/env bash
# Measures the gateway against the machine's ceilings in one run. Per scale (number of synthetic
# subjects) it makes sure the data set is loaded (timing the load), then for each variant restarts
# the packaged jar (prod profile, BENCH_JVM_OPTS), lets the JIT compile the hot path with JIT_WARMUP of
# hot-set lookups, and runs each wrk scenario (-t2 -c64, a warm-up of the
# same, then the measured run with --latency) while sampling the JVM's resident memory with ps and
# reading what it allocated from its metrics (bytes per request: far steadier than requests/s or CPU time
# on a machine whose speed varies, though it moves with the rate in the hot set):
#
#   hotset   GET /api/v1/subjects/{uscc}, Zipf-like over SAMPLE subjects (bench/hotset.lua): the
#            first 1 % of them get most calls
#   paced    the hot set at a fixed rate (open model, bench/paced.lua): PACED_LOADS [50,80] per cent of
#            the rate the same variant's hotset run just reached, latency from each request's due time
#            (needs hotset in SCENARIOS)
#   uniform  GET /api/v1/subjects/{uscc}, uniform over up to UNIFORM_SAMPLE subjects (bench/lookup.lua);
#            at 1 000 000 subjects mostly misses of the cache
#   search   GET /api/v1/subjects?q=<two-character fragment> (bench/search.lua, bench/search-terms.txt)
#   paging   GET /api/v1/subjects?region=41&limit=20: page 1, and page PAGES (or the last one) with
#            the cursor found by walking there with curl; keyset paging should cost the same
#   ingest   POST /api/v1/ingest/records, batches of INGEST_BATCH rows with unique sourceRecordIds, as a
#            department consumer (bench/ingest.lua), into a throw-away copy of the database, each row
#            about one of INGEST_SUBJECTS active enterprises of the data set drawn at random (0: all
#            about the request example's one subject, the figure before 2026-12-06); skipped
#            with a note while the running app's OpenAPI document has no such operation
#
# Variants (ingestion always needs a department's key; there "open" only switches limiter and audit off):
#   secured+cache    a keyed consumer on PLAN (default internal), rate limiter, access log and cache on
#   limited+cache    the same with the access log off (OPENCREDIT_AUDIT_ENABLED=false): what the log costs
#   secured-nocache  the same as secured+cache with OPENCREDIT_CACHE_ENABLED=false
#   open+cache       anonymous calls, OPENCREDIT_RATELIMIT_ENABLED=false OPENCREDIT_AUDIT_ENABLED=false
#   open-nocache     the same with OPENCREDIT_CACHE_ENABLED=false
#
# Ceilings, measured per scale while the gateway is stopped: wrk with the same settings against
# nginx (nginx-light, foreground on a free loopback port from 8099) serving a static JSON file as
# large as a real profile answer, and `redis-benchmark -q -t get -n 200000 -c 64`.
#
#   bench/run.sh [scale ...]                                  default: 100000 1000000
#   DURATION=3s WARMUP=1s bench/run.sh 2000                   a quick check of the harness
#   SCENARIOS=hotset,uniform VARIANTS=secured+cache,open+cache bench/run.sh 100000
#
# Environment (defaults in brackets): DURATION [30s] and WARMUP [10s] per wrk run; JIT_WARMUP [120s]
# of hot-set lookups after each start of the jar (the anchor's too), not measured: with 20 s, C2 still
# took 11-25 % of the gateway's CPU in the measured window of a saturated two-core machine, 3-9 % after
# 120 s (docs/benchmarks.md, seventeenth sitting), and a replica in production runs compiled; MISS_WARMUP [60s] of lookups of subjects outside the
# uniform sample, when the uniform scenario runs, for the code only a cache miss reaches, then the cache
# and the access log emptied again and the hot set primed; PRIME [20s] of lookups spread evenly over the hot set,
# into an emptied cache (FLUSHDB of BENCH_REDIS_DB) once per scale before the variants and again after
# each uniform run, which starts from an emptied cache itself, so that every variant finds the same
# subjects cached and no run inherits another's answers; every variant also starts from an emptied
# access log of the data set (empty_access_log); BENCH_JVM_OPTS [-Xms224m -Xmx224m -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=8]; SCENARIOS and
# VARIANTS [all], comma- or space-separated; THREADS [2], CONNECTIONS [64]; PLAN [bench] for the
# keyed consumers (plan "bench" is defined without practical limits); SAMPLE [20000] subjects in the
# hot set; UNIFORM_SAMPLE [200000]; PAGES [1000]; REGION [41]; INGEST_BATCH [1000],
# INGEST_CONNECTIONS [8]; INGEST_SUBJECTS [10000]; EVAL_DRAIN_MAX [300] seconds to wait after an ingestion run for the
# evaluation queue it left to empty; HOTSET_EXPONENT [1.1]; PACED_LOADS [50,80]; PORT [8090] and NGINX_PORT [8099], the first free
# port from there is taken; BENCH_REDIS_DB [1], the Redis database of the gateway's cache and limiter
# (not the one the tests use); INGEST_REDIS_DB [4], the ingestion copy's, emptied before each ingestion
# run (the copy has the data set's subjects: sharing BENCH_REDIS_DB, its version bumps reached the
# next variant's cached answers); RELOAD=1 drops and reloads each data set; BUILD=never takes
# target/quarkus-app as it is instead of packaging it when the sources are newer; RESULTS_DIR
# [bench/results] and DOCS_FILE [docs/benchmarks.md]. Everything listens on and talks to 127.0.0.1 only.
#
# Results: RESULTS_DIR/<date>.json (machine, settings, every figure with its ratio to the nginx
# ceiling) and the section between <!-- bench:run.sh:begin --> and <!-- bench:run.sh:end --> in
# DOCS_FILE, both rewritten after each scale; the rest of DOCS_FILE is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL_SCENARIOS=(hotset paced uniform search paging ingest)
ALL_VARIANTS=(secured+cache limited+cache secured-nocache open+cache open-nocache)

# The exact command line, with the settings given in the environment, for the docs.
quote() { if [[ "$1" =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }
COMMAND=
for v in DURATION WARMUP JIT_WARMUP MISS_WARMUP PRIME BENCH_JVM_OPTS SCENARIOS VARIANTS THREADS CONNECTIONS PLAN SAMPLE UNIFORM_SAMPLE PAGES REGION \
    INGEST_BATCH INGEST_CONNECTIONS INGEST_SUBJECTS EVAL_DRAIN_MAX HOTSET_EXPONENT PACED_LOADS PORT NGINX_PORT BENCH_REDIS_DB INGEST_REDIS_DB RELOAD BUILD RESULTS_DIR DOCS_FILE; do
  if [ -n "${!v+x}" ]; then COMMAND+="$v=$(quote "${!v}") "; fi
done
COMMAND+=bench/run.sh
for a in "$@"; do COMMAND+=" $(quote "$a")"; done

SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(100000 1000000)
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
JIT_WARMUP=${JIT_WARMUP:-120s}
MISS_WARMUP=${MISS_WARMUP:-60s}
PRIME=${PRIME:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PLAN=${PLAN:-bench}
SAMPLE=${SAMPLE:-20000}
UNIFORM_SAMPLE=${UNIFORM_SAMPLE:-200000}
PAGES=${PAGES:-1000}
REGION=${REGION:-41}
INGEST_BATCH=${INGEST_BATCH:-1000}
INGEST_CONNECTIONS=${INGEST_CONNECTIONS:-8}
INGEST_SUBJECTS=${INGEST_SUBJECTS:-10000}
EVAL_DRAIN_MAX=${EVAL_DRAIN_MAX:-300}
export HOTSET_EXPONENT=${HOTSET_EXPONENT:-1.1}
PACED_LOADS=${PACED_LOADS:-50,80}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-1}
INGEST_REDIS_DB=${INGEST_REDIS_DB:-4}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
BEGIN_MARKER='<!-- bench:run.sh:begin -->'
END_MARKER='<!-- bench:run.sh:end -->'

die() { echo "bench/run.sh: $*" >&2; exit 2; }
seconds() { # a wrk duration (30, 30s, 2m, 1h) in whole seconds
  case "$1" in
    *[0-9]s) echo "${1%s}" ;; *m) echo $((${1%m} * 60)) ;; *h) echo $((${1%h} * 3600)) ;; *) echo "$1" ;;
  esac
}
SELECTED=()
select_names() { # GIVEN KNOWN...: "all" or a comma/space-separated list of known names, into SELECTED
  local given=$1 name known
  shift
  SELECTED=()
  if [ "$given" = all ]; then SELECTED=("$@"); return 0; fi
  for name in ${given//,/ }; do
    for known in "$@"; do
      if [ "$name" = "$known" ]; then SELECTED+=("$name"); continue 2; fi
    done
    die "unknown name '$name' (known: $* or all)"
  done
}
for s in "${SCALES[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "a scale is a positive number of subjects, not '$s'"; done
for v in DURATION WARMUP JIT_WARMUP MISS_WARMUP PRIME; do [[ "$(seconds "${!v}")" =~ ^[1-9][0-9]*$ ]] || die "$v must be like 30s, 2m or 1h"; done
for v in THREADS CONNECTIONS SAMPLE UNIFORM_SAMPLE PAGES INGEST_BATCH INGEST_CONNECTIONS INGEST_SUBJECTS BENCH_REDIS_DB INGEST_REDIS_DB; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number"
done
[ "$INGEST_REDIS_DB" != "$BENCH_REDIS_DB" ] || die "INGEST_REDIS_DB must differ from BENCH_REDIS_DB"
[[ "$REGION" =~ ^[0-9]{2}([0-9]{2}([0-9]{2})?)?$ ]] || die "REGION must be a 2, 4 or 6-digit region code"
[[ "$PLAN" =~ ^[a-z0-9-]+$ ]] || die "PLAN must be a plan name"
select_names "${SCENARIOS:-all}" "${ALL_SCENARIOS[@]}"
SCENARIO_LIST=("${SELECTED[@]}")
select_names "${VARIANTS:-all}" "${ALL_VARIANTS[@]}"
VARIANT_LIST=("${SELECTED[@]}")
if [ ${#SCENARIO_LIST[@]} -eq 0 ] || [ ${#VARIANT_LIST[@]} -eq 0 ]; then die "nothing to run"; fi
wants() { local s; for s in "${SCENARIO_LIST[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

source bin/java-home
source bench/lib.sh
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
need redis-benchmark redis-tools
need redis-cli redis-tools
PATH=$PATH:/usr/sbin
need nginx nginx-light

WORK=$(mktemp -d)
NGX=$(mktemp -d /tmp/opencredit-bench-nginx.XXXXXX)
chmod 755 "$NGX" # nginx's workers run as nobody
APP_PID='' NGINX_PID='' WRK_PID='' CLONE_DB= METRICS_URL=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$WRK_PID" ]; then kill "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true; fi
  stop_app || true
  stop_nginx || true
  stop_trace_sink || true
  if [ -n "$CLONE_DB" ]; then psql_ -c "DROP DATABASE IF EXISTS $CLONE_DB WITH (FORCE)" 2>/dev/null || true; fi
  rm -rf "$WORK" "$NGX"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Every start of the jar exports its sampled spans to this sink, as it would to a collector (bench/lib.sh).
if start_trace_sink; then TRACES="sampled spans exported over OTLP/HTTP to a sink answering 200 (nginx, bench/lib.sh)"
else TRACES="no trace sink could be started: span exports failed"; echo "note: $TRACES" >&2; fi

bench_package
# The peer anchor (bench/anchors/db): packaged like the gateway, when missing or older than its sources.
ANCHOR_DIR=bench/anchors/db
ANCHOR_JAR=$ANCHOR_DIR/target/quarkus-app/quarkus-run.jar
if [ "${BUILD:-auto}" != never ] && { [ ! -f "$ANCHOR_JAR" ] || [ -n "$(find "$ANCHOR_DIR/src" "$ANCHOR_DIR/pom.xml" -newer "$ANCHOR_JAR" -print -quit)" ]; }; then
  ./mvnw -B -q -f "$ANCHOR_DIR/pom.xml" package
fi
[ -f "$ANCHOR_JAR" ] || echo "note: no $ANCHOR_JAR (BUILD=never): the /db anchor is skipped" >&2
ANCHOR_DB=$(bench_database anchor)
# The sources the jar was built from: files edited while the run goes on are not in it.
GIT_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain 2>/dev/null | grep -c . || true)
JAR_BUILT=$(date -u -r target/quarkus-app/quarkus-run.jar +%FT%TZ)
JAR_STALE=$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)
[ -z "$JAR_STALE" ] || echo "note: the jar (built $JAR_BUILT) is older than $JAR_STALE" >&2
PORT=$(free_port "${PORT:-8090}")
NGINX_PORT=$(free_port "${NGINX_PORT:-8099}")
[ "$NGINX_PORT" != "$PORT" ] || NGINX_PORT=$(free_port $((PORT + 1)))
ANCHOR_PORT=$(free_port "${ANCHOR_PORT:-8095}")
while [ "$ANCHOR_PORT" = "$PORT" ] || [ "$ANCHOR_PORT" = "$NGINX_PORT" ]; do ANCHOR_PORT=$(free_port $((ANCHOR_PORT + 1))); done
URL=http://127.0.0.1:$PORT
DATE=$(date -u +%F)
STARTED=$(date -u +%FT%TZ)
RESULTS=$RESULTS_DIR/$DATE.json
mkdir -p "$RESULTS_DIR"
WRK_LIMIT=$(($(seconds "$DURATION") + 120))
# A plan without practical limits, for PLAN=bench; the keyed consumers use PLAN. The statistics'
# first refresh (30 s after start, some seconds of PostgreSQL) would fall in the measured window of
# every variant: it is put off beyond the run, and measured by itself in docs/benchmarks.md.
# Each start names its Redis database too: the data set's (BENCH_REDIS_DB), or the ingestion copy's.
COMMON=(-Dopencredit.stats.first-refresh-after=PT2H
  -Dopencredit.plans.bench.rate-per-second=1000000 -Dopencredit.plans.bench.burst=1000000
  -Dopencredit.plans.bench.daily-quota=1000000000000)
redis_db() { printf 'QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/%s' "$1"; }

variant_env() { # variant: prints the environment settings of the variant, one a line
  case "$1" in
    secured+cache) ;;
    limited+cache) echo OPENCREDIT_AUDIT_ENABLED=false ;;
    secured-nocache) echo OPENCREDIT_CACHE_ENABLED=false ;;
    open+cache) printf '%s\n' OPENCREDIT_RATELIMIT_ENABLED=false OPENCREDIT_AUDIT_ENABLED=false ;;
    open-nocache) printf '%s\n' OPENCREDIT_RATELIMIT_ENABLED=false OPENCREDIT_AUDIT_ENABLED=false OPENCREDIT_CACHE_ENABLED=false ;;
  esac
}

# ------------------------------------------------------------------------------------------------
# Machine
# ------------------------------------------------------------------------------------------------
jq -n --arg nproc "$(nproc)" \
  --arg memory "$(free -b | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1073741824}')" \
  --arg cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" \
  --arg os "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)" \
  --arg java "$(java -version 2>&1 | grep -v '^Picked up' | paste -sd ';' | sed 's/;/; /g')" \
  --arg postgresql "$(psql_ -c 'SHOW server_version')" \
  --arg redis "$(redis-cli -h 127.0.0.1 INFO server | sed -n 's/^redis_version:\([^[:space:]]*\).*/\1/p')" \
  --arg nginx "$(nginx -v 2>&1 | sed 's/^nginx version: //')" \
  --arg wrk "$(wrk -v 2>&1 | head -1 | awk '{print $2}')" \
  '{nproc: ($nproc | tonumber), memory: $memory, cpu_model: $cpu, os: $os, java_version: $java,
    postgresql: $postgresql, redis: $redis, nginx: $nginx, wrk: $wrk}' >"$WORK/machine.json"
echo "machine: $(jq -r '"\(.nproc) × \(.cpu_model), \(.memory), \(.java_version | split(";")[0])"' "$WORK/machine.json")"
: >"$WORK/figures.jsonl"
: >"$WORK/scales.jsonl"

# ------------------------------------------------------------------------------------------------
# Measuring
# ------------------------------------------------------------------------------------------------
# bench_wrk NAME CONNECTIONS WRK-ARGS...: a warm-up, then the measured run into $WORK/NAME.txt, while
# the JVM's resident set (APP_PID, if running) is sampled every second; its maximum goes to
# $WORK/NAME.rss (kB). Returns non-zero when wrk failed.
bench_wrk() {
  local name=$1 connections=$2 rss=0 r i
  shift 2
  local opts=(-t"$THREADS" -c"$connections")
  [ "$THREADS" -le "$connections" ] || opts=(-t"$connections" -c"$connections")
  wrk "${opts[@]}" -d"$WARMUP" "$@" >"$WORK/$name.warmup.txt" 2>&1 || return 1
  local cpu_before started allocated_before
  allocated_before=$(allocated_bytes)
  cpu_before=$(cpu_seconds "${APP_PID:-0}")
  started=$(date +%s.%N)
  wrk "${opts[@]}" -d"$DURATION" --latency "$@" >"$WORK/$name.txt" 2>&1 &
  WRK_PID=$!
  for ((i = 0; i < WRK_LIMIT; i++)); do
    kill -0 "$WRK_PID" 2>/dev/null || break
    if [ -n "$APP_PID" ]; then
      r=$(ps -o rss= -p "$APP_PID" 2>/dev/null | tr -d ' ' || true)
      [ -n "$r" ] && [ "$r" -gt "$rss" ] && rss=$r
    fi
    sleep 1
  done
  kill "$WRK_PID" 2>/dev/null || true
  local rc=0
  wait "$WRK_PID" || rc=$?
  WRK_PID=
  echo "$rss" >"$WORK/$name.rss"
  jq -c -n --argjson before "$cpu_before" --argjson after "$(cpu_seconds "${APP_PID:-0}")" \
    --argjson seconds "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')" \
    --argjson allocated_before "$allocated_before" --argjson allocated_after "$(allocated_bytes)" \
    '{before: $before, after: $after, seconds: $seconds,
      allocated_bytes: (if $allocated_before != null and $allocated_after != null then $allocated_after - $allocated_before else null end)}' \
    >"$WORK/$name.cpu"
  return "$rc"
}

# evaluation_backlog DB NAME: what an ingestion run left for the evaluation worker, which re-scores
# every subject a batch touched from a queue (evaluation_pending) beside the writes: at 8 batches in
# flight the queue grew by ~100 000 entries in 20 s (docs/benchmarks.md, tenth sitting), so rows/s
# alone leaves work out. Writes NAME.backlog: the queue's entries and distinct subjects when the run
# ended, how long its oldest entry had waited (how far grades lagged behind the writes), and the
# seconds until the queue was empty (polled every second, at most EVAL_DRAIN_MAX).
evaluation_backlog() {
  local db=$1 name=$2 entries subjects lag started waited=0 left
  read -r entries subjects lag < <(psql_ -d "$db" -F ' ' -c "SELECT count(*), count(DISTINCT subject_id),
      round(coalesce(extract(epoch FROM clock_timestamp() - min(queued_at)), 0)::numeric, 1) FROM evaluation_pending")
  started=$(date +%s.%N)
  left=$entries
  while [ "${left:-0}" -gt 0 ] && [ "$waited" -lt "$EVAL_DRAIN_MAX" ]; do
    sleep 1
    waited=$((waited + 1))
    left=$(psql_ -d "$db" -c "SELECT count(*) FROM evaluation_pending")
  done
  jq -c -n --argjson entries "${entries:-null}" --argjson subjects "${subjects:-null}" --argjson lag "${lag:-null}" --argjson left "${left:-null}" \
    --argjson seconds "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')" \
    '{queue_entries: $entries, queued_subjects: $subjects, oldest_entry_seconds: $lag, drained: ($left == 0),
      drain_seconds: (if $entries == 0 then 0 else $seconds end),
      left_entries: $left}' >"$WORK/$name.backlog"
}

# allocated_bytes: what the gateway's JVM has allocated since it started (Micrometer's
# jvm_gc_memory_allocated_bytes_total on its management port, counted at each young collection),
# or null while no gateway variant runs (METRICS_URL empty) or the counter cannot be read. It counts
# the work done rather than how fast the machine did it: on a machine whose speed varies under the run,
# bytes per request tell two jars apart where requests/s and µs cannot, for runs at similar rates
# (near-cache renewals and the log's batches are per second, not per request; docs/benchmarks.md,
# ninth sitting).
allocated_bytes() {
  local value=
  [ -z "$METRICS_URL" ] || value=$(curl -fs "$METRICS_URL" 2>/dev/null | awk '$1 == "jvm_gc_memory_allocated_bytes_total" {print $2; exit}' || true)
  if [[ "$value" =~ ^[0-9.]+([eE][+-]?[0-9]+)?$ ]]; then printf '%s' "$value"; else printf 'null'; fi
}

NGINX_RPS=0
ANCHOR_RPS=0
# jq: " (WHAT n %)", the share of a figure's JVM CPU its JIT compiler threads took, or "" without one.
JIT_SHARE='def jit_share($what): if .cpu.jit.us_per_request and .cpu.jvm.us_per_request
  then " (\($what) \(.cpu.jit.us_per_request * 100 / .cpu.jvm.us_per_request | round) %)" else "" end; '
# record SCALE SCENARIO VARIANT NAME [rows-per-request] [page] [target-rate load-percent]: appends the
# figures of run NAME.
record() {
  local scale=$1 scenario=$2 variant=$3 name=$4 rows=${5:-0} page=${6:-0} target=${7:-0} load=${8:-0} figures cpu=null allocated=null
  figures=$(wrk_json "$WORK/$name.txt")
  local backlog=null
  [ -s "$WORK/$name.backlog" ] && backlog=$(jq -c . "$WORK/$name.backlog")
  if [ -s "$WORK/$name.cpu" ]; then
    cpu=$(jq -c . "$WORK/$name.cpu")
    allocated=$(jq -c '.allocated_bytes // null' <<<"$cpu")
    cpu=$(cpu_per_request "$(jq -c .before <<<"$cpu")" "$(jq -c .after <<<"$cpu")" "$(jq .requests <<<"$figures")" "$(jq .seconds <<<"$cpu")")
  fi
  jq -c -n --argjson w "$figures" --arg scenario "$scenario" --arg variant "$variant" \
    --argjson scale "$scale" --argjson rows "$rows" --argjson page "$page" \
    --argjson rss "$(cat "$WORK/$name.rss" 2>/dev/null || echo 0)" --argjson nginx "$NGINX_RPS" --argjson anchor "$ANCHOR_RPS" \
    --argjson cpu "$cpu" --argjson target "$target" --argjson load "$load" --argjson allocated "$allocated" --argjson backlog "$backlog" \
    '{scale: $scale, scenario: $scenario, variant: $variant}
     + (if $page > 0 then {page: $page} else {} end)
     + (if $target > 0 then {target_requests_per_second: $target, load_percent: $load} else {} end) + $w
     + {ok_requests_per_second: (if $w.requests > 0 then $w.requests_per_second * ($w.requests - $w.non_2xx) / $w.requests else 0 end),
        ratio_to_nginx: (if $nginx > 0 then $w.requests_per_second / $nginx else null end),
        ratio_to_anchor: (if $anchor > 0 then $w.requests_per_second / $anchor else null end),
        cpu: $cpu,
        allocated_kb_per_request: (if $allocated != null and $w.requests > 0 then ($allocated / $w.requests / 1024 * 10 | round / 10) else null end),
        rss_mb: (if $rss > 0 then ($rss / 1024 | round) else null end)}
     + (if $rows > 0 then {rows_per_request: $rows, rows_per_second: ($w.requests_per_second * $rows)} else {} end)
     + (if $backlog != null then {evaluation_backlog: $backlog}
          + (if $backlog.drained and $w.requests_per_second > 0
             then {rows_per_second_evaluated: ($w.requests * $rows / ($w.requests / $w.requests_per_second + $backlog.drain_seconds))} else {} end)
        else {} end)' \
    | tee -a "$WORK/figures.jsonl" \
    | jq -r "$JIT_SHARE"'"  \(.scenario)\(if .page then " page \(.page)" else "" end)\(if .load_percent then " at \(.load_percent) % (\(.target_requests_per_second) req/s)" else "" end) \(.variant): \(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non_2xx), errors \(.socket_errors), × nginx \(if .ratio_to_nginx then (.ratio_to_nginx * 1000 | round / 1000) else "-" end), × /db \(if .ratio_to_anchor then (.ratio_to_anchor * 100 | round / 100) else "-" end), JVM \(.cpu.jvm.us_per_request // "-") µs/req\(jit_share("JIT compiler")), PostgreSQL \(.cpu.postgres.us_per_request // "-") µs/req, allocated \(.allocated_kb_per_request // "-") KB/req, RSS \(.rss_mb // "-") MB\(if .evaluation_backlog then "; evaluation queue at the end \(.evaluation_backlog.queue_entries) entries (\(.evaluation_backlog.queued_subjects) subjects, the oldest queued \(.evaluation_backlog.oldest_entry_seconds) s before), \(if .evaluation_backlog.drained then "empty \(.evaluation_backlog.drain_seconds) s later: \(.rows_per_second_evaluated | floor) rows/s evaluated" else "\(.evaluation_backlog.left_entries) entries left after \(.evaluation_backlog.drain_seconds) s" end)" else "" end)"'
}
failed() { # scale scenario variant why: a run without figures
  jq -c -n --argjson scale "$1" --arg scenario "$2" --arg variant "$3" --arg why "$4" \
    '{scale: $scale, scenario: $scenario, variant: $variant, failed: $why}' >>"$WORK/figures.jsonl"
  echo "  $2 $3: FAILED ($4)" >&2
}
note() { echo "  note: $*"; echo "$*" >>"$WORK/notes.txt"; }

flush_cache() { redis-cli -h 127.0.0.1 -n "$BENCH_REDIS_DB" FLUSHDB >/dev/null; }

# Every variant starts from an empty access log: the rows of earlier runs and variants (hundreds of
# thousands each) grow the log's subject index past PostgreSQL's buffers, and later runs paid more
# for each entry than earlier ones (PostgreSQL 30–35 → 52–59 µs a logged read with 3 000 000 rows left).
# The data set is the benchmark's own; its logs hold nothing else. Prints the rows removed.
empty_access_log() {
  local rows
  rows=$(psql_ -d "$DB" -c "SELECT (SELECT count(*) FROM audit_access_log) + (SELECT count(*) FROM audit_operation_log)")
  [ "$rows" = 0 ] || psql_ -d "$DB" -c "TRUNCATE audit_access_log, audit_operation_log" >/dev/null
  echo "$rows"
}

# Every hot-set subject read once into the shared cache (uniformly over the set, by the keyed consumer,
# whose audience the anonymous one shares), so that the first variant does not pay the misses the
# later ones are spared: without it the Zipf tail was still cold in the first variant's window.
prime_hot_set() {
  HOTSET_EXPONENT=0 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$PRIME" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$KEY" >/dev/null 2>&1 || true
}

# The first start evaluates every subject in a background job (tens of minutes at 1 000 000): measuring
# while it runs measures the job too. Waits for it (and the queue) with a progress line a minute,
# the running jar having taken the job over from an interrupted load.
wait_for_evaluation() {
  local waited=0 job
  while :; do
    job=$(psql_ -d "$DB" -c "SELECT subjects_done || ' of ' || subjects_total FROM evaluation_job
                             WHERE state IN ('QUEUED', 'RUNNING') ORDER BY requested_at LIMIT 1")
    if [ -z "$job" ] && [ "$(psql_ -d "$DB" -c "SELECT count(*) FROM evaluation_pending")" = 0 ]; then
      [ "$waited" -eq 0 ] || note "waited $waited s for the first evaluation of the data set"
      return 0
    fi
    [ $((waited % 60)) -ne 0 ] || echo "  evaluating the data set: ${job:-queue} subjects ($waited s)"
    sleep 5
    waited=$((waited + 5))
  done
}

# answers URL PID TRIES INTERVAL: true once URL answers 2xx, false when PID ends or TRIES run out.
answers() {
  local i
  for ((i = 0; i < $3; i++)); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep "$4"
  done
  return 1
}
start_nginx() {
  mkdir -p "$NGX/www" "$NGX/tmp"
  chmod 755 "$NGX/www"
  cat >"$NGX/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000000;
$(nginx_temp_paths "$NGX")
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGX/www;
    location / { try_files /profile.json =404; }
  }
}
CONF
  nginx -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" >"$NGX/stdout.log" 2>&1 &
  NGINX_PID=$!
  answers "http://127.0.0.1:$NGINX_PORT/profile.json" "$NGINX_PID" 100 0.1 && return 0
  cat "$NGX/stdout.log" "$NGX/error.log" >&2 2>/dev/null || true
  return 1
}
# start_anchor: the /db anchor on ANCHOR_PORT with the gateway's JVM options, as APP_PID (stop_app stops it).
start_anchor() {
  [ -f "$ANCHOR_JAR" ] || return 1
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$ANCHOR_DB" QUARKUS_HTTP_PORT="$ANCHOR_PORT" \
    java $BENCH_JVM_OPTS -jar "$ANCHOR_JAR" >"$WORK/anchor.log" 2>&1 &
  APP_PID=$!
  answers "http://127.0.0.1:$ANCHOR_PORT/db" "$APP_PID" 300 0.2 && return 0
  tail -20 "$WORK/anchor.log" >&2
  stop_app
  return 1
}
stop_nginx() {
  [ -n "${NGINX_PID:-}" ] || return 0
  kill "$NGINX_PID" 2>/dev/null || true
  wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=
}

# ingest_template OPENAPI-JSON OUT: three lines for bench/ingest.lua from the request example of
# POST /api/v1/ingest/records (the JSON around the rows, one row with @@ID@@ as its source record id).
ingest_template() {
  jq -r '
    def id_key: [keys_unsorted[] | select(test("^source.*id$"; "i"))] | first;
    .paths["/api/v1/ingest/records"].post.requestBody.content["application/json"] as $c
    | ($c.example // ([($c.examples // {})[] | .value] | first)) as $e
    | (if ($e | type) == "string" then ($e | fromjson) else $e end) as $body
    | (if ($body | type) == "array" then null
       elif ($body | type) == "object" then
         [$body | to_entries[] | select((.value | type) == "array" and (.value | length) > 0 and (.value[0] | type) == "object") | .key] | first
       else error("no example") end) as $field
    | (if $field == null then $body else $body[$field] end) as $rows
    | if ($rows | type) != "array" or ($rows | length) == 0 or ($rows[0] | type) != "object" then error("no example rows") else . end
    | ($rows[0] | id_key) as $key
    | if $key == null then error("no source record id in the example row") else . end
    | (if $field == null then "[@@ROWS@@]" else ($body | .[$field] = ["@@ROWS@@"] | tojson | sub("\\[\"@@ROWS@@\"\\]"; "[@@ROWS@@]")) end
       | split("@@ROWS@@")) as $frame
    | $frame[0], ($rows[0] | .[$key] = "@@ID@@" | tojson), $frame[1]' "$1" >"$2"
}

# ------------------------------------------------------------------------------------------------
# Results: RESULTS_DIR/<date>.json and the section of DOCS_FILE, both from the figures so far
# ------------------------------------------------------------------------------------------------
write_results() {
  jq -n --arg date "$DATE" --arg started "$STARTED" --arg finished "$(date -u +%FT%TZ)" --arg command "$COMMAND" \
    --arg commit "$GIT_COMMIT" --argjson dirty "$GIT_DIRTY" \
    --slurpfile machine "$WORK/machine.json" --slurpfile scales "$WORK/scales.jsonl" --slurpfile figures "$WORK/figures.jsonl" \
    --arg duration "$DURATION" --arg warmup "$WARMUP" --argjson threads "$THREADS" --argjson connections "$CONNECTIONS" \
    --arg plan "$PLAN" --argjson sample "$SAMPLE" --argjson uniform "$UNIFORM_SAMPLE" --argjson pages "$PAGES" --arg region "$REGION" \
    --argjson batch "$INGEST_BATCH" --argjson ingest_connections "$INGEST_CONNECTIONS" --argjson ingest_subjects "$INGEST_SUBJECTS" --argjson eval_drain_max "$EVAL_DRAIN_MAX" --arg exponent "$HOTSET_EXPONENT" \
    --arg jvm "$BENCH_JVM_OPTS" --arg jit_warmup "$JIT_WARMUP" --arg miss_warmup "$MISS_WARMUP" --arg traces "$TRACES" \
    --arg jar_built "$JAR_BUILT" --arg jar_stale "$JAR_STALE" --arg scenarios "${SCENARIO_LIST[*]}" --arg variants "${VARIANT_LIST[*]}" \
    '{date: $date, started: $started, finished: $finished, command: $command,
      git: {commit: $commit, uncommitted_files: $dirty}, jar: {built: $jar_built, older_than_sources: ($jar_stale != "")},
      settings: {duration: $duration, warmup: $warmup, wrk: "-t\($threads) -c\($connections) --latency", plan: $plan,
                 hotset_subjects: $sample, hotset_exponent: ($exponent | tonumber), uniform_subjects: $uniform,
                 paging: "region=\($region)&limit=20, page 1 vs page \($pages)", ingest_rows_per_batch: $batch,
                 ingest_connections: $ingest_connections, ingest_subjects: $ingest_subjects, evaluation_drain_max_seconds: $eval_drain_max, jvm: "\($jvm), prod profile", jit_warmup: $jit_warmup, miss_warmup: $miss_warmup, traces: $traces,
                 scenarios: ($scenarios | split(" ")), variants: ($variants | split(" "))},
      machine: $machine[0], scales: $scales, figures: $figures}' >"$WORK/results.json"
  cp "$WORK/results.json" "$RESULTS"

  jq -r --arg open_marker "$BEGIN_MARKER" --arg close_marker "$END_MARKER" --arg results "$RESULTS" "$JIT_SHARE"'
    def n2: if . == null then "—" else (. * 100 | round / 100 | tostring) end;
    def n0: if . == null then "—" else (. | round | tostring) end;
    def pct: if . == null then "—" else (. * 1000 | round / 10 | tostring) + " %" end;
    def evaluated($b; $rate): if $b.queue_entries == 0 then "nothing left to evaluate"
      elif $b.drained then "\($b.queued_subjects) subjects left to evaluate, the oldest queued \($b.oldest_entry_seconds) s before; done \($b.drain_seconds) s later: \($rate | round) rows/s evaluated"
      else "\($b.queued_subjects) subjects left to evaluate, the oldest queued \($b.oldest_entry_seconds) s before; \($b.left_entries) queue entries still there \($b.drain_seconds) s later" end;
    def scenario_order: ["hotset", "paced", "uniform", "search", "paging-first", "paging-deep", "ingest"];
    . as $r
    | def scenario_name($s):
        {hotset: "hot-set lookup (Zipf, s = \($r.settings.hotset_exponent))",
         paced: "hot set at a fixed rate, latency from the due time:",
         uniform: "uniform lookup",
         search: "name search, 2-character fragment",
         "paging-first": "list of region \($r.settings.paging | split("&")[0] | ltrimstr("region=")), page",
         "paging-deep": "list of region \($r.settings.paging | split("&")[0] | ltrimstr("region=")), page",
         ingest: "ingestion, \($r.settings.ingest_rows_per_batch) rows a batch over \(if ($r.settings.ingest_subjects // 0) == 0 then "one subject" else "\($r.settings.ingest_subjects) subjects" end), -c\($r.settings.ingest_connections)"}[$s] // $s;
    $open_marker,
      "## Every scenario against the machine'"'"'s ceilings (`bench/run.sh`)",
      "",
      "Generated by `bench/run.sh` (\($r.started) to \($r.finished), commit \($r.git.commit)\(if $r.git.uncommitted_files > 0 then " with \($r.git.uncommitted_files) uncommitted files" else "" end); jar built \($r.jar.built)\(if $r.jar.older_than_sources then ", older than the sources" else "" end)); every figure, with p90 and socket errors, is in [`\($results)`](../\($results)).",
      "",
      "```bash",
      $r.command,
      "```",
      "",
      "Machine: \($r.machine.nproc) × \($r.machine.cpu_model), \($r.machine.memory), \($r.machine.os); \($r.machine.java_version | split(";")[0]); PostgreSQL \($r.machine.postgresql), Redis \($r.machine.redis), \($r.machine.nginx), wrk \($r.machine.wrk).",
      "",
      "Each figure: `wrk \($r.settings.wrk) -d\($r.settings.duration)` after a \($r.settings.warmup) warm-up of the same, against the packaged jar (\($r.settings.jvm)) restarted per variant, after \($r.settings.jit_warmup) of hot-set lookups for the JIT\(if $r.settings.miss_warmup then " and, where the uniform lookup runs, \($r.settings.miss_warmup) of lookups of other subjects for the code of a miss" else "" end). Traces: \($r.settings.traces // "sampled spans exported to the default OTLP endpoint, where nothing listened (every export failed)"). Variants: *secured* is a keyed consumer on the `\($r.settings.plan)` plan with the rate limiter and the access log on, *limited* the same with the access log off, *open* is anonymous with both off (ingestion keeps a department key); *nocache* sets `OPENCREDIT_CACHE_ENABLED=false`. Requests/s counts every answer, non-2xx included; \"of nginx\" is the share of the static-file ceiling of the same scale, \"÷ /db\" the ratio to the peer anchor; CPU per request is each process'"'"'s user and system time over the measured run (from `/proc/<pid>/stat`, postgres summed over its processes) divided by the requests answered, the JVM'"'"'s with the share its JIT compiler threads took (from `/proc/<pid>/task`: a window in which C2 is still compiling measures the compiler as much as the gateway); KB allocated per request is what the JVM allocated over the measured run (Micrometer'"'"'s `jvm_gc_memory_allocated_bytes_total`) divided by the requests answered, which counts the work done rather than how fast the machine did it (it still moves with the rate: compare runs at similar rates); RSS is the JVM'"'"'s largest resident set during the run.",
      ( $r.scales[] as $s
        | "",
          "### \($s.scale) subjects",
          "",
          "- Data set `\($s.database)`: \($s.subjects) subjects; \(if $s.seed.loaded then "loaded \($s.seed.records) credit records and \($s.seed.list_entries) list entries in \($s.seed.ms) ms, \($s.seed.subjects_per_second | n0) subjects/s (`\($s.seed.line)`)" else "already loaded (RELOAD=1 reloads it)" end).",
          "- Samples: \($s.hot_subjects) subjects in the hot set (the first 1 % get most calls), \($s.uniform_subjects) for the uniform lookup\(if $s.paging_depth > 0 then "; the deep list page is page \($s.paging_depth)" else "" end).",
          "- Ceilings: nginx serving a \($s.profile_bytes)-byte JSON file (a profile answer of median size among the hottest subjects): \($s.ceilings.nginx.requests_per_second | n2) requests/s, p50 \($s.ceilings.nginx.p50_ms | n2) ms, p99 \($s.ceilings.nginx.p99_ms | n2) ms; `\($s.ceilings.redis_command)`: \($s.ceilings.redis_get_per_second | n2) GET/s; the gateway answering `/q/health/live` (Quarkus alone, none of our code; on the management port since 2026-11-29, on the API port before): \($s.ceilings.quarkus_liveness.requests_per_second | n2) requests/s (\(if ($s.ceilings.quarkus_liveness.requests_per_second // null) and ($s.ceilings.nginx.requests_per_second // null) then ($s.ceilings.quarkus_liveness.requests_per_second / $s.ceilings.nginx.requests_per_second | pct) else "—" end) of nginx).",
          "",
          ( $s.ceilings.db_anchor | select(. != null)
            | "- Peer anchor: `bench/anchors/db`, RESTEasy Reactive and the reactive PostgreSQL client answering one random row of 10 000 by primary key as JSON (no key, limits, log or cache), same JVM options, pool size and wrk settings: \(.requests_per_second | n2) requests/s, p50 \(.p50_ms | n2) ms, p99 \(.p99_ms | n2) ms; CPU per request: JVM \(.cpu.jvm.us_per_request // "—") µs, PostgreSQL \(.cpu.postgres.us_per_request // "—") µs. The column \"÷ /db\" divides by its requests/s." ),
          "",
          "| scenario | variant | requests/s | p50 ms | p99 ms | non-2xx | of nginx | ÷ /db | JVM µs/req (its JIT compiler'"'"'s share) | PostgreSQL µs/req | Redis µs/req | JVM KB allocated/req | RSS MB |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          ( [$r.figures[] | select(.scale == $s.scale)]
            | sort_by([(.scenario as $x | scenario_order | index($x)), (.variant as $v | $r.settings.variants | index($v))])[]
            | if .failed then "| \(scenario_name(.scenario)) | \(.variant) | failed: \(.failed) | | | | | | | | | | |"
              else "| \(scenario_name(.scenario))\(if .page then " \(.page)" else "" end)\(if .load_percent then " \(.load_percent) % of the closed-loop rate (\(.target_requests_per_second) req/s asked)" else "" end)\(if .rows_per_second then " (\(.rows_per_second | n0) rows/s\(if .evaluation_backlog then "; \(evaluated(.evaluation_backlog; .rows_per_second_evaluated))" else "" end))" else "" end) | \(.variant) | \(.requests_per_second | n2) | \(.p50_ms | n2) | \(.p99_ms | n2) | \(.non_2xx) | \(.ratio_to_nginx | pct) | \(.ratio_to_anchor | n2) | \(.cpu.jvm.us_per_request // "—")\(jit_share("JIT")) | \(.cpu.postgres.us_per_request // "—") | \(.cpu.redis.us_per_request // "—") | \(.allocated_kb_per_request // "—") | \(.rss_mb // "—") |"
              end ),
          ( [$r.figures[] | select(.scale == $s.scale and .failed == null)] as $f
            | def rps($sc; $v): [$f[] | select(.scenario == $sc and .variant == $v) | .requests_per_second] | first;
              def ratios($a; $b): [scenario_order[] as $sc | select($sc != "paced") | select(rps($sc; $a) and rps($sc; $b) and rps($sc; $b) > 0)
                                   | "\($sc) \(rps($sc; $a) / rps($sc; $b) | n2)"] | join(", ");
              (ratios("secured+cache"; "open+cache") | select(. != "") | "", "Requests/s with authentication, limits and audit ÷ without them (cache on): \(.)."),
              (ratios("limited+cache"; "open+cache") | select(. != "") | "", "Requests/s with authentication and limits but no access log ÷ without any of them (cache on): \(.)."),
              (ratios("secured+cache"; "secured-nocache") | select(. != "") | "", "Requests/s with the cache ÷ without it (secured): \(.)."),
              (ratios("secured+cache"; "limited+cache") | select(. != "")
                | "", "What the access log alone costs, requests/s with it ÷ without it (both limited, cache on): \(.).") ),
          ( if ($s.notes | length) > 0 then "", ($s.notes[] | "- \(.)") else empty end ) ),
      ( [$r.scales[].scale] | select(length > 1) | [min, max] as [$lo, $hi]
        | [$r.figures[] | select(.scenario == "uniform" and .failed == null)] as $u
        | [$r.settings.variants[] as $v
           | ([$u[] | select(.variant == $v and .scale == $lo) | .requests_per_second] | first) as $a
           | ([$u[] | select(.variant == $v and .scale == $hi) | .requests_per_second] | first) as $b
           | select($a and $b and $b > 0) | "\($v) \($a / $b | n2)"] | join(", ")
        | select(. != "")
        | "", "### Across scales", "", "Uniform lookup, requests/s at \($lo) subjects ÷ at \($hi): \(.)." ),
      $close_marker' "$WORK/results.json" >"$WORK/section.md"

  if [ ! -f "$DOCS_FILE" ]; then printf '# Benchmarks\n' >"$DOCS_FILE"; fi
  local begins ends
  begins=$(grep -cxF "$BEGIN_MARKER" "$DOCS_FILE" || true)
  ends=$(grep -cxF "$END_MARKER" "$DOCS_FILE" || true)
  if [ "$begins" = 0 ] && [ "$ends" = 0 ]; then
    { cat "$DOCS_FILE"; echo; cat "$WORK/section.md"; } >"$WORK/docs-rewritten.md"
  elif [ "$begins" = 1 ] && [ "$ends" = 1 ]; then
    awk -v begin="$BEGIN_MARKER" -v end="$END_MARKER" -v section="$WORK/section.md" '
      $0 == begin {while ((getline line < section) > 0) print line; skip = 1; next}
      $0 == end {skip = 0; next}
      !skip' "$DOCS_FILE" >"$WORK/docs-rewritten.md"
  else
    echo "bench/run.sh: $DOCS_FILE must hold each marker once (or neither); left unchanged" >&2
    return 0
  fi
  cat "$WORK/docs-rewritten.md" >"$DOCS_FILE"
}

# ------------------------------------------------------------------------------------------------
# Per scale
# ------------------------------------------------------------------------------------------------
for SCALE in "${SCALES[@]}"; do
  echo "== $SCALE subjects"
  : >"$WORK/notes.txt"
  NGINX_RPS=0
  DB=$(bench_database "$SCALE")

  # The data set, loaded on the first start into an empty database; keys, samples, cursors, a profile.
  t0=$(date +%s)
  start_app "$DB" "$PORT" "$WORK/$SCALE-load.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" "$(redis_db "$BENCH_REDIS_DB")" "${COMMON[@]}"
  start_seconds=$(($(date +%s) - t0))
  SEED_LINE=$(grep -m1 -oE "Loaded [0-9]+ synthetic subjects.*" "$WORK/$SCALE-load.log" || true)
  SUBJECTS=$(psql_ -d "$DB" -c "SELECT count(*) FROM subject")
  echo "  data set $DB: $SUBJECTS subjects; ${SEED_LINE:-already loaded} (ready after $start_seconds s)"
  [ "$SUBJECTS" -gt 0 ] || die "$DB holds no subjects"
  [ "$SUBJECTS" = "$SCALE" ] || note "$DB holds $SUBJECTS subjects, not $SCALE (RELOAD=1 reloads it)"
  wait_for_evaluation

  # Subjects in a fixed pseudo-random order (the same every run): the first SAMPLE are the hot set.
  pct=$(awk -v n="$UNIFORM_SAMPLE" -v s="$SUBJECTS" 'BEGIN {p = 150 * n / s; printf "%.6f", (p > 100 ? 100 : p)}')
  # Past the uniform sample, in the same order: up to 100 000 subjects for the miss path's JIT
  # warm-up, which then compiles the code of a miss without bringing the measured subjects' pages into
  # memory; a data set no larger than the sample has none left over and warms on the sample itself.
  psql_ -d "$DB" -c "SELECT uscc FROM subject TABLESAMPLE BERNOULLI ($pct) REPEATABLE (20261123)
                     WHERE uscc IS NOT NULL ORDER BY md5(uscc) LIMIT $((UNIFORM_SAMPLE + 100000))" >"$WORK/sampled.txt"
  head -n "$UNIFORM_SAMPLE" "$WORK/sampled.txt" >"$WORK/uniform.txt"
  tail -n +"$((UNIFORM_SAMPLE + 1))" "$WORK/sampled.txt" >"$WORK/miss-warmup.txt"
  [ -s "$WORK/miss-warmup.txt" ] || cp "$WORK/uniform.txt" "$WORK/miss-warmup.txt"
  head -n "$SAMPLE" "$WORK/uniform.txt" >"$WORK/hot.txt"
  [ -s "$WORK/hot.txt" ] || die "no subjects sampled from $DB"

  KEY=$(new_key "$PORT" "$PLAN")
  [ -n "$KEY" ] || die "could not create a consumer on plan $PLAN"
  # The profile of median size among the 21 hottest subjects is what nginx will serve.
  i=0
  while read -r uscc && [ "$i" -lt 21 ]; do
    curl -fsS -H "Authorization: Bearer $KEY" "$URL/api/v1/subjects/$uscc" -o "$WORK/profile-$i.json"
    i=$((i + 1))
  done <"$WORK/hot.txt"
  cp "$(wc -c "$WORK"/profile-*.json | grep -v ' total$' | sort -n | awk '{a[NR] = $2} END {print a[int((NR + 1) / 2)]}')" "$WORK/profile.json"
  PROFILE_BYTES=$(wc -c <"$WORK/profile.json")
  # The cache starts empty: answers an earlier run left (ten minutes' lifetime) would turn this run's
  # misses into hits.
  flush_cache
  prime_hot_set

  INGEST=no
  if wants ingest; then
    if curl -fsS "$URL/q/openapi?format=json" -o "$WORK/openapi.json" \
        && jq -e '.paths["/api/v1/ingest/records"].post' "$WORK/openapi.json" >/dev/null; then
      if ingest_template "$WORK/openapi.json" "$WORK/ingest-template.txt" 2>"$WORK/ingest-template.err"; then
        DEPT_USCC=$(sed -n 2p "$WORK/ingest-template.txt" | jq -r '.sourceDepartmentUscc // empty')
        DEPT_KEY=$(new_key "$PORT" "$PLAN" department "$DEPT_USCC")
        if [ -n "$DEPT_KEY" ]; then INGEST=yes; else note "ingestion skipped: could not create a department consumer"; fi
      else
        note "ingestion skipped: no usable request example for POST /api/v1/ingest/records ($(head -c 200 "$WORK/ingest-template.err"))"
      fi
    else
      note "ingestion skipped: POST /api/v1/ingest/records is not in the running app's OpenAPI document$(grep -q '^  /api/v1/ingest/records:' openapi/openapi.yaml && echo ' (openapi/openapi.yaml has it: rebuild the jar)' || echo ' nor in openapi/openapi.yaml')"
    fi
  fi

  DEPTH=0 DEEP_CURSOR=
  if wants paging; then
    cursor='' page=1 next=
    for ((page = 1; page < PAGES; page++)); do
      query="region=$REGION&limit=20"
      [ -z "$cursor" ] || query+="&cursor=$(jq -rn --arg c "$cursor" '$c | @uri')"
      if ! next=$(curl -fsS -H "Authorization: Bearer $KEY" "$URL/api/v1/subjects?$query" | jq -r '.nextCursor // empty'); then
        note "walking the pages of region $REGION failed at page $page"
        break
      fi
      [ -n "$next" ] || break
      cursor=$next
    done
    DEPTH=$page DEEP_CURSOR=$cursor
    echo "  region $REGION: page $DEPTH reached by walking (asked for $PAGES)"
    [ "$DEPTH" -ge "$PAGES" ] || note "region $REGION has $DEPTH pages of 20 at this scale, so the deep page is page $DEPTH, not $PAGES"
  fi
  # The framework's own floor: Quarkus answering its liveness probe, which does no work of ours.
  LIVENESS_JSON=null
  if bench_wrk "$SCALE-liveness" "$CONNECTIONS" "$MANAGEMENT_URL/q/health/live"; then
    LIVENESS_JSON=$(wrk_json "$WORK/$SCALE-liveness.txt")
    echo "  quarkus liveness: $(jq -r '"\(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' <<<"$LIVENESS_JSON")"
  fi
  stop_app

  # Ceilings, with the gateway stopped.
  mkdir -p "$NGX/www"
  cp "$WORK/profile.json" "$NGX/www/profile.json"
  chmod 644 "$NGX/www/profile.json"
  NGINX_JSON=null
  if start_nginx && bench_wrk "$SCALE-nginx" "$CONNECTIONS" "http://127.0.0.1:$NGINX_PORT/profile.json"; then
    NGINX_JSON=$(wrk_json "$WORK/$SCALE-nginx.txt")
    NGINX_RPS=$(jq -r '.requests_per_second' <<<"$NGINX_JSON")
    echo "  ceiling nginx ($PROFILE_BYTES bytes): $(jq -r '"\(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' <<<"$NGINX_JSON")"
  else
    note "the nginx ceiling could not be measured"
  fi
  stop_nginx
  # The peer anchor, after the same JIT warm-up as each variant of the gateway.
  ANCHOR_RPS=0 ANCHOR_JSON=null
  if start_anchor; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" "http://127.0.0.1:$ANCHOR_PORT/db" >/dev/null 2>&1 || true
    if bench_wrk "$SCALE-anchor" "$CONNECTIONS" "http://127.0.0.1:$ANCHOR_PORT/db"; then
      ANCHOR_JSON=$(jq -c --argjson cpu "$(cpu_per_request "$(jq -c .before "$WORK/$SCALE-anchor.cpu")" "$(jq -c .after "$WORK/$SCALE-anchor.cpu")" \
          "$(wrk_json "$WORK/$SCALE-anchor.txt" | jq .requests)" "$(jq .seconds "$WORK/$SCALE-anchor.cpu")")" \
          --argjson rss "$(cat "$WORK/$SCALE-anchor.rss")" '. + {cpu: $cpu, rss_mb: ($rss / 1024 | round)}' <<<"$(wrk_json "$WORK/$SCALE-anchor.txt")")
      ANCHOR_RPS=$(jq -r '.requests_per_second' <<<"$ANCHOR_JSON")
      echo "  anchor /db: $(jq -r "$JIT_SHARE"'"\(.requests_per_second) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, JVM \(.cpu.jvm.us_per_request) µs/req\(jit_share("JIT compiler")), PostgreSQL \(.cpu.postgres.us_per_request) µs/req"' <<<"$ANCHOR_JSON")"
    else
      note "the /db anchor could not be measured"
    fi
    stop_app
  else
    note "the /db anchor did not start"
  fi
  REDIS_CMD="redis-benchmark -q -t get -n 200000 -c 64"
  REDIS_OUT=$(redis-benchmark -h 127.0.0.1 -p 6379 -q -t get -n 200000 -c 64 2>&1 | tr '\r' '\n' || true)
  REDIS_RPS=$(awk '/^GET:/ {print $2}' <<<"$REDIS_OUT" | tail -1)
  [[ "$REDIS_RPS" =~ ^[0-9.]+$ ]] || { note "redis-benchmark gave no GET figure"; REDIS_RPS=null; }
  echo "  ceiling redis: ${REDIS_RPS} GET/s"

  # The variants.
  for VARIANT in "${VARIANT_LIST[@]}"; do
    mapfile -t VENV < <(variant_env "$VARIANT")
    CALLER=()
    [[ "$VARIANT" == open* ]] || CALLER=("$KEY")
    HEADER=()
    [[ "$VARIANT" == open* ]] || HEADER=(-H "Authorization: Bearer $KEY")
    READS=0
    for s in hotset paced uniform search paging; do
      if wants "$s"; then READS=1; fi
    done
    if [ "$READS" = 1 ]; then
      echo "  -- $VARIANT ${VENV[*]} (access log emptied of $(empty_access_log) rows)"
      start_app "$DB" "$PORT" "$WORK/$SCALE-$VARIANT.log" "$(redis_db "$BENCH_REDIS_DB")" "${COMMON[@]}" "${VENV[@]}"
      METRICS_URL="$MANAGEMENT_URL/q/metrics"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "${CALLER[@]}" >/dev/null 2>&1 || true
      if wants uniform; then
        # A miss runs code a hit never reaches (the profile's statement and its mappers, the answer's
        # JSON, the cache's store), which C2 was still compiling in the measured window. Misses of
        # other subjects, then the cache and the access log emptied and the hot set primed again.
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$MISS_WARMUP" -s bench/lookup.lua "$URL" -- "$WORK/miss-warmup.txt" "${CALLER[@]}" >/dev/null 2>&1 || true
        flush_cache
        empty_access_log >/dev/null
        prime_hot_set
      fi
      HOTSET_RPS=
      for SCENARIO in hotset paced uniform search paging; do
        wants "$SCENARIO" || continue
        if ! kill -0 "$APP_PID" 2>/dev/null; then failed "$SCALE" "$SCENARIO" "$VARIANT" "the gateway had exited"; continue; fi
        name=$SCALE-$VARIANT-$SCENARIO
        case "$SCENARIO" in
          hotset)
            if bench_wrk "$name" "$CONNECTIONS" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "${CALLER[@]}"; then
              record "$SCALE" hotset "$VARIANT" "$name"
              HOTSET_RPS=$(wrk_json "$WORK/$name.txt" | jq .requests_per_second)
            else failed "$SCALE" hotset "$VARIANT" "wrk failed"; fi ;;
          paced)
            if [ -z "$HOTSET_RPS" ]; then failed "$SCALE" paced "$VARIANT" "no closed-loop hotset figure of this variant to take a share of"; continue; fi
            for load in ${PACED_LOADS//,/ }; do
              rate=$(awk -v r="$HOTSET_RPS" -v p="$load" 'BEGIN {printf "%d", r * p / 100}')
              if PACED_SCRIPT=bench/hotset.lua PACED_RATE=$rate PACED_THREADS=$THREADS \
                  bench_wrk "$name-$load" "$CONNECTIONS" -s bench/paced.lua "$URL" -- "$WORK/hot.txt" "${CALLER[@]}"; then
                record "$SCALE" paced "$VARIANT" "$name-$load" 0 0 "$rate" "$load"
                lost=$(awk '/^Paced at/ {print $(NF-4)}' "$WORK/$name-$load.txt")
                [ "${lost:-0}" = 0 ] || note "paced $load % ($VARIANT): $lost answers came back without the echoed X-Request-Id and are not in its latencies"
              else failed "$SCALE" paced "$VARIANT" "wrk failed"; fi
            done ;;
          uniform)
            # From an empty cache in every variant (the variant before filled it with the same sample),
            # then the hot set primed again for the next variant.
            flush_cache
            if bench_wrk "$name" "$CONNECTIONS" -s bench/lookup.lua "$URL" -- "$WORK/uniform.txt" "${CALLER[@]}"; then
              record "$SCALE" uniform "$VARIANT" "$name"; else failed "$SCALE" uniform "$VARIANT" "wrk failed"; fi
            flush_cache
            prime_hot_set ;;
          search)
            if bench_wrk "$name" "$CONNECTIONS" -s bench/search.lua "$URL" -- bench/search-terms.txt "${CALLER[@]}"; then
              record "$SCALE" search "$VARIANT" "$name"; else failed "$SCALE" search "$VARIANT" "wrk failed"; fi ;;
          paging)
            list="$URL/api/v1/subjects?region=$REGION&limit=20"
            if bench_wrk "$name-first" "$CONNECTIONS" "${HEADER[@]}" "$list"; then
              record "$SCALE" paging-first "$VARIANT" "$name-first" 0 1; else failed "$SCALE" paging-first "$VARIANT" "wrk failed"; fi
            if [ "$DEPTH" -gt 1 ]; then
              if bench_wrk "$name-deep" "$CONNECTIONS" "${HEADER[@]}" "$list&cursor=$(jq -rn --arg c "$DEEP_CURSOR" '$c | @uri')"; then
                record "$SCALE" paging-deep "$VARIANT" "$name-deep" 0 "$DEPTH"; else failed "$SCALE" paging-deep "$VARIANT" "wrk failed"; fi
            fi ;;
        esac
      done
      stop_app
      METRICS_URL=
    fi

    if [ "$INGEST" = yes ]; then
      # Into a copy of the data set, dropped afterwards, so that the runs leave the data set as it was.
      CLONE_DB=${DB}_ingest
      PGOPTIONS="-c client_min_messages=warning" psql_ -c "DROP DATABASE IF EXISTS $CLONE_DB WITH (FORCE)"
      for ((i = 0; i < 30; i++)); do
        psql_ -c "CREATE DATABASE $CLONE_DB TEMPLATE $DB" 2>/dev/null && break
        sleep 1
      done
      if [ "$i" -ge 30 ]; then
        failed "$SCALE" ingest "$VARIANT" "could not copy $DB"
      else
        redis-cli -h 127.0.0.1 -n "$INGEST_REDIS_DB" FLUSHDB >/dev/null
        start_app "$CLONE_DB" "$PORT" "$WORK/$SCALE-$VARIANT-ingest.log" "$(redis_db "$INGEST_REDIS_DB")" "${COMMON[@]}" "${VENV[@]}"
        METRICS_URL="$MANAGEMENT_URL/q/metrics"
        # One batch of two rows first, to see the answer.
        { sed -n 1p "$WORK/ingest-template.txt"
          sed -n 2p "$WORK/ingest-template.txt" | sed "s/@@ID@@/bench-probe-$$-1/"; echo ,
          sed -n 2p "$WORK/ingest-template.txt" | sed "s/@@ID@@/bench-probe-$$-2/"
          sed -n 3p "$WORK/ingest-template.txt"; } | tr -d '\n' >"$WORK/probe.json"
        status=$(curl -sS -o "$WORK/probe-answer.json" -w '%{http_code}' -H "Authorization: Bearer $DEPT_KEY" \
          -H 'Content-Type: application/json' --data-binary @"$WORK/probe.json" "$URL/api/v1/ingest/records" || true)
        echo "  ingestion probe: HTTP $status $(head -c 300 "$WORK/probe-answer.json")"
        [[ "$status" == 2* ]] || note "ingestion ($VARIANT): a two-row batch was answered $status: $(head -c 300 "$WORK/probe-answer.json")"
        name=$SCALE-$VARIANT-ingest
        SPREAD=()
        if [ "$INGEST_SUBJECTS" != 0 ]; then
          psql_ -d "$CLONE_DB" -F $'\t' -c "SELECT uscc, to_json(name) FROM subject WHERE uscc IS NOT NULL
              AND subject_type = 'ENTERPRISE' AND status = 'ACTIVE' ORDER BY md5(uscc) LIMIT $INGEST_SUBJECTS" >"$WORK/ingest-subjects.txt"
          SPREAD=("$WORK/ingest-subjects.txt")
        fi
        if bench_wrk "$name" "$INGEST_CONNECTIONS" --timeout 60s -s bench/ingest.lua "$URL" -- "$WORK/ingest-template.txt" "$DEPT_KEY" "$INGEST_BATCH" \
            "${SPREAD[@]}"; then
          evaluation_backlog "$CLONE_DB" "$name"
          record "$SCALE" ingest "$VARIANT" "$name" "$INGEST_BATCH"; else failed "$SCALE" ingest "$VARIANT" "wrk failed"; fi
        stop_app
        METRICS_URL=
      fi
      PGOPTIONS="-c client_min_messages=warning" psql_ -c "DROP DATABASE IF EXISTS $CLONE_DB WITH (FORCE)"
      CLONE_DB=
    fi
  done

  # This scale's description, then the results so far.
  jq -c -n --argjson scale "$SCALE" --arg db "$DB" --argjson subjects "$SUBJECTS" --arg line "$SEED_LINE" \
    --argjson start "$start_seconds" --argjson bytes "$PROFILE_BYTES" --argjson nginx "$NGINX_JSON" --argjson anchor "$ANCHOR_JSON" --argjson liveness "$LIVENESS_JSON" \
    --arg redis_cmd "$REDIS_CMD" --argjson redis "$REDIS_RPS" --argjson depth "$DEPTH" \
    --argjson hot "$(wc -l <"$WORK/hot.txt")" --argjson uniform "$(wc -l <"$WORK/uniform.txt")" --rawfile notes "$WORK/notes.txt" \
    '($line | capture("Loaded (?<s>[0-9]+) synthetic subjects, (?<r>[0-9]+) credit records and (?<l>[0-9]+) list entries in (?<ms>[0-9]+) ms")? // null) as $m
     | {scale: $scale, database: $db, subjects: $subjects,
        seed: (if $line == "" then {loaded: false}
               else {loaded: true, line: $line, subjects: (($m.s | tonumber?) // null), records: (($m.r | tonumber?) // null),
                     list_entries: (($m.l | tonumber?) // null), ms: (($m.ms | tonumber?) // null),
                     subjects_per_second: (if $m then ($m.s | tonumber) * 1000 / ($m.ms | tonumber) else null end)} end),
        ready_after_seconds: $start, profile_bytes: $bytes, paging_depth: $depth,
        hot_subjects: $hot, uniform_subjects: $uniform,
        ceilings: {nginx: $nginx, db_anchor: $anchor, redis_get_per_second: $redis, redis_command: $redis_cmd, quarkus_liveness: $liveness},
        notes: ($notes | split("\n") | map(select(length > 0)))}' >>"$WORK/scales.jsonl"
  write_results
  echo "  results: $RESULTS, $DOCS_FILE"
done
