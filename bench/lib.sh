# Shared by the benchmark scripts: a database per data-set size, the packaged jar started with
# production settings on a port of our choosing, and a consumer key created through the admin API.
set -euo pipefail
BENCH_OPERATOR_KEY=bench-operator-key-0123456789abcdef0123456
# The Ed25519 pair of the history's checkpoints (the jar does not start without one): made once per
# machine and kept outside the repository, because the data sets outlive a run and the checkpoints
# the jar signed in an earlier run must still verify (a fresh key per run made every integrity check
# of a reused data set report them as signed by no published key).
BENCH_HISTORY_KEY_FILE=${BENCH_HISTORY_KEY_FILE:-${XDG_CACHE_HOME:-$HOME/.cache}/opencredit-bench/history-ed25519.pem}
if [ ! -s "$BENCH_HISTORY_KEY_FILE" ]; then
  mkdir -p "$(dirname "$BENCH_HISTORY_KEY_FILE")"
  (umask 077 && openssl genpkey -algorithm ed25519 -out "$BENCH_HISTORY_KEY_FILE" 2>/dev/null)
fi
BENCH_HISTORY_KEY=$(cat "$BENCH_HISTORY_KEY_FILE")
BENCH_HISTORY_SIGNING_KEY=$(printf '%s\n' "$BENCH_HISTORY_KEY" | openssl pkey -outform DER | base64 -w0)
BENCH_HISTORY_PUBLIC_KEY=$(printf '%s\n' "$BENCH_HISTORY_KEY" | openssl pkey -pubout -outform DER | base64 -w0)
# The AES-256 key persons' identity numbers are sealed with (the jar does not start without one); the
# same each run, so that persons a run registered stay readable by the next.
BENCH_PERSON_IDENTITY_KEY="bench:$(printf 'opencredit-bench-person-identity' | base64 -w0)"

# The JVM of the measured jar: a heap small enough that the whole process stays under 512 MB
# resident (about 220 MB live outside the heap, see docs/benchmarks.md), with the throughput collector
# and fixed survivor spaces, as k8s/base/deployment.yaml runs it: left to its adaptive sizing the
# collector shrank them to 1 MB, so what a young collection found in flight was promoted and the old
# generation filled about three times as fast (docs/benchmarks.md, fourth sitting).
BENCH_JVM_OPTS=${BENCH_JVM_OPTS:--Xms224m -Xmx224m -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=8}
psql_() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# bench_database SUBJECTS [PREFIX]: the database of a data set of SUBJECTS subjects, PREFIX_SUBJECTS
# (default opencredit_bench_SUBJECTS), created empty when missing (the jar's seed fills it); RELOAD=1
# drops it first. A script that writes into its data set takes a prefix of its own.
bench_database() {
  local db=${2:-opencredit_bench}_$1
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a database name: $db" >&2; return 1; }
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
      OPENCREDIT_HISTORY_SIGNING_KEY="$BENCH_HISTORY_SIGNING_KEY" OPENCREDIT_HISTORY_PUBLIC_KEY="$BENCH_HISTORY_PUBLIC_KEY" \
      OPENCREDIT_PERSON_IDENTITY_KEY="$BENCH_PERSON_IDENTITY_KEY" \
      ${TRACE_SINK_PORT:+QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf} \
      ${TRACE_SINK_PORT:+QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$TRACE_SINK_PORT} "${envs[@]}" \
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

# nginx_temp_paths DIR: the http-block lines that keep an nginx's temporary files under DIR/tmp
# (its defaults are under /var/lib/nginx, which a benchmark does not own).
nginx_temp_paths() {
  local kind
  for kind in client_body proxy fastcgi uwsgi scgi; do
    printf '  %s_temp_path %s/tmp/%s;\n' "$kind" "$1" "${kind#client_}"
  done
}

# start_trace_sink: an OTLP/HTTP endpoint (nginx on a free loopback port from 4318) that takes every
# batch of spans and answers 200, as a healthy collector does; start_app points the service's span
# exporter at it (TRACE_SINK_PORT). Without one every export fails against the default endpoint and
# the exporter holds the sampled spans while it retries, objects a benchmark's heap has to promote
# and a production deployment (which has a collector) does not. Sets TRACE_SINK_PID and TRACE_SINK_DIR.
start_trace_sink() {
  TRACE_SINK_DIR=$(mktemp -d /tmp/opencredit-bench-traces.XXXXXX)
  chmod 755 "$TRACE_SINK_DIR"
  TRACE_SINK_PORT=$(free_port 4318) || return 1
  mkdir -p "$TRACE_SINK_DIR/tmp"
  cat >"$TRACE_SINK_DIR/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $TRACE_SINK_DIR/nginx.pid;
error_log $TRACE_SINK_DIR/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
$(nginx_temp_paths "$TRACE_SINK_DIR")
  server {
    listen 127.0.0.1:$TRACE_SINK_PORT;
    location = /v1/traces { default_type application/x-protobuf; return 200 ""; }
  }
}
CONF
  PATH=$PATH:/usr/sbin nginx -e "$TRACE_SINK_DIR/error.log" -p "$TRACE_SINK_DIR" -c "$TRACE_SINK_DIR/nginx.conf" >"$TRACE_SINK_DIR/stdout.log" 2>&1 &
  TRACE_SINK_PID=$!
  for _ in $(seq 1 100); do
    curl -fs -X POST --data-binary '' "http://127.0.0.1:$TRACE_SINK_PORT/v1/traces" >/dev/null 2>&1 && return 0
    kill -0 "$TRACE_SINK_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$TRACE_SINK_DIR/stdout.log" "$TRACE_SINK_DIR/error.log" >&2 2>/dev/null || true
  TRACE_SINK_PORT=
  return 1
}

