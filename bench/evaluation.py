#!/usr/bin/env python3
"""Helpers of bench/evaluation.sh that need clocks and JSON (Python 3 standard library only).

  evaluation.py job --url URL --key OPERATOR-KEY --id JOB-ID --out FILE [--every 1] [--timeout 3600] [--points 40]
      Follows an evaluation job (GET /api/v1/admin/evaluation/jobs/{id}) every --every seconds until
      it has finished or failed, and writes its figures: subjects, seconds (finishedAt - startedAt),
      subjects/s, and the progress samples (seconds since startedAt, subjects done), also resampled
      to --points evenly spaced points for a chart. Exit 0 finished, 1 failed, 3 timed out.

  evaluation.py latency --url URL --operator-key KEY --department-key KEY --department-uscc USCC
                        --subjects FILE --out FILE [--poll-ms 20] [--timeout 30] [--tag TAG] [--seed N]
      Write -> new grade latency. For each line of FILE (uscc, name, subject category; tab-separated):
      reads the subject's score (GET /api/v1/subjects/{uscc}/evaluation with the operator's key, which
      shows the score), ingests one serious penalty decided today (POST /api/v1/ingest/records, JSON,
      the department's key), then reads the evaluation every --poll-ms until the score is lower.
      The latency is the time from the ingestion's answer to the first answer showing the new
      score. Before each write it waits a random 0-1 s, so that writes fall at random moments of
      the evaluation worker's polling rather than right after its last pass.
"""
import argparse
import http.client
import json
import math
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

CHINA = timezone(timedelta(hours=8))  # Asia/Shanghai has kept UTC+8 without daylight saving since 1991


class Client:
    """One keep-alive HTTP connection to the gateway; reconnects once when the server closed it."""

    def __init__(self, url, timeout=30):
        parts = urlsplit(url)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.connection = None

    def request(self, method, path, key=None, body=None):
        headers = {"Accept": "application/json"}
        if key:
            headers["Authorization"] = "Bearer " + key
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                raw = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw.decode("utf-8", "replace")
        return response.status, payload


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() if text else None


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    if not sorted_values:
        return None
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def resample(samples, points):
    """Subjects done at `points` evenly spaced moments from 0 to the last sample, by linear interpolation."""
    if len(samples) < 2 or points < 2:
        return None
    end = samples[-1]["t"]
    if end <= 0:
        return None
    seconds, done, j = [], [], 0
    for i in range(points):
        t = end * i / (points - 1)
        while j < len(samples) - 2 and samples[j + 1]["t"] < t:
            j += 1
        a, b = samples[j], samples[j + 1]
        share = 0 if b["t"] == a["t"] else min(1, max(0, (t - a["t"]) / (b["t"] - a["t"])))
        seconds.append(round(t, 2) if end < 10 else round(t, 1) if end < 100 else round(t))
        done.append(round(a["done"] + share * (b["done"] - a["done"])))
    return {"seconds": seconds, "done": done}


def follow_job(args):
    client = Client(args.url)
    path = "/api/v1/admin/evaluation/jobs/" + args.id
    deadline = time.monotonic() + args.timeout
    samples, job, last_print, observed = [], None, 0.0, 0
    state = "timeout"
    while time.monotonic() < deadline:
        polled = time.time()
        status, body = client.request("GET", path, args.key)
        if status != 200:
            print(f"  job {args.id}: HTTP {status} {str(body)[:300]}", file=sys.stderr)
            time.sleep(args.every)
            continue
        job = body
        started = instant(job.get("startedAt"))
        progress = job.get("progress") or {}
        if started is not None and job.get("state") in ("running", "abandoned"):
            samples.append({"t": round(polled - started, 3), "done": progress.get("done", 0)})
            observed += 1
        if time.monotonic() - last_print >= 5:
            last_print = time.monotonic()
            print(f"  job {job.get('kind')} {job.get('state')}: {progress.get('done')}/{progress.get('total')} subjects, "
                  f"{progress.get('ratePerSecond')}/s", file=sys.stderr)
        if job.get("state") in ("finished", "failed"):
            state = job["state"]
            break
        time.sleep(max(0.0, args.every - (time.time() - polled)))
    out = {"id": args.id, "state": state}
    if job:
        started, finished = instant(job.get("startedAt")), instant(job.get("finishedAt"))
        progress = job.get("progress") or {}
        result = job.get("result") or {}
        subjects = result.get("subjects", progress.get("done"))
        seconds = round(finished - started, 3) if started and finished else None
        if started is not None:
            # The job starts with none done (a job taken over from another replica would not).
            samples.insert(0, {"t": 0.0, "done": 0})
            if seconds is not None:
                samples.append({"t": seconds, "done": subjects})
        samples = [s for i, s in enumerate(samples) if i == 0 or s["t"] > samples[i - 1]["t"]]
        out.update({
            "kind": job.get("kind"), "reason": job.get("reason"), "model_version": job.get("modelVersion"),
            "as_of": job.get("asOf"), "requested_at": job.get("requestedAt"), "started_at": job.get("startedAt"),
            "finished_at": job.get("finishedAt"), "total": progress.get("total"), "subjects": subjects,
            "changed": result.get("changed"), "seconds": seconds,
            "subjects_per_second": round(subjects / seconds, 1) if seconds and subjects is not None else None,
            "failure": job.get("failure"), "polls_every_seconds": args.every, "samples": samples,
            "observed_running": observed,
            # A job followed only after it had finished has no progress to draw.
            "chart": resample(samples, args.points) if observed >= 2 else None,
        })
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    print(f"  job {args.id}: {state}, {out.get('subjects')} subjects in {out.get('seconds')} s = "
          f"{out.get('subjects_per_second')} subjects/s", file=sys.stderr)
    return {"finished": 0, "failed": 1}.get(state, 3)


