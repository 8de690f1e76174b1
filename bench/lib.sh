# Shared by the benchmark scripts: a database per data-set size, the packaged jar started with
# production settings on a port of our choosing, and a consumer key created through the admin API.
set -euo pipefail
BENCH_OPERATOR_KEY=bench-operator-key-0123456789abcdef0123456
psql_() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

bench_database() { # subjects
  local db=opencredit_bench_$1
  if [ "${RELOAD:-0}" = 1 ]; then psql_ -c "DROP DATABASE IF EXISTS $db"; fi
  if [ -z "$(psql_ -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_ -c "CREATE DATABASE $db ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
    psql_ -d "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
  fi
  echo "$db"
}

bench_package() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    ./mvnw -B -q package -DskipTests
  fi
}

# start_app DB PORT LOG [VAR=value | -Dproperty=value ...]: starts the jar in the background, sets
# APP_PID, waits until ready.
start_app() {
  local db=$1 port=$2 log=$3 envs=() props=()
  shift 3
  for arg in "$@"; do
    case "$arg" in -D*) props+=("$arg") ;; *) envs+=("$arg") ;; esac
  done
  env QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$db" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
      QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
      OPENCREDIT_BOOTSTRAP_OPERATOR_KEY="$BENCH_OPERATOR_KEY" "${envs[@]}" \
      java -Xmx512m -XX:+UseParallelGC "${props[@]}" -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$log" >&2; return 1; }
    sleep 1
  done
  echo "the service on port $port did not become ready" >&2
  return 1
}

stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# new_key PORT PLAN [DAILY]: a new app consumer on PLAN, prints its key.
new_key() {
  local port=$1 plan=$2 id
  id=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench $(date +%s%N)\",\"type\":\"app\",\"plan\":\"$plan\"}" "http://127.0.0.1:$port/api/v1/admin/consumers" \
        | sed -E 's/.*"id":"([^"]+)".*/\1/')
  curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$port/api/v1/admin/consumers/$id/keys" | sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# wrk_figures FILE: "rps p50 p99 non2xx" of one wrk --latency output.
wrk_figures() {
  awk '/Requests\/sec/ {rps=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} /Non-2xx/ {bad=$5}
       END {printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad)}' "$1"
}
