#!/usr/bin/env python3
"""The regression gate's false-alarm rate on this machine: A/A comparisons of unchanged code.

Runs the quick suite RUNS times from one build (nothing changes between runs), then
`claimbench compare` on every ordered pair of consecutive runs and on every other pair up to
PAIRS comparisons, and counts per comparison the cells flagged as regressions and
improvements (false alarms: the code is the same), the cells tested together (Holm's family)
and how many of them could be flagged at all. Also with a narrowed family (--narrow: one
HTTP workload's req/s), where every cell can reach significance. Writes
results/gate-aa-<time>.json and prints a table.

This is a benchmark, not a test: each quick run takes several minutes; run it alone.
    scripts/bench-gate-aa.py [--runs 5] [--pairs 10] [--narrow http-json-api]
"""
import argparse
import datetime
import itertools
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIMBENCH = os.path.join(ROOT, "build", "harness", "claimbench")


def compare(base, new, extra):
    r = subprocess.run([CLAIMBENCH, "compare", base, new, "--format", "json", *extra], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"compare failed ({r.returncode}): {r.stderr}")
    out = json.loads(r.stdout)
    changes = [c["change"] for c in out["cells"]]
    return {"base": base, "new": new, "exit": r.returncode, "cells": len(changes), "family": out["family"],
            "reachable": out["reachable"], "regressions": changes.count("regression") + len(
                [s for s in out["status_changes"] if s["change"] == "regression"]),
            "improvements": changes.count("improvement"), "bimodal": changes.count("bimodal"),
            "within_floor": changes.count("within floor"), "verdict": out["verdict"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--narrow", default="http-json-api", help="workload of the narrowed family (its req/s)")
    ap.add_argument("--reuse", nargs="*", default=[], help="results.json files of earlier quick runs to use")
    args = ap.parse_args()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    files = list(args.reuse)
    for i in range(len(files), args.runs):
        out = os.path.join(ROOT, "results", f"gate-aa-{stamp}-{i + 1}")
        print(f"quick run {i + 1} of {args.runs} -> {out}", file=sys.stderr, flush=True)
        subprocess.run([CLAIMBENCH, "run", "--suite", "quick", "--seed", str(42 + i), "--out", out],
                       stdout=subprocess.DEVNULL, check=False)
        files.append(os.path.join(out, "results.json"))
    pairs = list(itertools.combinations(files, 2))[: args.pairs]
    rows = []
    for base, new in pairs:
        rows.append({"set": "whole quick suite", **compare(base, new, [])})
        rows.append({"set": f"{args.narrow} req/s", **compare(base, new, ["--workload", args.narrow, "--metric",
                                                                               "requests_per_s"])})
    for r in rows:
        print(f"{r['set']:<26} {os.path.basename(os.path.dirname(r['base']))} vs "
              f"{os.path.basename(os.path.dirname(r['new']))}: {r['cells']} cells, {r['reachable']} of {r['family']} "
              f"tested could be flagged, {r['regressions']} regressions, {r['improvements']} improvements, "
              f"exit {r['exit']}")
    summary = {}
    for name in sorted({r["set"] for r in rows}):
        these = [r for r in rows if r["set"] == name]
        summary[name] = {"compares": len(these), "false_regressions": sum(r["regressions"] for r in these),
                         "false_improvements": sum(r["improvements"] for r in these),
                         "compares_failing": sum(r["exit"] == 1 for r in these),
                         "cells_per_compare": these[0]["cells"], "reachable_per_compare": these[0]["reachable"]}
    print(json.dumps(summary, indent=2))
    path = os.path.join(ROOT, "results", f"gate-aa-{stamp}.json")
    with open(path + ".tmp", "w") as f:
        json.dump({"runs": files, "rows": rows, "summary": summary}, f, indent=2)
    os.replace(path + ".tmp", path)
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
