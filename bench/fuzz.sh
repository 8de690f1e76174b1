#!/usr/bin/env bash
# Contract fuzzing: starts the packaged jar on a fresh database (opencredit_fuzz, dropped and
# recreated every run, 500 seeded subjects) and a flushed Redis database 4, then runs
# bench/fuzz.py, which sends some 17 000 valid and mutated requests to every operation of
# openapi/openapi.yaml and checks every answer (no 5xx, every error an RFC 9457 problem whose
# status matches, no stack-trace or SQL text, only documented statuses, the instance alive).
# The plans are raised so that nothing is rate limited. Stops the jar at the end.
#
#   bench/fuzz.sh                      the jar in /tmp/fuzz-app (FUZZ_APP=... for another quarkus-app)
#   FUZZ_SEED=7 bench/fuzz.sh          another repeatable run
#
# Report: /tmp/fuzz-report.json (FUZZ_REPORT=...); the app's log: /tmp/fuzz-app.log (FUZZ_LOG=...).
# Exits 1 when the fuzzer found 5xx answers, non-problem errors, leaks or a dead instance.
# Never builds: package the jar first (./mvnw package -DskipTests, then copy target/quarkus-app).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

FUZZ_APP=${FUZZ_APP:-/tmp/fuzz-app}
FUZZ_LOG=${FUZZ_LOG:-/tmp/fuzz-app.log}
FUZZ_REPORT=${FUZZ_REPORT:-/tmp/fuzz-report.json}
FUZZ_SEED=${FUZZ_SEED:-20261204}
FUZZ_PORT=${FUZZ_PORT:-8097}
FUZZ_MANAGEMENT_PORT=${FUZZ_MANAGEMENT_PORT:-9097}
FUZZ_DB=opencredit_fuzz
FUZZ_REDIS_DB=4
FUZZ_OPERATOR_KEY=fuzz-operator-key-0123456789abcdef0123456
JAVA=${JAVA:-$(bin/java-home)/bin/java}

[ -f "$FUZZ_APP/quarkus-run.jar" ] || { echo "no $FUZZ_APP/quarkus-run.jar; package the jar first" >&2; exit 2; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$FUZZ_PORT" "$FUZZ_MANAGEMENT_PORT"; do
  if port_in_use "$port"; then echo "port $port is already in use" >&2; exit 2; fi
done

# A fresh database and an empty Redis database, so that every run starts from the same state.
psql_() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -c "DROP DATABASE IF EXISTS $FUZZ_DB WITH (FORCE)"
psql_ -c "CREATE DATABASE $FUZZ_DB ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
psql_ -d "$FUZZ_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
redis-cli -h 127.0.0.1 -p 6379 -n "$FUZZ_REDIS_DB" FLUSHDB >/dev/null

# A fresh Ed25519 pair for the history's checkpoints (the jar does not start without one).
HISTORY_KEY=$(openssl genpkey -algorithm ed25519 2>/dev/null)
HISTORY_SIGNING_KEY=$(printf '%s\n' "$HISTORY_KEY" | openssl pkey -outform DER | base64 -w0)
HISTORY_PUBLIC_KEY=$(printf '%s\n' "$HISTORY_KEY" | openssl pkey -pubout -outform DER | base64 -w0)

# Plans high enough that the fuzzer is never rate limited, neither with a key nor anonymously.
PLAN_PROPS=()
for plan in standard anonymous; do
  PLAN_PROPS+=(-Dopencredit.plans.$plan.rate-per-second=100000 -Dopencredit.plans.$plan.burst=100000
               -Dopencredit.plans.$plan.daily-quota=100000000)
done
PLAN_PROPS+=(-Dopencredit.ratelimit.failed-authentication.burst=100000
             -Dopencredit.ratelimit.failed-authentication.rate-per-second=100000)

APP_PID=
STOP_FINDING=
# stop_app: SIGTERM, then SIGKILL when the jar has not exited after 45 s (graceful shutdown waits 15 s).
stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 45); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$APP_PID" 2>/dev/null; then
    STOP_FINDING="the instance did not exit within 45 s of SIGTERM and was killed"
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}
trap stop_app EXIT

