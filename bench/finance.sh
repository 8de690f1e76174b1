#!/usr/bin/env bash
# Measures the bank's pull (信易贷, issue 15): GET /api/v1/finance/subjects/{uscc}/package on the hot
# set of bench/run.sh, cached and not, against the keyed profile read of the same subjects in the
# same sitting. Per scale it makes sure the data set is loaded into its own database
# opencredit_benchfin_<scale> (the jar's seed fills an empty one; this script writes into it), starts
# the packaged jar with production settings (prod profile, BENCH_JVM_OPTS, Redis database
# BENCH_REDIS_DB) and prepares, through the admin API with the bootstrap operator key:
#
#   consumers  an operator (the consents' recorder), a bank (the puller, on PLAN) and a department
#              bound to DEPARTMENT_USCC (the payments' sender)
#   consents   an active loan-application consent of each of the SAMPLE hot-set subjects to the bank,
#              for every category, recorded by the operator; inserted in one SQL transaction that
#              writes what ConsentService.grant writes (the consent row with its request hash, and
#              its "granted" timeline entry), because 20 000 POST /api/v1/consents take minutes
#   payments   PAYMENT_MONTHS monthly tax-payment and social-insurance records for each of the
#              PAYMENT_SUBJECTS hottest subjects that are not government bodies, ingested by the
#              department (POST /api/v1/ingest/records, JSON), so that their packages carry payment
#              series and summaries; stable sourceRecordIds, so a second run stores nothing new
#
# then waits for the evaluation (the first one at start, and the queue the ingestion filled) and
# measures, each run a warm-up of WARMUP then DURATION with --latency (bench/hotset.lua with
# HOTSET_PATH: Zipf-like over the hot set, the same subjects in the same order as run.sh), after a
# JIT_WARMUP of both reads on each start:
#
#   cached    the jar as configured: the package and the profile, both with the bank's key
#   uncached  the jar restarted with OPENCREDIT_CACHE_ENABLED=false (run.sh's secured-nocache
#             variant): the same two runs
#
# Every answer must be 200: non-2xx answers and socket errors are counted for each run.
#
#   bench/finance.sh [scale ...]           default: 100000 subjects
#   DURATION=5s WARMUP=2s JIT_WARMUP=5s SAMPLE=2000 PAYMENT_SUBJECTS=100 bench/finance.sh 20000
#                                          a quick check of the script
#
# Environment (defaults in brackets): DURATION [30s] and WARMUP [10s] per wrk run; JIT_WARMUP [20s]
# of hot-set reads of each endpoint after each start, not measured; THREADS [2], CONNECTIONS [64];
# PLAN [bench] of the bank (defined here without practical limits, so the limiter runs and refuses
# none of wrk's calls); SAMPLE [20000] subjects in the hot set, HOTSET_EXPONENT [1.1];
# PAYMENT_SUBJECTS [1000], PAYMENT_MONTHS [12]; DEPARTMENT_USCC [11659001MB0000019Q];
# BENCH_JVM_OPTS [-Xms224m -Xmx224m -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=8]; BENCH_REDIS_DB [10]; PORT [8390], the
# first free port from there is taken; RELOAD=1 drops and reloads each data set; BUILD=never takes
# target/quarkus-app as it is; RESULTS_DIR [bench/results] and DOCS_FILE [docs/benchmarks.md].
# Everything listens on and talks to 127.0.0.1 only.
#
# Each run adds to its data set: three consumers, SAMPLE consents (reference bench-finance-<time>),
# the payment records (once); each sitting empties the data set's access log first and leaves its own
# rows in it.
#
# Results: RESULTS_DIR/finance-<date>.json (machine, settings, every figure) and the section between
# <!-- bench:finance.sh:begin --> and <!-- bench:finance.sh:end --> in DOCS_FILE, both rewritten after
# each scale; the rest of DOCS_FILE is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

COMMAND=$(bench_command bench/finance.sh DURATION WARMUP JIT_WARMUP THREADS CONNECTIONS PLAN SAMPLE HOTSET_EXPONENT PAYMENT_SUBJECTS \
  PAYMENT_MONTHS DEPARTMENT_USCC BENCH_JVM_OPTS BENCH_REDIS_DB PORT RELOAD BUILD RESULTS_DIR DOCS_FILE -- "$@")
SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(100000)
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
JIT_WARMUP=${JIT_WARMUP:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PLAN=${PLAN:-bench}
SAMPLE=${SAMPLE:-20000}
export HOTSET_EXPONENT=${HOTSET_EXPONENT:-1.1}
PAYMENT_SUBJECTS=${PAYMENT_SUBJECTS:-1000}
PAYMENT_MONTHS=${PAYMENT_MONTHS:-12}
DEPARTMENT_USCC=${DEPARTMENT_USCC:-11659001MB0000019Q}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-10}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
DOCS_FILE=${DOCS_FILE:-docs/benchmarks.md}
BEGIN_MARKER='<!-- bench:finance.sh:begin -->'
END_MARKER='<!-- bench:finance.sh:end -->'
PACKAGE_PATH='/api/v1/finance/subjects/{uscc}/package'
PROFILE_PATH='/api/v1/subjects/{uscc}'

die() { echo "bench/finance.sh: $*" >&2; exit 2; }
seconds() { # a wrk duration (30, 30s, 2m, 1h) in whole seconds
  case "$1" in
    *[0-9]s) echo "${1%s}" ;; *m) echo $((${1%m} * 60)) ;; *h) echo $((${1%h} * 3600)) ;; *) echo "$1" ;;
  esac
}
for s in "${SCALES[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "a scale is a positive number of subjects, not '$s'"; done
for v in DURATION WARMUP JIT_WARMUP; do [[ "$(seconds "${!v}")" =~ ^[1-9][0-9]*$ ]] || die "$v must be like 30s, 2m or 1h"; done
for v in THREADS CONNECTIONS SAMPLE PAYMENT_MONTHS BENCH_REDIS_DB; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number"; done
[[ "$PAYMENT_SUBJECTS" =~ ^[0-9]+$ ]] || die "PAYMENT_SUBJECTS must be a whole number"
[ "$PAYMENT_MONTHS" -le 36 ] || die "PAYMENT_MONTHS is at most 36"
[[ "$PLAN" =~ ^[a-z0-9-]+$ ]] || die "PLAN must be a plan name"
[[ "$DEPARTMENT_USCC" =~ ^[0-9A-HJ-NPQRTUWXY]{18}$ ]] || die "DEPARTMENT_USCC must be a USCC"

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

WORK=$(mktemp -d)
APP_PID=''
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_package
GIT_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
PORT=$(free_port "${PORT:-8390}")
URL=http://127.0.0.1:$PORT
DATE=$(date -u +%F)
RESULTS=$RESULTS_DIR/finance-$DATE.json
mkdir -p "$RESULTS_DIR"
bench_machine_json >"$WORK/machine.json"
: >"$WORK/scales.jsonl"
COMMON=(QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB"
  -Dopencredit.plans."$PLAN".rate-per-second=1000000 -Dopencredit.plans."$PLAN".burst=1000000
  -Dopencredit.plans."$PLAN".daily-quota=1000000000000)
note() { echo "  note: $*" >&2; printf '%s\n' "$*" >>"$WORK/notes.txt"; }

# consumer TYPE [BOUND]: a consumer of TYPE on PLAN with a key; prints "id key".
consumer() {
  local id key
  id=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench finance $(date +%s%N)\",\"type\":\"$1\",\"plan\":\"$PLAN\"${2:+,\"boundUscc\":\"$2\"}}" \
        "$URL/api/v1/admin/consumers" | jq -r .id)
  key=$(curl -fs -H "Authorization: Bearer $BENCH_OPERATOR_KEY" -H 'Content-Type: application/json' -d '{}' \
        "$URL/api/v1/admin/consumers/$id/keys" | jq -r .key)
  echo "$id $key"
}

