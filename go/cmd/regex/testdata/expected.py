#!/usr/bin/env python3
"""Independent reference for the fixture's checksums (workloads/regex/README.md), with
Python's re: Go syntax translated where Python lacks it (\\p{Greek}, \\p{Cyrillic} as the
blocks the fixture's letters come from; ASCII \\b via re.ASCII). main_test.go pins the output."""
import re
import sys

PATTERNS = [  # (Go pattern, Python pattern, flags)
    (r"Sherlock", r"Sherlock", 0),
    (r"Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson", r"Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson", 0),
    (r"(?i)sherlock", r"sherlock", re.IGNORECASE),
    (r"[a-zA-Z]+ing", r"[a-zA-Z]+ing", 0),
    (r"\p{Greek}+|\p{Cyrillic}+", "[\u0370-\u03ff\u1f00-\u1fff]+|[\u0400-\u04ff]+", 0),
    (r"\b[a-z]{4}\b", r"\b[a-z]{4}\b", re.ASCII),
    (r"([0-9]{4})-([0-9]{2})-([0-9]{2})", r"([0-9]{4})-([0-9]{2})-([0-9]{2})", 0),
    (r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}", r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}", 0),
    (r"https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?", r"https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?", 0),
]


def nbytes(s):
    return len(s.encode("utf-8"))


hay = open(f"{sys.path[0]}/haystack.txt", encoding="utf-8").read()
for go, py, flags in PATTERNS:
    rx = re.compile(py, flags)
    ms = list(rx.finditer(hay))
    base = f"matches={len(ms)} match_bytes={sum(nbytes(m.group(0)) for m in ms)}"
    groups = sum(nbytes(m.group(g)) for m in ms for g in range(1, rx.groups + 1) if m.start(g) != -1)
    print(f"{go}\tfalse\t{base}")
    print(f"{go}\ttrue\t{base} group_bytes={groups}")
