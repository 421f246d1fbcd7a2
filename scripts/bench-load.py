#!/usr/bin/env python3
"""Benchmark of the load generator itself: claimbench load against wrk (Debian's wrk).

Against one Go net/http plaintext server pinned to one CPU, with each client pinned to
another, runs `wrk -t1 -c64 -d10s` and `claimbench load --connections 64 --duration 10s`
alternately (median of 5 each), and compares requests/s and client CPU time per request
(user + sys of the client process, from getrusage). Reads JSON only: wrk's via
scripts/lib/wrk-json.lua, claimbench's via --json. Writes results/load-vs-wrk-<time>.json.

This is a benchmark, not a test: run it on a quiet machine.
    scripts/bench-load.py [--runs 5] [--duration 10s] [--connections 64]
"""
import argparse
import datetime
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIMBENCH = os.path.join(ROOT, "build", "harness", "claimbench")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_client(argv, env=None):
    """Runs a client to completion; returns the CPU seconds it used."""
    before = child_cpu()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return child_cpu() - before


def run_wrk(url, args, client_cpu, out_dir, i):
    path = os.path.join(out_dir, f"wrk-{i}.json")
    env = dict(os.environ, WRK_JSON=path)
    cpu = run_client(["taskset", "-c", client_cpu, "wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}",
                      "-s", os.path.join(ROOT, "scripts", "lib", "wrk-json.lua"), url], env)
    with open(path) as f:
        r = json.load(f)
    errors = sum(r["errors"].values())
    return {"requests_per_s": r["requests"] / (r["duration_us"] / 1e6), "requests": r["requests"],
            "errors": errors, "cpu_s": cpu, "cpu_us_per_request": cpu * 1e6 / max(1, r["requests"]),
            "latency_p99_ns": r["latency_us"]["p99"] * 1000}


def run_claimbench(url, args, client_cpu, out_dir, i):
    path = os.path.join(out_dir, f"claimbench-{i}.json")
    before = child_cpu()
    with open(path, "w") as out:
        subprocess.run(["taskset", "-c", client_cpu, CLAIMBENCH, "load", url, "--connections", str(args.connections),
                        "--duration", args.duration, "--warmup", "0s", "--json"],
                       check=True, stdout=out, stderr=subprocess.DEVNULL)
    cpu = child_cpu() - before
    with open(path) as f:
        r = json.load(f)
    # wrk counts every response as a request; claimbench counts only 2xx (errors apart).
    total = r["requests"]
    return {"requests_per_s": r["requests_per_s"], "requests": total, "errors": r["errors"]["total"],
            "cpu_s": cpu, "cpu_us_per_request": cpu * 1e6 / max(1, total),
            "latency_p99_ns": r["latency_ns"]["p99"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--duration", default="10s")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--server-cpu", default="0")
    ap.add_argument("--client-cpu", default="1")
    args = ap.parse_args()

    for tool in ("wrk", "taskset"):
        if subprocess.run(["which", tool], stdout=subprocess.DEVNULL).returncode != 0:
            sys.exit(f"error: {tool} not found: run scripts/bootstrap.sh")
    if not os.access(CLAIMBENCH, os.X_OK):
        sys.exit("error: build/harness/claimbench not built: run scripts/build.sh")
    subprocess.run([CLAIMBENCH, "build", "--impl", "go-nethttp", "--no-build-times"], check=True,
                   stdout=subprocess.DEVNULL)
    server_bin = os.path.join(ROOT, "build", "bin", "nethttp")

    port = free_port()
    url = f"http://127.0.0.1:{port}/plaintext"
    server = subprocess.Popen(["taskset", "-c", args.server_cpu, server_bin, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        out_dir = tempfile.mkdtemp(prefix="claimbench-load-vs-wrk-")
        wrk, cb = [], []
        for i in range(args.runs):
            # Alternate which client goes first, so drift in the machine hits both alike.
            order = [("wrk", run_wrk, wrk), ("claimbench", run_claimbench, cb)]
            if i % 2:
                order.reverse()
            for name, fn, acc in order:
                r = fn(url, args, args.client_cpu, out_dir, i)
                acc.append(r)
                print(f"run {i + 1}/{args.runs} {name:<10} {r['requests_per_s']:>10.0f} req/s  "
                      f"{r['cpu_us_per_request']:6.2f} us CPU/request  errors {r['errors']}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=10)

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    summary = {
        "wrk": {k: med(wrk, k) for k in ("requests_per_s", "cpu_us_per_request", "latency_p99_ns")},
        "claimbench": {k: med(cb, k) for k in ("requests_per_s", "cpu_us_per_request", "latency_p99_ns")},
    }
    summary["ratio_requests_per_s"] = summary["claimbench"]["requests_per_s"] / summary["wrk"]["requests_per_s"]
    summary["ratio_cpu_per_request"] = (summary["claimbench"]["cpu_us_per_request"] /
                                        summary["wrk"]["cpu_us_per_request"])
    result = {"benchmark": "load-vs-wrk", "time": datetime.datetime.utcnow().isoformat() + "Z",
              "server": "go-nethttp GET /plaintext", "server_cpu": args.server_cpu, "client_cpu": args.client_cpu,
              "connections": args.connections, "duration": args.duration, "runs": args.runs,
              "wrk_runs": wrk, "claimbench_runs": cb, "median": summary}
    os.makedirs(os.path.join(ROOT, "results"), exist_ok=True)
    path = os.path.join(ROOT, "results", "load-vs-wrk-" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + ".json")
    with open(path + ".tmp", "w") as f:
        json.dump(result, f, indent=2)
    os.replace(path + ".tmp", path)
    print(json.dumps(summary, indent=2))
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
