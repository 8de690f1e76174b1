#!/usr/bin/env bash
# The access log's durability, proven from the outside (issue 18): a read answered 200 must have its
# access-log row, whatever happens to the service or its database right after the answer. Keyed
# profile reads (bench/durability.py: 16 threads, each request with an X-Request-Id of our own; the ids
# of the requests answered 200 are written down) run against the packaged jar while, mid-run:
#
#   kill -9       the JVM is killed with SIGKILL (no shutdown hook, nothing flushed)
#   sigterm       the JVM is sent SIGTERM (graceful shutdown: what was queued must drain)
#   pg-restart    PostgreSQL is restarted (`pg_ctlcluster … restart -m fast`): answers fail (503)
#                 while it is away and come back after; nothing answered 200 may be missing
#
# After each, every id answered 200 is looked up in audit_access_log; the run fails when one is
# missing, or when anything but 200 and 503 was answered. The PostgreSQL restart runs against a
# cluster of its own (version of /etc/postgresql, name `durability`, port DURABILITY_PG_PORT, trust
# on loopback, created and started when missing; needs root or the postgres user), so that restarting
# it does not touch the databases of anything else on the machine.
#
#   bench/durability.sh                    all three, on 20 000 subjects
#   PHASES=kill-9 bench/durability.sh      one of them
#
# The consumer is on a plan `bench` without practical limits, so that every answer is 200 or 503.
# Environment (defaults in brackets): SUBJECTS [20000]; SECONDS_EACH [20] of load per phase, the
# event EVENT_AFTER [8] seconds into it; THREADS [16]; BENCH_REDIS_DB [10]; PORT [8390];
# DURABILITY_PG_PORT [5433]; BUILD=never; RESULTS_DIR [bench/results]; DOCS_FILE [docs/benchmarks.md].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
source bin/java-home

COMMAND=$(bench_command bench/durability.sh PHASES SUBJECTS SECONDS_EACH EVENT_AFTER THREADS BENCH_REDIS_DB PORT DURABILITY_PG_PORT BUILD RESULTS_DIR DOCS_FILE -- "$@")
read -r -a PHASE_LIST <<<"${PHASES:-kill-9 sigterm pg-restart}"
SUBJECTS=${SUBJECTS:-20000}
SECONDS_EACH=${SECONDS_EACH:-20}
EVENT_AFTER=${EVENT_AFTER:-8}
THREADS=${THREADS:-16}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-10}
PG_PORT=${DURABILITY_PG_PORT:-5433}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
RESULTS="$RESULTS_DIR/durability-$(date -u +%F).json"
die() { echo "durability.sh: $*" >&2; exit 1; }
for phase in "${PHASE_LIST[@]}"; do
  case "$phase" in kill-9 | sigterm | pg-restart) ;; *) die "unknown phase $phase (kill-9, sigterm, pg-restart)" ;; esac
done
for v in SUBJECTS SECONDS_EACH EVENT_AFTER THREADS PG_PORT; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive number"; done
command -v jq >/dev/null || die "needs jq"

WORK=$(mktemp -d)
APP_PID=
trap 'stop_app; rm -rf "$WORK"' EXIT
bench_package
PORT=$(free_port "${PORT:-8390}")
URL="http://127.0.0.1:$PORT"
mkdir -p "$RESULTS_DIR"
: >"$WORK/phases.jsonl"

PG_VERSION=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
# durability_cluster: the PostgreSQL cluster the restart phase may restart, created and started when missing.
durability_cluster() {
  [ -n "$PG_VERSION" ] || die "no PostgreSQL cluster configuration under /etc/postgresql"
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "durability"' | grep -q .; then
    pg_createcluster "$PG_VERSION" durability -p "$PG_PORT" -- --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_ctlcluster "$PG_VERSION" durability start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0; sleep 1; done
  die "the durability cluster did not start on port $PG_PORT"
}

