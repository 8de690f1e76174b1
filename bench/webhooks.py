#!/usr/bin/env python3
"""Helper of bench/webhooks.sh: a local webhook receiver that records arrival times and checks each
signature, the consents and the endpoint the measurement needs, and two bursts of failings whose
latency from commit to delivery it measures.

  webhooks.py run --url URL --operator-key K --bank-id ID --bank-key K --department-key K --department-uscc USCC \
                  --subjects FILE --out FILE [--concurrency 16] [--timeout 120] [--tag TAG]

FILE holds one subject a line: USCC, name and ingestion subject category, tab-separated. Every subject
gets an active post-loan-monitoring consent for the bank (recorded by the operator, as at the service
window), then one penalty in each burst:

  batch   all penalties in one ingestion request: one transaction, one commit for all
  single  one ingestion request per penalty, `--concurrency` at a time: one commit each

A commit lies between the moment its request was sent and the moment its answer arrived, so the
latency of each event is reported both ways: from the answer (a lower bound) and from the request
(an upper bound)."""
import argparse
import base64
import hashlib
import hmac
import http.client
import json
import math
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

CHINA = timezone(timedelta(hours=8))


class Client:
    """One keep-alive HTTP connection per thread to the gateway."""

    local = threading.local()

    def __init__(self, url):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port or 80

    def request(self, method, path, key, body=None):
        connection = getattr(Client.local, "connection", None)
        if connection is None:
            connection = Client.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        headers = {"Accept": "application/json", "Authorization": "Bearer " + key}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except (http.client.HTTPException, OSError):
            connection.close()
            Client.local.connection = None
            raise
        return response.status, (json.loads(raw) if raw else None)


class Receiver:
    """Records every POST: its webhook-id, its decision number, when it arrived, and whether its signature verifies."""

    def __init__(self):
        self.arrivals = {}
        self.duplicates = 0
        self.bad_signatures = 0
        self.secret = None
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                arrived = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.record(self.headers, body, arrived)
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/opencredit"

    def record(self, headers, body, arrived):
        message_id, stamp = headers.get("webhook-id"), headers.get("webhook-timestamp")
        key = base64.b64decode(self.secret[len("whsec_"):])
        expected = "v1," + base64.b64encode(hmac.new(key, f"{message_id}.{stamp}.".encode() + body, hashlib.sha256).digest()).decode()
        number = json.loads(body)["data"].get("decisionNumber")
        with self.lock:
            if expected not in headers.get("webhook-signature", "").split(" "):
                self.bad_signatures += 1
            if message_id in self.arrivals:
                self.duplicates += 1
            else:
                self.arrivals[message_id] = (number, arrived)


def percentile(values, p):
    return values[max(0, math.ceil(p / 100 * len(values)) - 1)] if values else None


def figures(latencies):
    values = sorted(latencies)
    return {"count": len(values), "p50_ms": percentile(values, 50), "p90_ms": percentile(values, 90), "p99_ms": percentile(values, 99),
            "max_ms": values[-1] if values else None}


def row(args, uscc, name, category, number):
    today = datetime.now(CHINA).date().isoformat()
    return {"sourceRecordId": f"{args.tag}-{number}", "category": "penalty", "subjectName": name, "subjectUscc": uscc,
            "subjectCategory": category, "decisionNumber": f"{args.tag}-{number}", "title": "行政处罚决定书", "decisionDate": today,
            "content": "基准测试：贷后监测", "legalBasis": "《基准测试办法》第一条", "severity": "general", "amount": "1000.00",
            "currency": "CNY", "sourceDepartment": "基准测试数据来源单位", "sourceDepartmentUscc": args.department_uscc}