stop_trace_sink() {
  if [ -n "${TRACE_SINK_PID:-}" ]; then kill "$TRACE_SINK_PID" 2>/dev/null || true; wait "$TRACE_SINK_PID" 2>/dev/null || true; fi
  [ -z "${TRACE_SINK_DIR:-}" ] || rm -rf "$TRACE_SINK_DIR"
  TRACE_SINK_PID= TRACE_SINK_DIR= TRACE_SINK_PORT=
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

# bench_quote WORD: WORD as a shell word (quoted unless it needs no quoting), for command lines in docs.
bench_quote() {
  if [[ "$1" =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}

# bench_command SCRIPT VAR... -- ARG...: the command line as it was typed, with those of the VARs that
# are in the environment (exported, as VAR=value before the command puts them) in front, for the docs;
# defaults set in the script itself are not exported and not shown.
bench_command() {
  local script=$1 line='' v
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    if printenv "$1" >/dev/null; then line+="$1=$(bench_quote "${!1}") "; fi
    shift
  done
  [ $# -eq 0 ] || shift
  line+=$script
  for v in "$@"; do line+=" $(bench_quote "$v")"; done
  printf '%s\n' "$line"
}

# bench_machine_json: the machine and the versions of what runs on it, as one JSON object (needs jq;
# nginx and wrk are null when not installed).
bench_machine_json() {
  jq -n --arg nproc "$(nproc)" \
    --arg memory "$(free -b | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1073741824}')" \
    --arg cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" \
    --arg os "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)" \
    --arg java "$(java -version 2>&1 | grep -v '^Picked up' | paste -sd ';' | sed 's/;/; /g')" \
    --arg postgresql "$(psql_ -c 'SHOW server_version')" \
    --arg redis "$(redis-cli -h 127.0.0.1 INFO server | sed -n 's/^redis_version:\([^[:space:]]*\).*/\1/p')" \
    --arg nginx "$( (PATH=$PATH:/usr/sbin nginx -v 2>&1 || true) | sed -n 's/^nginx version: //p')" \
    --arg wrk "$( (wrk -v 2>&1 || true) | head -1 | awk '$1 == "wrk" {print $2}')" \
    '{nproc: ($nproc | tonumber), memory: $memory, cpu_model: $cpu, os: $os, java_version: $java,
      postgresql: $postgresql, redis: $redis, nginx: (if $nginx == "" then null else $nginx end),
      wrk: (if $wrk == "" then null else $wrk end)}'
}

# bench_hot_set DB SUBJECTS N [FROM]: prints N USCCs of DB, hottest first (for bench/hotset.lua), the
# way bench/run.sh draws its hot set, the same every run: a repeatable sample of about 1.5 × FROM
# (default 200000, run.sh's UNIFORM_SAMPLE) subjects in md5 order, of which run.sh takes the first
# FROM for its uniform lookup and the first N as its hot set.
bench_hot_set() {
  local db=$1 subjects=$2 n=$3 from=${4:-200000} pct
  pct=$(awk -v n="$from" -v s="$subjects" 'BEGIN {p = 150 * n / s; printf "%.6f", (p > 100 ? 100 : p)}')
  psql_ -d "$db" -c "SELECT uscc FROM subject TABLESAMPLE BERNOULLI ($pct) REPEATABLE (20261123)
                     WHERE uscc IS NOT NULL ORDER BY md5(uscc) LIMIT $((n < from ? n : from))"
}

# bench_docs_section FILE BEGIN END SECTION: puts the text of file SECTION (which starts with the line
# BEGIN and ends with the line END) in place of the lines from BEGIN to END of FILE, or appends it
# when FILE has neither; the rest of FILE is kept. Leaves FILE alone (returns 1) when it holds a
# marker more than once or only one of them.
bench_docs_section() {
  local file=$1 begin=$2 end=$3 section=$4 begins ends tmp
  [ -f "$file" ] || printf '# Benchmarks\n' >"$file"
  begins=$(grep -cxF -- "$begin" "$file" || true)
  ends=$(grep -cxF -- "$end" "$file" || true)
  tmp=$(mktemp)
  if [ "$begins" = 0 ] && [ "$ends" = 0 ]; then
    { cat "$file"; echo; cat "$section"; } >"$tmp"
  elif [ "$begins" = 1 ] && [ "$ends" = 1 ]; then
    awk -v begin="$begin" -v end="$end" -v section="$section" '
      $0 == begin {while ((getline line < section) > 0) print line; skip = 1; next}
      $0 == end {skip = 0; next}
      !skip' "$file" >"$tmp"
  else
    echo "$file must hold each of $begin and $end once (or neither); left unchanged" >&2
    rm -f "$tmp"
    return 1
  fi
  cat "$tmp" >"$file"
  rm -f "$tmp"
}

# cpu_seconds JVM-PID: CPU seconds (user + system) used so far, as one JSON object: the JVM with this
# pid (0 when none), its JIT compiler threads apart ("jit", also counted in "jvm": a window that still
# holds the compiler measures it, docs/benchmarks.md, sixteenth and seventeenth sittings), and every
# process named postgres, redis-server, wrk and nginx summed per name. Two readings around a run give
# each process's share of the work, as pidstat would, without its sampling interval (a pool's
# connections live through the run, so none of their time goes missing).
cpu_seconds() {
  local jvm=${1:-0} jit=0
  if [ "$jvm" != 0 ]; then
    # HotSpot names them "C1 CompilerThread<n>" and "C2 CompilerThread<n>", cut to 15 characters. It
    # starts and stops threads beyond the first of each with the load, and one that ends between two
    # readings takes its ticks along: on more cores than two the share is a lower bound.
    jit=$({ cat /proc/"$jvm"/task/[0-9]*/stat 2>/dev/null || true; } | awk '
      {
        comm = $0; sub(/^[^(]*\(/, "", comm); sub(/\).*$/, "", comm)
        rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
        if (comm ~ /^C[12] CompilerThre/) t += f[12] + f[13]
      }
      END {print t + 0}')
  fi
  # cat, not awk over the files: a process that ends between the glob and the read would stop mawk.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v jvm="$jvm" -v jit="$jit" -v hz="$(getconf CLK_TCK)" '
    {
      comm = $0; sub(/^[^(]*\(/, "", comm); sub(/\).*$/, "", comm)
      rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
      ticks = f[12] + f[13]
      if ($1 == jvm) t["jvm"] += ticks
      else if (comm == "postgres" || comm == "redis-server" || comm == "wrk" || comm == "nginx") t[comm] += ticks
    }
    END {
      printf "{\"jvm\": %.2f, \"jit\": %.2f, \"postgres\": %.2f, \"redis\": %.2f, \"wrk\": %.2f, \"nginx\": %.2f}\n",
        t["jvm"] / hz, jit / hz, t["postgres"] / hz, t["redis-server"] / hz, t["wrk"] / hz, t["nginx"] / hz
    }'
}

# cpu_per_request BEFORE AFTER REQUESTS SECONDS: from two cpu_seconds readings, each process's CPU
# microseconds per request and share of one core over SECONDS, as one JSON object.
cpu_per_request() {
  jq -c -n --argjson a "$1" --argjson b "$2" --argjson n "$3" --argjson s "$4" '
    [$b | keys_unsorted[] as $k | {key: $k, value: {
        us_per_request: (if $n > 0 then (($b[$k] - $a[$k]) * 1e6 / $n | . * 10 | round / 10) else null end),
        cores: (if $s > 0 then (($b[$k] - $a[$k]) / $s | . * 100 | round / 100) else null end)}}
     | select(.value.cores != null and .value.cores > 0)] | from_entries'
}