echo "fuzz: starting $FUZZ_APP/quarkus-run.jar on port $FUZZ_PORT (log $FUZZ_LOG)"
env QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$FUZZ_DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$FUZZ_DB" \
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$FUZZ_REDIS_DB" \
    QUARKUS_HTTP_PORT="$FUZZ_PORT" QUARKUS_MANAGEMENT_PORT="$FUZZ_MANAGEMENT_PORT" \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    OPENCREDIT_BOOTSTRAP_OPERATOR_KEY="$FUZZ_OPERATOR_KEY" \
    OPENCREDIT_SEED_SUBJECTS=500 \
    OPENCREDIT_INGESTION_IDENTITY_HASH_KEY=fuzz-identity-hash-key-0123456789abcdef \
    OPENCREDIT_WEBHOOK_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" \
    OPENCREDIT_PERSON_IDENTITY_KEY="fuzz:$(head -c 32 /dev/urandom | base64 -w0)" \
    OPENCREDIT_HISTORY_SIGNING_KEY="$HISTORY_SIGNING_KEY" OPENCREDIT_HISTORY_PUBLIC_KEY="$HISTORY_PUBLIC_KEY" \
    "$JAVA" -Xmx256m "${PLAN_PROPS[@]}" -jar "$FUZZ_APP/quarkus-run.jar" >"$FUZZ_LOG" 2>&1 &
APP_PID=$!
ready=0
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$FUZZ_MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 1
done
if [ "$ready" != 1 ]; then
  echo "fuzz: the instance did not become ready" >&2
  tail -50 "$FUZZ_LOG" >&2
  exit 2
fi

status=0
python3 bench/fuzz.py --base "http://127.0.0.1:$FUZZ_PORT" --operator-key "$FUZZ_OPERATOR_KEY" \
  --contract openapi/openapi.yaml --seed "$FUZZ_SEED" --report "$FUZZ_REPORT" \
  --health "http://127.0.0.1:$FUZZ_MANAGEMENT_PORT/q/health/ready" --app-log "$FUZZ_LOG" || status=$?

# Did the instance survive? (fuzz.py checks between phases too; this is the last word.)
if ! kill -0 "$APP_PID" 2>/dev/null; then
  echo "fuzz: FINDING: the instance is no longer running" >&2
  status=1
fi
stop_app
if [ -n "$STOP_FINDING" ]; then
  echo "fuzz: FINDING: $STOP_FINDING" >&2
  status=1
fi

# ERROR lines of the app's log (fuzz.py ties each to its finding in the report, by request id or
# by time); here the count and the distinct messages, without time stamps, threads and request ids.
errors=$(grep -cE '^[0-9-]+ [0-9:,]+ ERROR ' "$FUZZ_LOG" || true)
echo "fuzz: $errors ERROR line(s) in $FUZZ_LOG"
if [ "$errors" -gt 0 ]; then
  grep -E '^[0-9-]+ [0-9:,]+ ERROR ' "$FUZZ_LOG" \
    | sed -E 's/^[0-9-]+ [0-9:,]+ ERROR +//; s/\([^)]*\) //; s/\[request [^]]*\]/[request …]/; s/error id: [^:]*/error id: …/' \
    | cut -c1-240 | sort | uniq -c | sort -rn | head -20
fi
uncaught=$(grep -cE '^Exception|OutOfMemoryError' "$FUZZ_LOG" || true)
if [ "$uncaught" -gt 0 ]; then
  echo "fuzz: $uncaught line(s) about uncaught throwables or OutOfMemoryError in $FUZZ_LOG:"
  grep -E '^Exception|OutOfMemoryError' "$FUZZ_LOG" | cut -c1-240 | sort | uniq -c | sort -rn | head -10
fi
exit "$status"