def burst(args, client, receiver, subjects, mode):
    """Ingests one penalty per subject (in one request, or one request each) and waits for every event; answers the figures."""
    rows = [row(args, uscc, name, category, f"{mode}-{i}") for i, (uscc, name, category) in enumerate(subjects)]
    sent, answered, problems = {}, {}, []

    def ingest(batch):
        t0 = time.time()
        status, body = client.request("POST", "/api/v1/ingest/records", args.department_key, {"rows": batch})
        t1 = time.time()
        if status != 200 or body.get("created", 0) != len(batch):
            problems.append(f"ingestion answered {status}: {json.dumps(body, ensure_ascii=False)[:300]}")
        for r in batch:
            sent[r["decisionNumber"]], answered[r["decisionNumber"]] = t0, t1

    started = time.time()
    if mode == "batch":
        ingest(rows)
    else:
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(lambda r: ingest([r]), rows))
    committed = time.time()
    wanted = set(sent)
    deadline = time.time() + args.timeout
    while time.time() < deadline:
        with receiver.lock:
            arrived = {number: at for number, at in receiver.arrivals.values() if number in wanted}
        if len(arrived) >= len(wanted):
            break
        time.sleep(0.05)
    from_answer = [(arrived[n] - answered[n]) * 1000 for n in arrived]
    from_request = [(arrived[n] - sent[n]) * 1000 for n in arrived]
    last = max(arrived.values()) if arrived else None
    return {"mode": mode, "failings": len(rows), "delivered": len(arrived), "missing": len(wanted) - len(arrived),
            "ingestion_seconds": round(committed - started, 3),
            "last_delivery_after_first_request_seconds": round(last - started, 3) if last else None,
            "from_answer": figures(from_answer), "from_request": figures(from_request),
            "negative_from_answer": sum(1 for v in from_answer if v < 0), "problems": problems[:5]}


def run(args):
    client = Client(args.url)
    with open(args.subjects, encoding="utf-8") as f:
        subjects = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    receiver = Receiver()
    status, endpoint = client.request("POST", "/api/v1/webhook-endpoints", args.bank_key,
                                      {"url": receiver.url(), "description": "bench", "eventTypes": ["record.failing-published"]})
    if status != 201:
        sys.exit(f"registering the endpoint answered {status}: {endpoint}")
    receiver.secret = endpoint["secret"]
    until = (datetime.now(CHINA).date() + timedelta(days=180)).isoformat()

    def consent(subject):
        status, body = client.request("POST", "/api/v1/consents", args.operator_key, {
            "subjectUscc": subject[0], "granteeId": args.bank_id, "purpose": "post-loan-monitoring", "categories": ["profile"],
            "validUntil": until, "reference": f"{args.tag}-consent"})
        if status != 201:
            raise RuntimeError(f"consent for {subject[0]} answered {status}: {body}")

    t0 = time.time()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(consent, subjects))
    consent_seconds = time.time() - t0
    results = {"watched_subjects": len(subjects), "consents_seconds": round(consent_seconds, 1), "endpoint_id": endpoint["id"],
               "bursts": [burst(args, client, receiver, subjects, "batch"), burst(args, client, receiver, subjects, "single")]}
    time.sleep(2)
    results["duplicates"] = receiver.duplicates
    results["bad_signatures"] = receiver.bad_signatures
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    for b in results["bursts"]:
        print(f"  {b['mode']}: {b['delivered']}/{b['failings']} delivered; from the answer p50 {b['from_answer']['p50_ms']:.0f} ms, "
              f"p99 {b['from_answer']['p99_ms']:.0f} ms; from the request p50 {b['from_request']['p50_ms']:.0f} ms, "
              f"p99 {b['from_request']['p99_ms']:.0f} ms" if b["delivered"] else f"  {b['mode']}: nothing delivered {b['problems']}")
    print(f"  duplicates {receiver.duplicates}, bad signatures {receiver.bad_signatures}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run")
    for name in ("--url", "--operator-key", "--bank-id", "--bank-key", "--department-key", "--department-uscc", "--subjects", "--out"):
        p.add_argument(name, required=True)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--tag", default=f"bench-webhooks-{int(time.time())}")
    args = parser.parse_args()
    run(args)


if __name__ == "__main__":
    main()
