#!/usr/bin/env python3
"""Keyed profile reads for bench/durability.sh: every request carries an X-Request-Id of our own, and
the ids of the requests answered 200 (the whole answer read) are written down, so that the script can
check afterwards that each of them has its access-log row.

    durability.py --url URL --key KEY --usccs FILE --run RUN --seconds S --threads N --out FILE

Runs N threads for S seconds (or until the file named by --stop-file exists); a thread whose connection
fails (the service killed or restarting, PostgreSQL gone) reconnects after 50 ms and goes on. Prints a
JSON summary (answers per status, connection failures, requests/s) and writes the 200 ids to --out.
"""
import argparse
import http.client
import json
import os
import random
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--usccs", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    target = urllib.parse.urlparse(args.url)
    with open(args.usccs) as f:
        usccs = [line.strip() for line in f if line.strip()]
    deadline = time.monotonic() + args.seconds
    lock = threading.Lock()
    statuses = {}
    failures = [0]
    answered_ok = []

    def worker(n):
        rng = random.Random(n)
        connection = None
        sent = 0
        ok, seen, failed = [], {}, 0
        while time.monotonic() < deadline:
            request_id = f"{args.run}-{n}-{sent}"
            sent += 1
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                connection.request("GET", f"/api/v1/subjects/{rng.choice(usccs)}",
                                   headers={"Authorization": f"Bearer {args.key}", "X-Request-Id": request_id})
                response = connection.getresponse()
                response.read()
                seen[response.status] = seen.get(response.status, 0) + 1
                if response.status == 200:
                    ok.append(request_id)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                failed += 1
                if connection is not None:
                    connection.close()
                connection = None
                time.sleep(0.05)
        with lock:
            answered_ok.extend(ok)
            failures[0] += failed
            for status, count in seen.items():
                statuses[status] = statuses.get(status, 0) + count

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    with open(args.out, "w") as f:
        f.write("\n".join(answered_ok) + ("\n" if answered_ok else ""))
    answers = sum(statuses.values())
    print(json.dumps({"answers": answers, "statuses": {str(k): v for k, v in sorted(statuses.items())},
                      "connection_failures": failures[0], "seconds": round(elapsed, 1),
                      "answers_per_second": round(answers / elapsed, 1) if elapsed else None}))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
