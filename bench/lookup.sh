#!/usr/bin/env bash
# Loads N synthetic subjects into a benchmark database (timed), then measures uniform profile
# lookups with wrk (-t2 -c64 -d30s after a 10 s warm-up) against the packaged jar, twice on the
# same data: with authentication, the shared rate limiter and the access log on (a keyed
# consumer on the internal plan), and with all three off (anonymous, limiter and audit disabled).
#
#   bench/lookup.sh [subjects]          default 1000000; reuses the database when it already holds them
#   RELOAD=1 bench/lookup.sh 1000000    drop and reload the data set
#
# Results: bench/results/<date>-lookup-<subjects>.json and a summary on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bin/java-home
source bench/lib.sh
bin/services
command -v wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }

SUBJECTS=${1:-1000000}
PORT=${PORT:-8090}
DURATION=${DURATION:-30s}
WORK=$(mktemp -d)
trap 'stop_app; rm -rf "$WORK"' EXIT

DB=$(bench_database "$SUBJECTS")
bench_package

start_app "$DB" "$PORT" "$WORK/secured.log" OPENCREDIT_SEED_SUBJECTS="$SUBJECTS"
SEED=$(grep -m1 -oE "Loaded [0-9]+ synthetic subjects.*" "$WORK/secured.log" || echo "data set already loaded")
echo "seed: $SEED"
psql_ -d "$DB" -c "SELECT uscc FROM subject TABLESAMPLE SYSTEM (2) WHERE uscc IS NOT NULL LIMIT 20000" >"$WORK/usccs.txt"
URL="http://127.0.0.1:$PORT"

run() { # name [key]
  wrk -t2 -c64 -d10s -s bench/lookup.lua "$URL" -- "$WORK/usccs.txt" ${2:-} >/dev/null
  wrk -t2 -c64 -d"$DURATION" --latency -s bench/lookup.lua "$URL" -- "$WORK/usccs.txt" ${2:-} >"$WORK/$1.txt"
  echo "$1: $(wrk_figures "$WORK/$1.txt") (req/s p50 p99 non-2xx)"
}

KEY=$(new_key "$PORT" internal)
run secured "$KEY"
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
stop_app
start_app "$DB" "$PORT" "$WORK/open.log" OPENCREDIT_RATELIMIT_ENABLED=false OPENCREDIT_AUDIT_ENABLED=false
run open

read -r S_RPS S_P50 S_P99 S_BAD < <(wrk_figures "$WORK/secured.txt")
read -r O_RPS O_P50 O_P99 O_BAD < <(wrk_figures "$WORK/open.txt")
OUT=bench/results/$(date -u +%F)-lookup-${SUBJECTS}.json
cat >"$OUT" <<JSON
{
  "date": "$(date -u +%FT%TZ)",
  "scenario": "uniform profile lookup, GET /api/v1/subjects/{uscc}, 20000 sampled subjects",
  "subjects": $SUBJECTS,
  "seed": "${SEED//\"/\'}",
  "command": "wrk -t2 -c64 -d$DURATION --latency -s bench/lookup.lua",
  "secured": {"requests_per_second": ${S_RPS:-0}, "p50": "$S_P50", "p99": "$S_P99", "non_2xx": ${S_BAD:-0}, "rss_kb": ${RSS_KB:-0}},
  "open": {"requests_per_second": ${O_RPS:-0}, "p50": "$O_P50", "p99": "$O_P99", "non_2xx": ${O_BAD:-0}},
  "secured_over_open": $(awk -v s="${S_RPS:-0}" -v o="${O_RPS:-1}" 'BEGIN {printf "%.3f", s / o}'),
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1 | tr -d '"')"
}
JSON
echo "results: $OUT"
