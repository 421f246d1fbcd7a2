#!/usr/bin/env python3
"""The regression gate's false-alarm rate on this machine: A/A comparisons of unchanged code.

Runs the quick suite RUNS times from one build (nothing changes between runs), then
`claimbench compare` of one run (NEW) against others (BASE), and counts per comparison the
cells flagged as regressions and improvements (false alarms: the code is the same), the
cells tested together (Holm's family) and how many of them could be flagged at all. Three
kinds of comparison, up to COMPARES each:
  - pooled:  NEW against BASE_RUNS other runs pooled, as the CI gate does with a baseline;
  - single:  NEW against one other run;
  - narrow:  the single comparison narrowed to one HTTP workload's req/s (--narrow).
Writes results/gate-aa-<time>.json and prints a table.

This is a benchmark, not a test: each quick run takes several minutes; run it alone.
    scripts/bench-gate-aa.py [--runs 5] [--base-runs 3] [--compares 10] [--narrow http-json-api]
                             [--reuse results/a/results.json ...]
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


def compare(bases, new, extra):
    r = subprocess.run([CLAIMBENCH, "compare", *bases, new, "--format", "json", *extra], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"compare failed ({r.returncode}): {r.stderr}")
    out = json.loads(r.stdout)
    changes = [c["change"] for c in out["cells"]]
    return {"base": bases, "new": new, "exit": r.returncode, "cells": len(changes), "family": out["family"],
            "reachable": out["reachable"], "regressions": changes.count("regression") + len(
                [s for s in out["status_changes"] if s["change"] == "regression"]),
            "improvements": changes.count("improvement"), "bimodal": changes.count("bimodal"),
            "within_floor": changes.count("within floor"), "verdict": out["verdict"],
            "flagged": [f'{c["workload"]} / {c["implementation"]} / {c["metric"]} {c["change"]} {c["ratio"]:.3f}'
                        for c in out["cells"] if c["change"] in ("regression", "improvement")]}


def spread(per_new, limit):
    """Up to `limit` items taken round-robin from each NEW run's list, so that every run is NEW in turn."""
    out = []
    for group in itertools.zip_longest(*per_new):
        out += [g for g in group if g is not None]
    return out[:limit]


def run_name(path):
    return os.path.basename(os.path.dirname(path)) or path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--base-runs", type=int, default=3, help="BASE runs pooled in the pooled comparisons")
    ap.add_argument("--compares", type=int, default=10, help="comparisons of each kind")
    ap.add_argument("--narrow", default="http-json-api", help="workload of the narrowed family (its req/s)")
    ap.add_argument("--reuse", nargs="*", default=[], help="results.json files of earlier quick runs to use")
    args = ap.parse_args()
    if args.runs <= args.base_runs:
        sys.exit("--runs must exceed --base-runs (one run is NEW, the others BASE)")
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    files = list(args.reuse)
    for i in range(len(files), args.runs):
        out = os.path.join(ROOT, "results", f"gate-aa-{stamp}-{i + 1}")
        print(f"quick run {i + 1} of {args.runs} -> {out}", file=sys.stderr, flush=True)
        subprocess.run([CLAIMBENCH, "run", "--suite", "quick", "--seed", str(42 + i), "--out", out],
                       stdout=subprocess.DEVNULL, check=False)
        files.append(os.path.join(out, "results.json"))
    pooled = spread([[(list(b), n) for b in itertools.combinations([f for f in files if f != n], args.base_runs)]
                     for n in files], args.compares)
    single = spread([[([b], n) for b in files if b != n] for n in files], args.compares)
    rows = []
    for bases, new in pooled:
        rows.append({"set": f"pooled {args.base_runs} runs, whole suite", **compare(bases, new, [])})
    for bases, new in single:
        rows.append({"set": "single run, whole suite", **compare(bases, new, [])})
        rows.append({"set": f"single run, {args.narrow} req/s",
                     **compare(bases, new, ["--workload", args.narrow, "--metric", "requests_per_s"])})
    for r in rows:
        print(f"{r['set']:<32} {'+'.join(run_name(b) for b in r['base'])} vs {run_name(r['new'])}: {r['cells']} cells, "
              f"{r['reachable']} of {r['family']} tested could be flagged, {r['regressions']} regressions, "
              f"{r['improvements']} improvements, {r['bimodal']} bimodal, exit {r['exit']}")
        for f in r["flagged"]:
            print(f"    {f}")
    summary = {}
    for name in sorted({r["set"] for r in rows}):
        these = [r for r in rows if r["set"] == name]
        summary[name] = {"compares": len(these), "false_regressions": sum(r["regressions"] for r in these),
                         "false_improvements": sum(r["improvements"] for r in these),
                         "compares_failing": sum(r["exit"] == 1 for r in these),
                         "cells_per_compare": these[0]["cells"],
                         "reachable_per_compare": sorted({r["reachable"] for r in these}),
                         "bimodal_per_compare": sorted({r["bimodal"] for r in these})}
    print(json.dumps(summary, indent=2))
    os.makedirs(os.path.join(ROOT, "results"), exist_ok=True)
    path = os.path.join(ROOT, "results", f"gate-aa-{stamp}.json")
    with open(path + ".tmp", "w") as f:
        json.dump({"runs": files, "rows": rows, "summary": summary}, f, indent=2)
    os.replace(path + ".tmp", path)
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