def score_of(client, uscc, key):
    status, body = client.request("GET", f"/api/v1/subjects/{uscc}/evaluation", key)
    if status != 200 or not isinstance(body, dict):
        return status, None
    return status, body.get("score")


def penalty(args, uscc, name, category, number):
    today = datetime.now(CHINA).date().isoformat()
    return {"rows": [{
        "sourceRecordId": f"{args.tag}-{number}", "category": "penalty", "subjectName": name, "subjectUscc": uscc,
        "subjectCategory": category, "decisionNumber": f"基准测试罚〔{today[:4]}〕{number}号", "title": "行政处罚决定书",
        "decisionDate": today, "content": "基准测试：严重失信行为，处以罚款", "legalBasis": "《基准测试办法》第一条",
        "severity": "serious", "penaltyTypes": ["罚款"], "amount": "10000.00", "currency": "CNY",
        "sourceDepartment": "基准测试数据来源单位", "sourceDepartmentUscc": args.department_uscc}]}


def write_latency(args):
    rng = random.Random(args.seed)
    client = Client(args.url)
    subjects = []
    with open(args.subjects, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and len(fields[0]) == 18:
                subjects.append(fields[:3])
    samples, problems = [], []
    interval = args.poll_ms / 1000
    for number, (uscc, name, category) in enumerate(subjects, 1):
        status, before = score_of(client, uscc, args.operator_key)
        if before is None:
            problems.append({"uscc": uscc, "problem": f"no score before the write (HTTP {status})"})
            continue
        time.sleep(rng.random())
        sent = time.monotonic()
        status, report = client.request("POST", "/api/v1/ingest/records", args.department_key, penalty(args, uscc, name, category, number))
        answered = time.monotonic()
        created = isinstance(report, dict) and (report.get("created", 0) + report.get("updated", 0)) >= 1
        if status // 100 != 2 or not created:
            problems.append({"uscc": uscc, "problem": f"ingestion answered HTTP {status}: {json.dumps(report, ensure_ascii=False)[:400]}"})
            continue
        polls, after, seen = 0, before, None
        while True:
            polls += 1
            status, score = score_of(client, uscc, args.operator_key)
            now = time.monotonic()
            if score is not None and score < before:
                after, seen = score, now
                break
            if now - answered > args.timeout:
                break
            time.sleep(max(0.0, answered + polls * interval - time.monotonic()))
        sample = {"uscc": uscc, "score_before": before, "score_after": after, "ingest_ms": round((answered - sent) * 1000, 1),
                  "polls": polls}
        if seen is None:
            sample["timed_out"] = True
            problems.append({"uscc": uscc, "problem": f"score still {before} after {args.timeout} s"})
        else:
            sample["latency_ms"] = round((seen - answered) * 1000, 1)
        samples.append(sample)
        if number % 20 == 0 or number == len(subjects):
            done = sorted(s["latency_ms"] for s in samples if "latency_ms" in s)
            print(f"  {number}/{len(subjects)} writes, p50 {percentile(done, 50)} ms, max {done[-1] if done else None} ms",
                  file=sys.stderr)
    latencies = sorted(s["latency_ms"] for s in samples if "latency_ms" in s)
    ingests = sorted(s["ingest_ms"] for s in samples)
    out = {
        "subjects": len(subjects), "measured": len(latencies), "timeouts": sum(1 for s in samples if s.get("timed_out")),
        "problems": len(problems), "poll_ms": args.poll_ms, "timeout_seconds": args.timeout,
        "p50_ms": percentile(latencies, 50), "p90_ms": percentile(latencies, 90), "p99_ms": percentile(latencies, 99),
        "max_ms": latencies[-1] if latencies else None, "min_ms": latencies[0] if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "ingest_p50_ms": percentile(ingests, 50), "ingest_p99_ms": percentile(ingests, 99),
        "samples": samples, "problem_list": problems[:20],
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    print(f"  write -> new grade: {out['measured']} of {out['subjects']}, p50 {out['p50_ms']} ms, p90 {out['p90_ms']} ms, "
          f"p99 {out['p99_ms']} ms, max {out['max_ms']} ms; {out['timeouts']} timeouts, {out['problems']} problems", file=sys.stderr)
    for problem in problems[:5]:
        print(f"    {problem['uscc']}: {problem['problem']}", file=sys.stderr)
    return 0 if latencies else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    job = commands.add_parser("job")
    job.add_argument("--url", required=True)
    job.add_argument("--key", required=True)
    job.add_argument("--id", required=True)
    job.add_argument("--out", required=True)
    job.add_argument("--every", type=float, default=1.0)
    job.add_argument("--timeout", type=float, default=3600)
    job.add_argument("--points", type=int, default=40)
    latency = commands.add_parser("latency")
    latency.add_argument("--url", required=True)
    latency.add_argument("--operator-key", required=True)
    latency.add_argument("--department-key", required=True)
    latency.add_argument("--department-uscc", required=True)
    latency.add_argument("--subjects", required=True)
    latency.add_argument("--out", required=True)
    latency.add_argument("--poll-ms", type=float, default=20)
    latency.add_argument("--timeout", type=float, default=30)
    latency.add_argument("--tag", default=f"bench-evaluation-{int(time.time())}")
    latency.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    return follow_job(args) if args.command == "job" else write_latency(args)


if __name__ == "__main__":
    sys.exit(main())
