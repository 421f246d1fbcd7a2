#!/usr/bin/env python3
"""Independent reference for the fixtures' checksums (workloads/json-parse/README.md),
written with Python's json module; main_test.go pins what it prints."""
import json
import struct
import sys

M = 1 << 64


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def nbytes(s):
    return len(s.encode("utf-8"))


def dom(text):
    c = dict.fromkeys("objects arrays keys key_bytes strings string_bytes ints int_sum "
                      "floats float_bits true false null".split(), 0)
    tree = json.loads(text, object_pairs_hook=lambda pairs: ("obj", pairs),
                      parse_int=lambda s: ("int", int(s)), parse_float=lambda s: ("float", float(s)))

    def walk(v):
        if isinstance(v, tuple) and v[0] == "obj":
            c["objects"] += 1
            for k, e in v[1]:
                c["keys"] += 1
                c["key_bytes"] += nbytes(k)
                walk(e)
        elif isinstance(v, tuple) and v[0] == "int":
            c["ints"] += 1
            c["int_sum"] = (c["int_sum"] + v[1]) % M
        elif isinstance(v, tuple) and v[0] == "float":
            c["floats"] += 1
            c["float_bits"] = (c["float_bits"] + bits(v[1])) % M
        elif isinstance(v, list):
            c["arrays"] += 1
            for e in v:
                walk(e)
        elif isinstance(v, str):
            c["strings"] += 1
            c["string_bytes"] += nbytes(v)
        elif v is True:
            c["true"] += 1
        elif v is False:
            c["false"] += 1
        elif v is None:
            c["null"] += 1
        else:
            raise ValueError(v)

    walk(tree)
    return " ".join(f"{k}={v}" for k, v in c.items())


def tweets(d):
    c = dict.fromkeys("statuses id_sum user_id_sum text_bytes counts verified replies "
                      "hashtags hashtag_bytes indices_sum max_id".split(), 0)
    for t in d["statuses"]:
        c["statuses"] += 1
        c["id_sum"] += t["id"]
        c["user_id_sum"] += t["user"]["id"]
        c["text_bytes"] += nbytes(t["text"]) + nbytes(t["user"]["screen_name"])
        c["counts"] += t["retweet_count"] + t["favorite_count"] + t["user"]["followers_count"]
        c["verified"] += t["user"]["verified"] is True
        c["replies"] += t["in_reply_to_status_id"] is not None
        for h in t["entities"]["hashtags"]:
            c["hashtags"] += 1
            c["hashtag_bytes"] += nbytes(h["text"])
            c["indices_sum"] += h["indices"][0] + h["indices"][1]
    c["max_id"] = d["search_metadata"]["max_id"]
    return " ".join(f"{k}={v % M}" for k, v in c.items())


def geo(d):
    c = dict.fromkeys("features rings points coord_bits name_bytes".split(), 0)
    for f in d["features"]:
        c["features"] += 1
        c["name_bytes"] += nbytes(f["properties"]["name"])
        for ring in f["geometry"]["coordinates"]:
            c["rings"] += 1
            for x, y in ring:
                c["points"] += 1
                c["coord_bits"] += bits(float(x)) + bits(float(y))
    return " ".join(f"{k}={v % M}" for k, v in c.items())


def catalog(d):
    c = dict.fromkeys("events event_id_sum event_text_bytes topic_ids performances "
                      "price_amount_sum prices areas block_ids area_names area_name_bytes".split(), 0)
    for e in d["events"].values():
        c["events"] += 1
        c["event_id_sum"] += e["id"]
        c["event_text_bytes"] += nbytes(e["name"]) + nbytes(e["description"] or "")
        c["topic_ids"] += len(e["subTopicIds"]) + len(e["topicIds"])
    for p in d["performances"]:
        c["performances"] += 1
        for price in p["prices"]:
            c["prices"] += 1
            c["price_amount_sum"] += price["amount"]
        for sc in p["seatCategories"]:
            for a in sc["areas"]:
                c["areas"] += 1
                c["block_ids"] += len(a["blockIds"])
    for name in d["areaNames"].values():
        c["area_names"] += 1
        c["area_name_bytes"] += nbytes(name)
    return " ".join(f"{k}={v % M}" for k, v in c.items())


if __name__ == "__main__":
    for corpus, typed in (("tweets", tweets), ("geo", geo), ("catalog", catalog)):
        text = open(f"{sys.path[0]}/{corpus}.json", encoding="utf-8").read()
        print(f"{corpus}-typed\t{typed(json.loads(text))}")
        print(f"{corpus}-dom\t{dom(text)}")
