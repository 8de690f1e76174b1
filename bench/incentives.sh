#!/usr/bin/env bash
# Measures 信易+ eligibility (issue 16): GET /api/v1/subjects/{uscc}/incentives for one subject, the
# whole catalogue (the demo's nine scenarios, as the seed loads them) evaluated per answer, cached
# and not. Makes sure the data set of SCALE subjects is loaded into opencredit_bench_<scale> (the
# jar's seed fills an empty one), starts the packaged jar with production settings, creates an app
# key on PLAN through the admin API, picks the first enterprise of the data set, and runs wrk for
# DURATION (after WARMUP) twice:
#
#   cached    the jar as configured: after the first answer, every answer comes from the cache
#   uncached  the jar restarted with OPENCREDIT_CACHE_ENABLED=false: every answer reads the subject's
#             facts from PostgreSQL (one statement) and evaluates every condition of the catalogue
#
# Both pay authentication, the shared rate limiter and the subject's access log (committed before
# each answer). Every answer must be 200: non-2xx answers are counted.
#
#   bench/incentives.sh [scale]                  default: 20000 subjects, in opencredit_benchinc_<scale>
#   DURATION=10s WARMUP=3s bench/incentives.sh   a quick run
#
# Environment (defaults in brackets): DURATION [30s], WARMUP [10s], THREADS [2], CONNECTIONS [32],
# PLAN [bench] (defined here without practical limits), BENCH_JVM_OPTS, BENCH_REDIS_DB [11], PORT
# [8490], BUILD=never takes target/quarkus-app as it is, RELOAD=1 drops and reloads the data set. Prints one line per run; the figures go to
# docs/benchmarks.md by hand, with the command. Everything listens on and talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bin/java-home
source bench/lib.sh

SCALE=${1:-20000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PLAN=${PLAN:-bench}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-11}
PORT=$(free_port "${PORT:-8490}")
PLAN_PROPS=(-Dopencredit.plans.bench.rate-per-second=1000000 -Dopencredit.plans.bench.burst=1000000
  -Dopencredit.plans.bench.daily-quota=1000000000)
LOG_DIR=$(mktemp -d)
trap 'stop_app 2>/dev/null || true; rm -rf "$LOG_DIR"' EXIT

bench_package
# A database of its own: this branch's migrations must not reach the data sets other scripts share.
DB=$(bench_database "$SCALE" opencredit_benchinc)

run() { # run NAME [start_app settings...]: one measured wrk run against a fresh start of the jar
  local name=$1
  shift
  start_app "$DB" "$PORT" "$LOG_DIR/$name.log" QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB" \
    OPENCREDIT_SEED_SUBJECTS="$SCALE" "${PLAN_PROPS[@]}" "$@"
  local key uscc url
  # The seed loads the demo catalogue only into an empty database.
  if [ "$(psql_ -d "$DB" -c 'SELECT count(*) FROM incentive_scenario')" = 0 ]; then
    psql_ -d "$DB" -f src/main/resources/seed/incentive-scenarios.sql
  fi
  key=$(new_key "$PORT" "$PLAN" app)
  uscc=$(psql_ -d "$DB" -c "SELECT uscc FROM subject WHERE subject_type = 'ENTERPRISE' ORDER BY id LIMIT 1")
  url="http://127.0.0.1:$PORT/api/v1/subjects/$uscc/incentives"
  curl -fs -H "Authorization: Bearer $key" "$url" >/dev/null
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -H "Authorization: Bearer $key" "$url" >/dev/null
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -H "Authorization: Bearer $key" "$url" >"$LOG_DIR/$name.wrk"
  read -r rps p50 p99 bad < <(wrk_figures "$LOG_DIR/$name.wrk")
  printf '%-9s %s subjects, %s scenarios: %s req/s, p50 %s, p99 %s, non-2xx %s\n' "$name" "$SCALE" \
    "$(psql_ -d "$DB" -c 'SELECT count(*) FROM incentive_scenario')" "$rps" "$p50" "$p99" "$bad"
  stop_app
}

run cached
run uncached OPENCREDIT_CACHE_ENABLED=false