# grant_consents OPERATOR BANK REFERENCE: a loan-application consent of every subject of hot.txt to
# BANK for every category, as ConsentService.grant stores one recorded by an operator: valid from now
# to the end of the day CONSENT_DAYS ahead (China time), the hash of the request it would have come
# in, and its "granted" transition in the timeline, in one transaction. Nothing is cached under a new
# consent, so the subjects' data versions need no bump.
CONSENT_DAYS=180
grant_consents() {
  psql_ -d "$DB" -1 -v operator="$1" -v bank="$2" -v reference="$3" -v days="$CONSENT_DAYS" -f - <<SQL
CREATE TEMP TABLE hot (uscc text) ON COMMIT DROP;
\copy hot FROM '$WORK/hot.txt'
WITH asked AS (
  SELECT s.id AS subject_id, s.uscc, now() AS at,
         (now() AT TIME ZONE 'Asia/Shanghai')::date + :days AS valid_until_day
  FROM hot JOIN subject s ON s.uscc = hot.uscc
), stored AS (
  INSERT INTO consent (subject_id, grantor_consumer_id, grantee_consumer_id, grantee_type, purpose, categories, reference,
                       valid_from, valid_until, created_at, idempotency_key, request_sha256, version)
  SELECT subject_id, :'operator'::uuid, :'bank'::uuid, 'BANK', 'LOAN_APPLICATION',
         ARRAY['PROFILE', 'EVALUATION', 'AUTHORISED_RECORDS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'UTILITIES', 'LISTS', 'COMMITMENTS'],
         :'reference', at, (valid_until_day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', at, NULL,
         sha256(convert_to(uscc || '|' || :'bank' || '|LOAN_APPLICATION|[PROFILE, EVALUATION, AUTHORISED_RECORDS, TAX, SOCIAL_INSURANCE, '
                           || 'HOUSING_FUND, UTILITIES, LISTS, COMMITMENTS]|' || valid_until_day::text || '|' || :'reference', 'UTF8')),
         0
  FROM asked
  RETURNING id, subject_id, created_at
), events AS (
  INSERT INTO workflow_event (subject_id, workflow, case_id, transition, state_from, state_to, actor_type, actor_consumer_id, actor_uscc,
                              department_uscc, reason, occurred_at)
  SELECT subject_id, 'CONSENT', id, 'granted', NULL, 'ACTIVE', 'OPERATOR', :'operator'::uuid, NULL, NULL, :'reference', created_at FROM stored
  RETURNING 1
)
SELECT count(*) FROM events;
SQL
}

# ingest_payments KEY: PAYMENT_MONTHS months of tax-payment and social-insurance records for each
# subject of payers.tsv (uscc, name, subject category), a few hundred subjects per request; prints
# "created updated unchanged refused".
ingest_payments() {
  local key=$1 today batch status totals="0 0 0 0"
  today=$(TZ=Asia/Shanghai date +%F)
  split -l 200 "$WORK/payers.tsv" "$WORK/payers-"
  for batch in "$WORK"/payers-*; do
    jq -R -s --arg today "$today" --argjson months "$PAYMENT_MONTHS" --arg department "$DEPARTMENT_USCC" '
      def month_before($n): ($today[0:4] | tonumber) * 12 + ($today[5:7] | tonumber) - 1 - $n
        | "\(. / 12 | floor)-\(. % 12 + 1 | tostring | if length == 1 then "0" + . else . end)";
      [split("\n")[] | select(length > 0) | split("\t") as [$uscc, $name, $category]
       | ($uscc | explode | add % 7) as $arrears_month
       | range(1; $months + 1) as $n | (month_before($n)) as $period | (month_before($n - 1) + "-01") as $due
       | ["tax-payment", "1200.00"], ["social-insurance", "46800.00"]
       | {sourceRecordId: "bench-finance-\(.[0])-\($uscc)-\($period)", category: .[0], subjectName: $name, subjectUscc: $uscc,
          subjectCategory: $category, title: "\($period) \(.[0])", decisionDate: (if $due > $today then $today else $due end),
          content: "\($period)缴纳情况", amount: .[1], currency: "CNY", period: $period,
          paymentStatus: (if $n == $arrears_month then "arrears" else "paid" end),
          sourceDepartment: "基准测试数据来源单位", sourceDepartmentUscc: $department}]
      | {rows: .}' "$batch" >"$WORK/payments.json"
    status=$(curl -sS -o "$WORK/payments-answer.json" -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/payments.json" "$URL/api/v1/ingest/records" || true)
    [ "$status" = 200 ] || die "ingesting payments answered $status: $(head -c 400 "$WORK/payments-answer.json")"
    totals=$(jq -r --arg t "$totals" '($t | split(" ") | map(tonumber)) as [$c, $u, $n, $r]
      | "\($c + .created) \($u + .updated) \($n + .unchanged) \($r + .refused)"' "$WORK/payments-answer.json")
    if [ "$(jq .refused "$WORK/payments-answer.json")" != 0 ]; then
      note "payments refused: $(jq -c '[.rows[] | select(.outcome == "refused")][0]' "$WORK/payments-answer.json" | head -c 400)"
    fi
  done
  rm -f "$WORK"/payers-*
  echo "$totals"
}

# wait_for_evaluation: the first evaluation at start and whatever the ingestion queued, so that no
# job competes with the measurement.
wait_for_evaluation() {
  local i
  for ((i = 0; i < 1800; i++)); do
    [ "$(psql_ -d "$DB" -c "SELECT (SELECT count(*) FROM evaluation_job WHERE state IN ('QUEUED', 'RUNNING'))
                                   + (SELECT count(*) FROM evaluation_pending)")" = 0 ] && return 0
    sleep 1
  done
  note "the evaluation was still busy after 1800 s; measured anyway"
}

# read_run NAME PATH: wrk with the bank's key on the hot set at PATH ({uscc} in it), a warm-up, then
# the measured run with --latency into $WORK/NAME.txt; prints its figures as JSON (null when wrk failed).
read_run() {
  local name=$1 path=$2
  if HOTSET_PATH=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$BANK_KEY" >/dev/null 2>&1 \
      && HOTSET_PATH=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$BANK_KEY" \
        >"$WORK/$name.txt" 2>&1; then
    wrk_json "$WORK/$name.txt"
  else
    echo "  wrk $name failed: $(tail -3 "$WORK/$name.txt" 2>/dev/null)" >&2
    echo null
  fi
}

# sitting NAME [VAR=value ...]: starts the jar with the settings given, warms the JIT on both reads,
# measures the package then the profile; prints {package: ..., profile: ..., rss_mb: ...}.
sitting() {
  local name=$1 package profile rss path
  shift
  # Each sitting starts from an emptied access log: a sitting writes some 300 000 rows, and the rows of
  # earlier runs made later runs slower (a larger index to insert into, autovacuum under the load).
  psql_ -d "$DB" -c "TRUNCATE audit_access_log, audit_operation_log" >/dev/null
  start_app "$DB" "$PORT" "$WORK/$SCALE-$name.log" "${COMMON[@]}" "$@"
  for path in "$PACKAGE_PATH" "$PROFILE_PATH"; do
    HOTSET_PATH=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -s bench/hotset.lua "$URL" -- "$WORK/hot.txt" "$BANK_KEY" >/dev/null 2>&1 || true
  done
  package=$(read_run "$SCALE-$name-package" "$PACKAGE_PATH")
  profile=$(read_run "$SCALE-$name-profile" "$PROFILE_PATH")
  rss=$(ps -o rss= -p "$APP_PID" 2>/dev/null | awk '{print int($1 / 1024)}' || true)
  stop_app
  jq -c -n --argjson package "$package" --argjson profile "$profile" --argjson rss "${rss:-null}" \
    '{package: $package, profile: $profile, jvm_rss_mb: $rss}'
}

write_results() {
  jq -n --arg command "$COMMAND" --arg commit "$GIT_COMMIT" --arg date "$DATE" --slurpfile machine "$WORK/machine.json" \
    --arg duration "$DURATION" --arg warmup "$WARMUP" --arg jit_warmup "$JIT_WARMUP" --argjson threads "$THREADS" \
    --argjson connections "$CONNECTIONS" --arg plan "$PLAN" --argjson sample "$SAMPLE" --arg exponent "$HOTSET_EXPONENT" \
    --argjson payers "$PAYMENT_SUBJECTS" --argjson months "$PAYMENT_MONTHS" --arg jvm "$BENCH_JVM_OPTS" \
    --slurpfile scales "$WORK/scales.jsonl" \
    '{command: $command, commit: $commit, date: $date, machine: $machine[0],
      settings: {duration: $duration, warmup: $warmup, jit_warmup: $jit_warmup, wrk: "-t\($threads) -c\($connections) --latency",
                 plan: $plan, hotset_subjects: $sample, hotset_exponent: ($exponent | tonumber), payment_subjects: $payers,
                 payment_months: $months, jvm: $jvm, package_path: "/api/v1/finance/subjects/{uscc}/package",
                 profile_path: "/api/v1/subjects/{uscc}"},
      scales: $scales}' >"$RESULTS"

  jq -r --arg open_marker "$BEGIN_MARKER" --arg close_marker "$END_MARKER" '
    def n0: if . == null then "—" else (. | round | tostring) end;
    def n1: if . == null then "—" else ((. * 10 | round) / 10 | tostring) end;
    def n2: if . == null then "—" else ((. * 100 | round) / 100 | tostring) end;
    def ratio($a; $b): if $a == null or $b == null or $b == 0 then null else $a / $b end;
    def row($read; $cache; $f): "| \($read) | \($cache) | \($f.requests_per_second | n0) | \($f.p50_ms | n2) | \($f.p90_ms | n2) | \($f.p99_ms | n2) | \($f.requests // "—") | \($f.non_2xx // "—") | \($f.socket_errors // "—") |";
    . as $r | $open_marker,
    "## The bank'"'"'s pull (信易贷): package throughput on the hot set (bench/finance.sh, \(.date), commit \(.commit))",
    "",
    "`\(.command)`",
    "",
    "Machine: \(.machine.nproc) × \(.machine.cpu_model) (shared with the other work on it), \(.machine.memory), \(.machine.os); \(.machine.java_version | split(";")[0]); PostgreSQL \(.machine.postgresql), Redis \(.machine.redis), wrk \(.machine.wrk). wrk, PostgreSQL and Redis run on the same cores as the jar.",
    "",
    "One bank (plan `\(.settings.plan)`, no practical limits: the limiter runs and refuses nothing) pulls `GET \(.settings.package_path)` (all sections: no `sections` parameter) over the hot set of `bench/run.sh` (\(.settings.hotset_subjects) subjects, Zipf s = \(.settings.hotset_exponent)); each hot subject holds an active loan-application consent to the bank for every category, and the \(.settings.payment_subjects) hottest that are not government bodies have \(.settings.payment_months) months of tax and social-insurance payments. The reference read is `GET \(.settings.profile_path)` with the same key over the same subjects, right after the package in the same start of the jar. Each read: `wrk \(.settings.wrk) -d\(.settings.duration)` after a \(.settings.warmup) warm-up, and \(.settings.jit_warmup) of both reads after each start (not measured); JVM \(.settings.jvm). *Cached* is the jar as configured (warm: the packages of the hot subjects are in Redis after the warm-ups, except the rarest of the tail, as in run.sh'"'"'s hot set); *uncached* the jar restarted with `OPENCREDIT_CACHE_ENABLED=false`. Every pull checks the consent in PostgreSQL, cached or not, and writes the access log.",
    "",
    ( .scales[] as $s |
      "### \($s.scale) subjects",
      "",
      "Data set `\($s.database)`: \($s.subjects) subjects; \($s.consents) consents granted for this run; payments of \($s.payment_subjects) subjects: \($s.payments.created) records created, \($s.payments.unchanged) already stored, \($s.payments.refused) refused. A median package is \($s.package_bytes) bytes (\($s.package_with_payments_bytes) with payments), a median profile \($s.profile_bytes) bytes.",
      "",
      "| read (bank'"'"'s key) | cache | requests/s | p50 ms | p90 ms | p99 ms | requests | non-2xx | socket errors |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      row("package"; "on"; $s.cached.package),
      row("profile"; "on"; $s.cached.profile),
      row("package"; "off"; $s.uncached.package),
      row("profile"; "off"; $s.uncached.profile),
      "",
      "Package requests/s ÷ profile requests/s: **\(ratio($s.cached.package.requests_per_second; $s.cached.profile.requests_per_second) | n2)** cached, **\(ratio($s.uncached.package.requests_per_second; $s.uncached.profile.requests_per_second) | n2)** uncached. Package cached ÷ uncached: **\(ratio($s.cached.package.requests_per_second; $s.uncached.package.requests_per_second) | n2)** (p99 \($s.cached.package.p99_ms | n1) ms against \($s.uncached.package.p99_ms | n1) ms); profile cached ÷ uncached: \(ratio($s.cached.profile.requests_per_second; $s.uncached.profile.requests_per_second) | n2). JVM resident at the end of each sitting: \($s.cached.jvm_rss_mb // "—") MB cached, \($s.uncached.jvm_rss_mb // "—") MB uncached.",
      ( if ($s.notes | length) > 0 then "", ($s.notes[] | "- \(.)") else empty end ),
      "" ),
    $close_marker' "$RESULTS" >"$WORK/section.md"
  bench_docs_section "$DOCS_FILE" "$BEGIN_MARKER" "$END_MARKER" "$WORK/section.md" || true
}

# median_bytes PATH KEY: the size of the median answer at PATH ({uscc} in it) among the first 21 lines of a file of USCCs (stdin).
median_bytes() {
  local path=$1 key=$2 uscc i=0
  while read -r uscc && [ "$i" -lt 21 ]; do
    curl -fsS -H "Authorization: Bearer $key" "$URL${path/\{uscc\}/$uscc}" | wc -c
    i=$((i + 1))
  done | sort -n | awk '{a[NR] = $1} END {print (NR ? a[int((NR + 1) / 2)] : 0)}'
}

for SCALE in "${SCALES[@]}"; do
  echo "== $SCALE subjects"
  : >"$WORK/notes.txt"
  DB=$(bench_database "$SCALE" opencredit_benchfin)
  start_app "$DB" "$PORT" "$WORK/$SCALE-setup.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" "${COMMON[@]}"
  SUBJECTS=$(psql_ -d "$DB" -c "SELECT count(*) FROM subject")
  [ "$SUBJECTS" -gt 0 ] || die "$DB holds no subjects"
  [ "$SUBJECTS" = "$SCALE" ] || note "$DB holds $SUBJECTS subjects, not $SCALE (RELOAD=1 reloads it)"
  bench_hot_set "$DB" "$SUBJECTS" "$SAMPLE" >"$WORK/hot.txt"
  [ -s "$WORK/hot.txt" ] || die "no subjects sampled from $DB"

  read -r OPERATOR_ID _ <<<"$(consumer operator)"
  read -r BANK_ID BANK_KEY <<<"$(consumer bank)"
  read -r _ DEPARTMENT_KEY <<<"$(consumer department "$DEPARTMENT_USCC")"
  [ -n "$OPERATOR_ID" ] && [ -n "$BANK_KEY" ] && [ -n "$DEPARTMENT_KEY" ] || die "could not create the consumers"
  CONSENTS=$(grant_consents "$OPERATOR_ID" "$BANK_ID" "bench-finance-$(date +%s)" | tail -1)
  echo "  $CONSENTS consents of hot-set subjects to bank $BANK_ID"
  [ "$CONSENTS" = "$(wc -l <"$WORK/hot.txt")" ] || note "$CONSENTS consents for $(wc -l <"$WORK/hot.txt") hot-set subjects"

  psql_ -d "$DB" -F $'\t' -f - >"$WORK/payers.tsv" <<SQL
CREATE TEMP TABLE hot (rank serial, uscc text);
\copy hot (uscc) FROM '$WORK/hot.txt'
SELECT s.uscc, s.name, CASE WHEN s.subject_type = 'INDIVIDUAL_BUSINESS' THEN '个体工商户' ELSE '法人及非法人组织' END
FROM hot JOIN subject s ON s.uscc = hot.uscc
WHERE s.subject_type <> 'GOVERNMENT_BODY' ORDER BY hot.rank LIMIT $PAYMENT_SUBJECTS;
SQL
  PAYMENTS="0 0 0 0"
  if [ -s "$WORK/payers.tsv" ]; then
    t0=$(date +%s)
    PAYMENTS=$(ingest_payments "$DEPARTMENT_KEY")
    echo "  payments of $(wc -l <"$WORK/payers.tsv") subjects (created updated unchanged refused): $PAYMENTS in $(($(date +%s) - t0)) s"
  fi
  wait_for_evaluation

  # What an answer is: the first pull must be 200, with payments for a subject that has them.
  FIRST=$(head -1 "$WORK/payers.tsv" | cut -f1)
  status=$(curl -sS -o "$WORK/first-package.json" -w '%{http_code}' -H "Authorization: Bearer $BANK_KEY" \
    "$URL/api/v1/finance/subjects/${FIRST:-$(head -1 "$WORK/hot.txt")}/package" || true)
  [ "$status" = 200 ] || die "the first pull answered $status: $(head -c 400 "$WORK/first-package.json")"
  if [ -n "$FIRST" ] && [ "$(jq '.tax.payments.months | length' "$WORK/first-package.json")" != "$PAYMENT_MONTHS" ]; then
    note "the package of $FIRST holds $(jq '.tax.payments.months | length' "$WORK/first-package.json") months of tax payments, not $PAYMENT_MONTHS"
  fi
  PACKAGE_BYTES=$(median_bytes "$PACKAGE_PATH" "$BANK_KEY" <"$WORK/hot.txt")
  PAID_BYTES=$(cut -f1 "$WORK/payers.tsv" | median_bytes "$PACKAGE_PATH" "$BANK_KEY")
  PROFILE_BYTES=$(median_bytes "$PROFILE_PATH" "$BANK_KEY" <"$WORK/hot.txt")
  stop_app

  echo "  -- cached"
  CACHED=$(sitting cached)
  jq -r '"  package \(.package.requests_per_second) req/s p99 \(.package.p99_ms) ms non-2xx \(.package.non_2xx); profile \(.profile.requests_per_second) req/s p99 \(.profile.p99_ms) ms non-2xx \(.profile.non_2xx)"' <<<"$CACHED"
  echo "  -- uncached"
  UNCACHED=$(sitting uncached OPENCREDIT_CACHE_ENABLED=false)
  jq -r '"  package \(.package.requests_per_second) req/s p99 \(.package.p99_ms) ms non-2xx \(.package.non_2xx); profile \(.profile.requests_per_second) req/s p99 \(.profile.p99_ms) ms non-2xx \(.profile.non_2xx)"' <<<"$UNCACHED"
  for f in "$CACHED" "$UNCACHED"; do
    jq -e '[.package, .profile] | all(. != null and .non_2xx == 0 and .socket_errors == 0)' <<<"$f" >/dev/null \
      || note "not every answer was 200 (see non-2xx and socket errors)"
  done

  read -r created updated unchanged refused <<<"$PAYMENTS"
  jq -c -n --argjson scale "$SCALE" --arg db "$DB" --argjson subjects "$SUBJECTS" --argjson consents "$CONSENTS" \
    --argjson payers "$(wc -l <"$WORK/payers.tsv")" --argjson created "$created" --argjson updated "$updated" \
    --argjson unchanged "$unchanged" --argjson refused "$refused" --argjson package_bytes "$PACKAGE_BYTES" \
    --argjson paid_bytes "$PAID_BYTES" --argjson profile_bytes "$PROFILE_BYTES" --argjson hot "$(wc -l <"$WORK/hot.txt")" \
    --argjson cached "$CACHED" --argjson uncached "$UNCACHED" --rawfile notes "$WORK/notes.txt" \
    '{scale: $scale, database: $db, subjects: $subjects, hot_subjects: $hot, consents: $consents, payment_subjects: $payers,
      payments: {created: $created, updated: $updated, unchanged: $unchanged, refused: $refused},
      package_bytes: $package_bytes, package_with_payments_bytes: $paid_bytes, profile_bytes: $profile_bytes,
      cached: $cached, uncached: $uncached,
      ratios: {package_to_profile_cached: (if $cached.profile.requests_per_second > 0 then $cached.package.requests_per_second / $cached.profile.requests_per_second else null end),
               package_to_profile_uncached: (if $uncached.profile.requests_per_second > 0 then $uncached.package.requests_per_second / $uncached.profile.requests_per_second else null end),
               package_cached_to_uncached: (if $uncached.package.requests_per_second > 0 then $cached.package.requests_per_second / $uncached.package.requests_per_second else null end),
               profile_cached_to_uncached: (if $uncached.profile.requests_per_second > 0 then $cached.profile.requests_per_second / $uncached.profile.requests_per_second else null end)},
      notes: ($notes | split("\n") | map(select(length > 0)))}' >>"$WORK/scales.jsonl"
  write_results
  echo "  results: $RESULTS, $DOCS_FILE"
done
