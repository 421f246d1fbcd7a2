#!/usr/bin/env python3
"""A run's claims table, and every claim whose verdict differs under an older release's rules.

    scripts/verdict-changes.py RUN_DIR [--old-ref d4b13b0] [--out DIR]

Reads RUN_DIR/claims.csv (this release's verdicts) and writes, under --out (default
RUN_DIR/verdict-changes):
- claims-table.md: one line per claim, its verdict and each judged check's measurement with
  its 95% interval;
- verdict-changes.md: each claim whose verdict differs when the old release's claimbench and
  claims/ judge the same results.json (read as schema 2, the old reader's newest, without
  this release's claims), with this release's reason.
The old release is built once into build/old-<ref>/ from a git worktree (a few minutes).
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def old_claimbench(ref):
    tree = os.path.join(ROOT, "build", f"old-{ref}")
    binary = os.path.join(tree, "build", "harness", "claimbench")
    if not os.path.exists(binary):
        if not os.path.isdir(tree):
            subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", tree, ref], check=True)
        subprocess.run(["cmake", "-S", tree, "-B", os.path.join(tree, "build"), "-G", "Ninja",
                        "-DCMAKE_BUILD_TYPE=Release"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", os.path.join(tree, "build"), "--target", "claimbench"], check=True)
    return binary, tree


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run_dir")
    ap.add_argument("--old-ref", default="d4b13b0", help="the release before issue 12's verdict rules")
    ap.add_argument("--out")
    args = ap.parse_args()
    out = args.out or os.path.join(args.run_dir, "verdict-changes")
    os.makedirs(out, exist_ok=True)
    new, rows_by_claim = {}, {}
    with open(os.path.join(args.run_dir, "claims.csv")) as f:
        for r in csv.DictReader(f):
            new[r["claim"]] = r["claim_verdict"]
            rows_by_claim.setdefault(r["claim"], []).append(r)
    binary, tree = old_claimbench(args.old_ref)
    old_dir = os.path.join(out, "old-rules")
    shutil.rmtree(old_dir, ignore_errors=True)
    os.makedirs(old_dir)
    results = json.load(open(os.path.join(args.run_dir, "results.json")))
    results["schema_version"] = 2
    for key in ("claims", "claims_family", "claims_error"):
        results.pop(key, None)
    json.dump(results, open(os.path.join(old_dir, "results.json"), "w"))
    subprocess.run([binary, "claims", "--root", tree, os.path.join(old_dir, "results.json"), "--update"], check=True,
                   stdout=subprocess.DEVNULL)
    old = {}
    with open(os.path.join(old_dir, "claims.csv")) as f:
        for r in csv.DictReader(f):
            old[r["claim"]] = r.get("claim_verdict") or r["verdict"]
    with open(os.path.join(out, "claims-table.md"), "w") as t:
        t.write("| claim | verdict | checks: measured [95% CI] -> check verdict |\n|---|---|---|\n")
        for claim, rows in rows_by_claim.items():
            checks = []
            for r in rows:
                if r["check"] and r["measured"]:
                    ci = f" [{float(r['ci_low']):.3g}, {float(r['ci_high']):.3g}]" if r["ci_low"] and r["ci_high"] else ""
                    checks.append(f"{r['check']}: {float(r['measured']):.3g}{ci} -> {r['verdict']}")
            t.write(f"| {claim} | {new[claim]} | {'; '.join(checks) if checks else rows[0]['detail'][:100]} |\n")
    changed = 0
    with open(os.path.join(out, "verdict-changes.md"), "w") as t:
        for claim in new:
            before = old.get(claim, "(absent)")
            if before != new[claim]:
                changed += 1
                t.write(f"- {claim}: {before} -> {new[claim]}: {rows_by_claim[claim][0]['detail'][:160]}\n")
        t.write(f"\n{changed} of {len(new)} claims changed verdict\n")
    counts = {}
    for v in new.values():
        counts[v] = counts.get(v, 0) + 1
    print(json.dumps({"verdicts": counts, "changed": changed, "out": out}))


if __name__ == "__main__":
    sys.exit(main())
