#!/usr/bin/env python3
"""Independent expected checksums for the C++ batch runners' fixtures (this folder).

Python's json and the third-party `regex` module (for \\p{Script=...}) stand in for
simdjson and RE2; the checksum rules are transcribed from workloads/*/README.md. Run it
and paste what it prints into ../*_test.cpp when a fixture changes.
"""
import json
import math
import struct
import sys
from pathlib import Path

import regex

HERE = Path(__file__).parent
M = (1 << 64) - 1


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def n(s):
    return len(s.encode("utf-8"))


def fmt(**fields):
    return " ".join(f"{k.rstrip('_')}={v & M if isinstance(v, int) else v}" for k, v in fields.items())


def dom(path):
    c = dict.fromkeys("objects arrays keys key_bytes strings string_bytes ints int_sum floats float_bits true false null".split(), 0)

    def walk(v):
        if isinstance(v, list) and v and v[0] == "__object__":
            c["objects"] += 1
            for k, x in v[1:]:
                c["keys"] += 1
                c["key_bytes"] += n(k)
                walk(x)
        elif isinstance(v, list):
            c["arrays"] += 1
            for x in v:
                walk(x)
        elif isinstance(v, str):
            c["strings"] += 1
            c["string_bytes"] += n(v)
        elif v is True or v is False:
            c["true" if v else "false"] += 1
        elif v is None:
            c["null"] += 1
        elif isinstance(v, int):
            c["ints"] += 1
            c["int_sum"] += v
        else:
            c["floats"] += 1
            c["float_bits"] += bits(v)

    walk(json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=lambda pairs: ["__object__", *pairs]))
    return " ".join(f"{k}={v & M}" for k, v in c.items())


def tweets(doc):
    s = dict.fromkeys("statuses id_sum user_id_sum text_bytes counts verified replies hashtags hashtag_bytes indices_sum".split(), 0)
    for t in doc["statuses"]:
        s["statuses"] += 1
        s["id_sum"] += t["id"]
        s["user_id_sum"] += t["user"]["id"]
        s["text_bytes"] += n(t["text"]) + n(t["user"]["screen_name"])
        s["counts"] += t["retweet_count"] + t["favorite_count"] + t["user"]["followers_count"]
        s["verified"] += t["user"]["verified"] is True
        s["replies"] += t["in_reply_to_status_id"] is not None
        for h in t["entities"]["hashtags"]:
            s["hashtags"] += 1
            s["hashtag_bytes"] += n(h["text"])
            s["indices_sum"] += h["indices"][0] + h["indices"][1]
    s["max_id"] = doc["search_metadata"]["max_id"]
    return " ".join(f"{k}={v & M}" for k, v in s.items())


def geo(doc):
    features = rings = points = coord_bits = name_bytes = 0
    for f in doc["features"]:
        features += 1
        name_bytes += n(f["properties"]["name"])
        for ring in f["geometry"]["coordinates"]:
            rings += 1
            for x, y in ring:
                points += 1
                coord_bits += bits(x) + bits(y)
    return fmt(features=features, rings=rings, points=points, coord_bits=coord_bits, name_bytes=name_bytes)


def catalog(doc):
    s = dict.fromkeys("events event_id_sum event_text_bytes topic_ids performances price_amount_sum prices areas block_ids area_names area_name_bytes".split(), 0)
    for e in doc["events"].values():
        s["events"] += 1
        s["event_id_sum"] += e["id"]
        s["event_text_bytes"] += n(e["name"]) + (n(e["description"]) if e["description"] is not None else 0)
        s["topic_ids"] += len(e["subTopicIds"]) + len(e["topicIds"])
    for p in doc["performances"]:
        s["performances"] += 1
        for price in p["prices"]:
            s["prices"] += 1
            s["price_amount_sum"] += price["amount"]
        for sc in p["seatCategories"]:
            for a in sc["areas"]:
                s["areas"] += 1
                s["block_ids"] += len(a["blockIds"])
    for v in doc["areaNames"].values():
        s["area_names"] += 1
        s["area_name_bytes"] += n(v)
    return " ".join(f"{k}={v & M}" for k, v in s.items())


def regex_count(pattern, captures=False, flags=0):
    text = (HERE / "haystack.txt").read_text(encoding="utf-8")
    matches = match_bytes = group_bytes = 0
    for m in regex.finditer(pattern, text, flags=flags):
        matches += 1
        match_bytes += n(m.group(0))
        for g in range(1, (m.re.groups or 0) + 1):
            if m.span(g) != (-1, -1):
                group_bytes += n(m.group(g))
    out = f"matches={matches} match_bytes={match_bytes}"
    return out + (f" group_bytes={group_bytes}" if captures else "")


