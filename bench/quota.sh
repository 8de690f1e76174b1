#!/usr/bin/env bash
# Two packaged instances on different ports share PostgreSQL and Redis; 200 concurrent calls,
# split between them, go to one consumer whose daily quota is 50. The shared limiter must admit
# exactly 50 — not 50 per instance, not more under concurrency.
#
#   bench/quota.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bin/java-home
source bench/lib.sh
bin/services

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

DB=$(bench_database 1000)
bench_package
QUOTA_PLAN=(-Dopencredit.plans.quota50.rate-per-second=10000 -Dopencredit.plans.quota50.burst=10000 -Dopencredit.plans.quota50.daily-quota=50)
start_app "$DB" 8091 "$WORK/a.log" OPENCREDIT_SEED_SUBJECTS=1000 "${QUOTA_PLAN[@]}"
PIDS+=("$APP_PID")
start_app "$DB" 8092 "$WORK/b.log" "${QUOTA_PLAN[@]}"
PIDS+=("$APP_PID")
APP_PID=

KEY=$(new_key 8091 quota50)
USCC=$(psql_ -d "$DB" -c "SELECT uscc FROM subject WHERE uscc IS NOT NULL LIMIT 1")
for i in $(seq 1 200); do
  port=$((8091 + i % 2))
  echo "url = \"http://127.0.0.1:$port/api/v1/subjects/$USCC\""
  echo "header = \"Authorization: Bearer $KEY\""
  echo "output = \"/dev/null\""
  echo "write-out = \"%{http_code}\\n\""
done >"$WORK/curl.cfg"
curl -s --parallel --parallel-max 200 --config "$WORK/curl.cfg" >"$WORK/codes.txt"
ADMITTED=$(grep -c '^200$' "$WORK/codes.txt" || true)
REFUSED=$(grep -c '^429$' "$WORK/codes.txt" || true)
OTHER=$(grep -vcE '^(200|429)$' "$WORK/codes.txt" || true)
echo "200 concurrent calls over 2 instances, daily quota 50: admitted=$ADMITTED refused=$REFUSED other=$OTHER"
[ "$ADMITTED" -eq 50 ] && [ "$REFUSED" -eq 150 ]