# phase NAME HOST_PORT: one load with its event, then the check.
phase() {
  local name=$1 pg_port=$2 db run key event_at stopped_by
  db=opencredit_benchdur_$SUBJECTS
  if [ -z "$(psql_ -p "$pg_port" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_ -p "$pg_port" -c "CREATE DATABASE $db ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
    psql_ -p "$pg_port" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
  fi
  echo "== $name (database $db on port $pg_port)"
  start_app "$db" "$PORT" "$WORK/$name.log" OPENCREDIT_SEED_SUBJECTS="$SUBJECTS" QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$pg_port/$db" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" \
    -Dopencredit.plans.bench.rate-per-second=1000000 -Dopencredit.plans.bench.burst=1000000 -Dopencredit.plans.bench.daily-quota=1000000000000
  key=$(new_key "$PORT" bench)
  psql_ -p "$pg_port" -d "$db" -c "SELECT uscc FROM subject WHERE uscc IS NOT NULL ORDER BY md5(uscc) LIMIT 2000" >"$WORK/usccs.txt"
  run="dur-$name-$(date +%s)"
  python3 bench/durability.py --url "$URL" --key "$key" --usccs "$WORK/usccs.txt" --run "$run" --seconds "$SECONDS_EACH" \
    --threads "$THREADS" --out "$WORK/$name-ok.txt" >"$WORK/$name-load.json" &
  local load=$!
  sleep "$EVENT_AFTER"
  event_at=$(date -u +%FT%T.%3NZ)
  case "$name" in
    kill-9) kill -KILL "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID= ;;
    sigterm) kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID= ;;
    pg-restart) pg_ctlcluster "$PG_VERSION" durability restart -m fast ;;
  esac
  stopped_by=$(date -u +%FT%T.%3NZ)
  wait "$load"
  stop_app
  # Every id answered 200, looked up in the log (the rows are in PostgreSQL; nothing of the JVM is needed).
  psql_ -p "$pg_port" -d "$db" -F ' ' <<SQL >"$WORK/$name-check.txt"
CREATE TEMP TABLE answered (request_id text PRIMARY KEY);
\copy answered FROM '$WORK/$name-ok.txt'
SELECT (SELECT count(*) FROM answered),
       (SELECT count(*) FROM answered a WHERE NOT EXISTS (SELECT 1 FROM audit_access_log l WHERE l.request_id = a.request_id)),
       (SELECT count(*) FROM audit_access_log WHERE request_id LIKE '$run-%');
SQL
  read -r answered missing logged <"$WORK/$name-check.txt"
  jq -c --arg name "$name" --arg event_at "$event_at" --arg event_done "$stopped_by" --argjson answered "$answered" \
    --argjson missing "$missing" --argjson logged "$logged" \
    '{phase: $name, event_at: $event_at, event_done: $event_done, load: ., answered_200: $answered, missing_rows: $missing, rows_logged: $logged}' \
    "$WORK/$name-load.json" | tee -a "$WORK/phases.jsonl"
  # A failed phase leaves the service's log beside the results (it names the cause of every 5xx).
  if [ "$missing" != 0 ]; then
    cp "$WORK/$name.log" "$RESULTS_DIR/durability-$name.log"
    die "$name: $missing of $answered reads answered 200 have no access-log row (log: $RESULTS_DIR/durability-$name.log)"
  fi
  if ! jq -e '.statuses | keys - ["200", "503"] | length == 0' "$WORK/$name-load.json" >/dev/null; then
    cp "$WORK/$name.log" "$RESULTS_DIR/durability-$name.log"
    die "$name: answers other than 200 and 503: $(jq -c .statuses "$WORK/$name-load.json") (log: $RESULTS_DIR/durability-$name.log)"
  fi
}

for name in "${PHASE_LIST[@]}"; do
  if [ "$name" = pg-restart ]; then durability_cluster; phase "$name" "$PG_PORT"; else phase "$name" 5432; fi
done

jq -s --arg command "$COMMAND" --arg commit "$(git rev-parse --short HEAD)" --arg date "$(date -u +%FT%TZ)" \
  --argjson seconds "$SECONDS_EACH" --argjson after "$EVENT_AFTER" --argjson threads "$THREADS" --argjson subjects "$SUBJECTS" \
  '{command: $command, commit: $commit, finished: $date, subjects: $subjects, seconds_each: $seconds, event_after: $after, threads: $threads, phases: .}' \
  "$WORK/phases.jsonl" >"$RESULTS"
jq -r --arg results "$RESULTS" '
  def n0: tostring | [while(length > 0; .[:-3])] | map(.[-3:]) | reverse | join(" ");
  . as $r | "<!-- bench:durability.sh:begin -->", "## The access log survives a crash (`bench/durability.sh`)", "",
  "Generated by `bench/durability.sh` (\($r.finished), commit \($r.commit)); the figures are in [`\($results)`](../\($results)).", "",
  "```bash", $r.command, "```", "",
  "Keyed profile reads by \($r.threads) threads for \($r.seconds_each) s over \($r.subjects | n0) subjects, each with its own `X-Request-Id`; \($r.event_after) s in, the event below. Afterwards every id answered 200 is looked up in `audit_access_log`.", "",
  "| event | answered 200 | 503 | connection failures | rows missing |", "| --- | ---: | ---: | ---: | ---: |",
  ($r.phases[] | "| \(.phase) | \(.answered_200 | n0) | \(.load.statuses["503"] // 0 | n0) | \(.load.connection_failures | n0) | \(.missing_rows) |"),
  "", "<!-- bench:durability.sh:end -->"' "$RESULTS" >"$WORK/section.md"
bench_docs_section "$DOCS_FILE" "<!-- bench:durability.sh:begin -->" "<!-- bench:durability.sh:end -->" "$WORK/section.md" || true
echo "results: $RESULTS; $DOCS_FILE updated"