def is_int(v, lo, hi):
    return isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def pipeline():
    valid = invalid = 0
    users = {}
    text = (HERE / "events.jsonl").read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        try:
            e = json.loads(line)
        except ValueError:
            invalid += 1
            continue
        ok = (isinstance(e, dict) and isinstance(e.get("user"), str) and e["user"] != ""
              and e.get("kind") in ("view", "click", "cart", "buy")
              and is_int(e.get("value"), 0, 1_000_000_000) and is_int(e.get("ts"), 1, 2**63 - 1))
        if not ok:
            invalid += 1
            continue
        valid += 1
        count, total = users.get(e["user"], (0, 0))
        users[e["user"]] = (count + 1, total + e["value"])
    user_hash = 0
    for user, (count, _) in users.items():
        h = 14695981039346656037
        for b in user.encode("utf-8"):
            h = ((h ^ b) * 1099511628211) & M
        user_hash += h * count
    value_sum = sum(t for _, t in users.values())
    return fmt(valid=valid, invalid=invalid, users=len(users), value_sum=value_sum, user_hash=user_hash)


def nbody(steps):
    pi = 3.141592653589793
    sm = 4 * pi * pi
    dpy = 365.24
    b = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, sm],
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * dpy,
         7.69901118419740425e-03 * dpy, -6.90460016972063023e-05 * dpy, 9.54791938424326609e-04 * sm],
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * dpy,
         4.99852801234917238e-03 * dpy, 2.30417297573763929e-05 * dpy, 2.85885980666130812e-04 * sm],
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * dpy,
         2.37847173959480950e-03 * dpy, -2.96589568540237556e-05 * dpy, 4.36624404335156298e-05 * sm],
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * dpy,
         1.62824170038242295e-03 * dpy, -9.51592254519715870e-05 * dpy, 5.15138902046599012e-05 * sm],
    ]
    px = py = pz = 0.0
    for x in b:
        px += x[3] * x[6]
        py += x[4] * x[6]
        pz += x[5] * x[6]
    b[0][3], b[0][4], b[0][5] = -px / sm, -py / sm, -pz / sm

    def energy():
        e = 0.0
        for i, p in enumerate(b):
            e += 0.5 * p[6] * (p[3] * p[3] + p[4] * p[4] + p[5] * p[5])
            for q in b[i + 1:]:
                dx, dy, dz = p[0] - q[0], p[1] - q[1], p[2] - q[2]
                e -= (p[6] * q[6]) / math.sqrt(dx * dx + dy * dy + dz * dz)
        return e

    before = energy()
    dt = 0.01
    for _ in range(steps):
        for i, p in enumerate(b):
            for q in b[i + 1:]:
                dx, dy, dz = p[0] - q[0], p[1] - q[1], p[2] - q[2]
                d = math.sqrt(dx * dx + dy * dy + dz * dz)
                mag = dt / (d * d * d)
                p[3] -= dx * q[6] * mag
                p[4] -= dy * q[6] * mag
                p[5] -= dz * q[6] * mag
                q[3] += dx * p[6] * mag
                q[4] += dy * p[6] * mag
                q[5] += dz * p[6] * mag
        for p in b:
            p[0] += dt * p[3]
            p[1] += dt * p[4]
            p[2] += dt * p[5]
    return f"energy_before={before:.9f} energy_after={energy():.9f}"


def spectral(size):
    def a(i, j):
        return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

    def av(u, t):
        return [sum_seq((a(j, i) if t else a(i, j)) * u[j] for j in range(size)) for i in range(size)]

    def sum_seq(xs):
        total = 0.0
        for x in xs:
            total += x
        return total

    u = [1.0] * size
    for _ in range(10):
        v = av(av(u, False), True)
        u = av(av(v, False), True)
    vbv = sum_seq(u[i] * v[i] for i in range(size))
    vv = sum_seq(v[i] * v[i] for i in range(size))
    return f"norm={math.sqrt(vbv / vv):.9f}"


def main():
    load = lambda name: json.loads((HERE / name).read_text(encoding="utf-8"))
    print("tweets-typed ", tweets(load("tweets.json")))
    print("geo-typed    ", geo(load("geo.json")))
    print("catalog-typed", catalog(load("catalog.json")))
    for name in ("tweets", "geo", "catalog"):
        print(f"{name}-dom", " " * (9 - len(name)), dom(HERE / f"{name}.json"))
    patterns = {
        "literal": ("Sherlock", False, 0),
        "literal-alternation": ("Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson", False, 0),
        "case-insensitive": ("(?i)sherlock", False, 0),
        "char-class-suffix": ("[a-zA-Z]+ing", False, 0),
        "unicode-letters": (r"\p{Script=Greek}+|\p{Script=Cyrillic}+", False, 0),
        "word-boundary": (r"\b[a-z]{4}\b", False, regex.ASCII),
        "date-captures": (r"([0-9]{4})-([0-9]{2})-([0-9]{2})", True, 0),
        "email": (r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}", False, 0),
        "url": (r"https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?", False, 0),
        "url+captures": (r"https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?", True, 0),
    }
    for pid, (pattern, captures, flags) in patterns.items():
        print(f"regex {pid:20}", regex_count(pattern, captures, flags))
    print("pipeline     ", pipeline())
    for steps in (0, 1, 1000):
        print(f"nbody {steps:<7}", nbody(steps))
    for size in (1, 10, 100):
        print(f"spectral {size:<4}", spectral(size))


if __name__ == "__main__":
    sys.exit(main())
