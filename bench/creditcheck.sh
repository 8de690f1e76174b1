#!/usr/bin/env bash
# Measures the credit check and the PDF report (issue 17): a 1 000-subject POST /api/v1/credit-checks
# (each subject graded, its list entries and failings read, the check and its receipts stored, 1 000
# access log entries committed before the answer) and GET /api/v1/subjects/{uscc}/report as
# application/pdf (assembled, laid out by openhtmltopdf with the CJK font, hashed, its code stored).
#
# It makes sure the data set is loaded into its own database opencredit_benchcc_<scale> (the jar's
# seed fills an empty one), starts the packaged jar with production settings (BENCH_JVM_OPTS, Redis
# database BENCH_REDIS_DB), creates a department bound to DEPARTMENT_USCC, and then, one request at a
# time (a department's workflow calls in sequence):
#
#   check   CHECKS checks of 1 000 subjects each (a window of the data set in md5 order, another
#           for each check), scenario government-procurement; after WARMUP_CHECKS not measured
#   pdf     REPORTS PDF reports of subjects with list entries and records, public level; after
#           WARMUP_REPORTS not measured
#
# and prints p50/p99/max of the wall time curl measures, the mean PDF size, and the measures found.
#
#   bench/creditcheck.sh [scale]            default: 20000 subjects
#   CHECKS=5 REPORTS=5 bench/creditcheck.sh a quick check of the script
#
# Environment (defaults in brackets): CHECKS [50], WARMUP_CHECKS [5], REPORTS [50], WARMUP_REPORTS [5],
# DEPARTMENT_USCC [11659001MB0000019Q], BENCH_JVM_OPTS, BENCH_REDIS_DB [11], PORT [8490], RELOAD=1,
# BUILD=never. Everything listens on and talks to 127.0.0.1 only. Each run adds CHECKS + WARMUP_CHECKS
# checks, their receipts and access log rows, and the reports' verification rows to its data set.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

SCALE=${1:-20000}
CHECKS=${CHECKS:-50}
WARMUP_CHECKS=${WARMUP_CHECKS:-5}
REPORTS=${REPORTS:-50}
WARMUP_REPORTS=${WARMUP_REPORTS:-5}
DEPARTMENT_USCC=${DEPARTMENT_USCC:-11659001MB0000019Q}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-11}
PORT=$(free_port "${PORT:-8490}")
WORK=$(mktemp -d)
trap 'stop_app; rm -rf "$WORK"' EXIT

bench_package
DB=$(bench_database "$SCALE" opencredit_benchcc)
# A plan without practical limits, so that the limiter runs and refuses none of the calls.
start_app "$DB" "$PORT" "$WORK/app.log" OPENCREDIT_SEED_SUBJECTS="$SCALE" QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB" \
  -Dopencredit.plans.bench.rate-per-second=1000000 -Dopencredit.plans.bench.burst=1000000 -Dopencredit.plans.bench.daily-quota=1000000000000
BASE="http://127.0.0.1:$PORT"
KEY=$(new_key "$PORT" bench department "$DEPARTMENT_USCC")

# percentiles FILE: "p50 p99 max" of one number a line, in ms.
percentiles() {
  sort -n "$1" | awk '{v[NR]=$1} END {p50=v[int((NR+1)*0.5)]; i=int(NR*0.99+0.5); if (i<1) i=1; if (i>NR) i=NR;
                     printf "%.0f %.0f %.0f\n", p50*1000, v[i]*1000, v[NR]*1000}'
}

psql_ -d "$DB" -c "SELECT uscc FROM subject WHERE uscc IS NOT NULL ORDER BY md5(uscc)" >"$WORK/usccs"
TOTAL=$(wc -l <"$WORK/usccs")
: >"$WORK/check-times"
for i in $(seq 1 $((WARMUP_CHECKS + CHECKS))); do
  start=$(( (i * 1000) % (TOTAL > 1000 ? TOTAL - 1000 : 1) ))
  sed -n "$((start + 1)),$((start + 1000))p" "$WORK/usccs" \
    | jq -R . | jq -s "{scenario: \"government-procurement\", caseReference: \"bench-$i\", purpose: \"政府采购供应商资格审查\", subjects: .}" \
    >"$WORK/body.json"
  out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        --data-binary @"$WORK/body.json" "$BASE/api/v1/credit-checks")
  [ "${out%% *}" = 201 ] || { echo "check $i answered ${out%% *}: $(head -c 400 "$WORK/answer.json")" >&2; exit 1; }
  [ "$i" -le "$WARMUP_CHECKS" ] || echo "${out#* }" >>"$WORK/check-times"
done
MEASURES=$(jq '[.subjects[].measures // [] | length] | add' "$WORK/answer.json")
read -r C50 C99 CMAX < <(percentiles "$WORK/check-times")
echo "scale $SCALE subjects; $CHECKS checks of 1000 subjects: p50 ${C50} ms, p99 ${C99} ms, max ${CMAX} ms (last check: $MEASURES measures)"

psql_ -d "$DB" -c "SELECT s.uscc FROM subject s WHERE EXISTS (SELECT 1 FROM list_entry l WHERE l.subject_id = s.id)
                   ORDER BY md5(s.uscc) LIMIT $((WARMUP_REPORTS + REPORTS))" >"$WORK/reported"
: >"$WORK/pdf-times"; : >"$WORK/pdf-sizes"
i=0
while read -r uscc; do
  i=$((i + 1))
  out=$(curl -s -o "$WORK/report.pdf" -w '%{http_code} %{time_total} %{size_download}' -H 'Accept: application/pdf' -H "Authorization: Bearer $KEY" \
        "$BASE/api/v1/subjects/$uscc/report")
  read -r code took size <<<"$out"
  [ "$code" = 200 ] || { echo "report of $uscc answered $code" >&2; exit 1; }
  if [ "$i" -gt "$WARMUP_REPORTS" ]; then echo "$took" >>"$WORK/pdf-times"; echo "$size" >>"$WORK/pdf-sizes"; fi
done <"$WORK/reported"
read -r P50 P99 PMAX < <(percentiles "$WORK/pdf-times")
SIZE=$(awk '{s+=$1; if ($1>m) m=$1} END {printf "%.0f %.0f", s/NR/1024, m/1024}' "$WORK/pdf-sizes")

echo "$REPORTS PDF reports: p50 ${P50} ms, p99 ${P99} ms, max ${PMAX} ms; size mean/max ${SIZE% *}/${SIZE#* } KiB"
