#!/usr/bin/env python3
"""Independent reference for events.jsonl's pipeline checksum
(workloads/worker-pool/README.md), with Python's json; main_test.go pins the output."""
import json
import sys

M = 1 << 64
KINDS = {"view", "click", "cart", "buy"}


def fnv1a64(b):
    h = 0xCBF29CE484222325
    for x in b:
        h = ((h ^ x) * 0x100000001B3) % M
    return h


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def valid(line):
    try:
        # Integers only by their literal: 1e3 and 1.0 are floats.
        e = json.loads(line, parse_float=lambda s: ("float", s))
    except ValueError:
        return None
    if not isinstance(e, dict):
        return None
    ok = (isinstance(e.get("user"), str) and e["user"] != "" and e.get("kind") in KINDS
          and is_int(e.get("value")) and 0 <= e["value"] <= 1_000_000_000
          and is_int(e.get("ts")) and e["ts"] > 0)
    return e if ok else None


def checksum(data):
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    users, nvalid = {}, 0
    for line in lines:
        e = valid(line)
        if e is None:
            continue
        nvalid += 1
        count, total = users.get(e["user"], (0, 0))
        users[e["user"]] = (count + 1, total + e["value"])
    h = sum(fnv1a64(u.encode()) * c for u, (c, _) in users.items()) % M
    s = sum(t for _, t in users.values()) % M
    return f"valid={nvalid} invalid={len(lines) - nvalid} users={len(users)} value_sum={s} user_hash={h}"


if __name__ == "__main__":
    print(checksum(open(f"{sys.path[0]}/events.jsonl", "rb").read()))
