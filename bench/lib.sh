# Shared by the benchmark scripts: a database per data-set size, the packaged jar started with
# production settings on a port of our choosing, and a consumer key created through the admin API.
set -euo pipefail
BENCH_OPERATOR_KEY=bench-operator-key-0123456789abcdef0123456
# A fresh Ed25519 pair per run for the history's checkpoints (the jar does not start without one).
BENCH_HISTORY_KEY=$(openssl genpkey -algorithm ed25519 2>/dev/null)
BENCH_HISTORY_SIGNING_KEY=$(printf '%s\n' "$BENCH_HISTORY_KEY" | openssl pkey -outform DER | base64 -w0)
BENCH_HISTORY_PUBLIC_KEY=$(printf '%s\n' "$BENCH_HISTORY_KEY" | openssl pkey -pubout -outform DER | base64 -w0)
# The JVM of the measured jar: a heap small enough that the whole process stays under 512 MB
# resident (about 220 MB live outside the heap, see docs/benchmarks.md), with the throughput collector.
BENCH_JVM_OPTS=${BENCH_JVM_OPTS:--Xms224m -Xmx224m -XX:+UseParallelGC}
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

# bench_package: packages the jar when it is missing or older than the sources; BUILD=never uses
# target/quarkus-app as it is (while the working tree does not build, or Maven must not run).
bench_package() {
  if [ "${BUILD:-auto}" = never ]; then
    [ -f target/quarkus-app/quarkus-run.jar ] || { echo "BUILD=never, but there is no target/quarkus-app/quarkus-run.jar" >&2; return 1; }
    return 0
  fi
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    ./mvnw -B -q package -DskipTests
  fi
}

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port FROM: prints the first loopback port from FROM on (at most 100 tried) that nothing listens on.
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 99))); do
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "no free port in $1-$(($1 + 99))" >&2
  return 1
}

# start_app DB PORT LOG [VAR=value | -Dproperty=value ...]: starts the jar in the background, sets
# APP_PID and MANAGEMENT_URL (health and metrics), waits until ready. Refuses a port that is already
# taken, whose readiness would not be ours.
start_app() {
  local db=$1 port=$2 log=$3 envs=() props=() management
  shift 3
  if port_in_use "$port"; then
    echo "port $port is already in use" >&2
    return 1
  fi
  management=$(free_port $((port + 1000))) || return 1
  MANAGEMENT_URL="http://127.0.0.1:$management"
  for arg in "$@"; do
    case "$arg" in -D*) props+=("$arg") ;; *) envs+=("$arg") ;; esac
  done
  env QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$db" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
      QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
      OPENCREDIT_BOOTSTRAP_OPERATOR_KEY="$BENCH_OPERATOR_KEY" \
      OPENCREDIT_HISTORY_SIGNING_KEY="$BENCH_HISTORY_SIGNING_KEY" OPENCREDIT_HISTORY_PUBLIC_KEY="$BENCH_HISTORY_PUBLIC_KEY" "${envs[@]}" \
      java $BENCH_JVM_OPTS "${props[@]}" -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    curl -fs "$MANAGEMENT_URL/q/health/ready" >/dev/null 2>&1 && return 0
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

# new_key PORT PLAN [TYPE [BOUND-USCC]]: a new consumer of TYPE (default app, with its type's default
# scopes) on PLAN, bound to BOUND-USCC if given (a department must be bound to its own code to
# ingest), prints its key.
new_key() {
  local port=$1 plan=$2 type=${3:-app} bound=${4:-} id
  id=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench $(date +%s%N)\",\"type\":\"$type\",\"plan\":\"$plan\"${bound:+,\"boundUscc\":\"$bound\"}}" \
        "http://127.0.0.1:$port/api/v1/admin/consumers" \
        | sed -E 's/.*"id":"([^"]+)".*/\1/')
  curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$port/api/v1/admin/consumers/$id/keys" | sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# wrk_figures FILE: "rps p50 p99 non2xx" of one wrk --latency output.
wrk_figures() {
  awk '/Requests\/sec/ {rps=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} /Non-2xx/ {bad=$5}
       END {printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad)}' "$1"
}

# wrk_json FILE: the figures of one wrk --latency output as a JSON object (latencies in ms;
# requests/s counts every answer, non_2xx those outside 2xx/3xx; socket_errors include timeouts).
wrk_json() {
  awk 'function ms(v,  n, u) {
         n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
         return u == "us" ? n / 1000 : u == "s" ? n * 1000 : u == "m" ? n * 60000 : u == "h" ? n * 3600000 : n
       }
       / requests in / {req = $1}
       /Requests\/sec/ {rps = $2}
       $1 == "50%" {p50 = ms($2)} $1 == "90%" {p90 = ms($2)} $1 == "99%" {p99 = ms($2)}
       /Non-2xx/ {bad = $NF}
       /Socket errors/ {gsub(/,/, ""); err = $4 + $6 + $8 + $10}
       function num(v) {return v == "" ? "null" : sprintf("%.3f", v)}
       END {printf "{\"requests\": %d, \"requests_per_second\": %s, \"p50_ms\": %s, \"p90_ms\": %s, \"p99_ms\": %s, \"non_2xx\": %d, \"socket_errors\": %d}\n",
              req, (rps == "" ? 0 : rps), num(p50), num(p90), num(p99), bad, err}' "$1"
}
