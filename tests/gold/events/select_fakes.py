#!/usr/bin/env python3
"""Reproduce the choice of fakes-dev.csv articles annotated in tests/gold/events (see README.md).

Usage: python3 tests/gold/events/select_fakes.py [path/to/fakes-dev.csv]
Prints one line per chosen article: pass, reason, doc id, outlet. Reads ../shared by path; copies nothing.
"""
import csv, hashlib, os, re, sys
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "data", "corpora", "fakes-dev.csv")
rows = list(csv.DictReader(open(path, encoding="utf-8")))
count = Counter(r["unit_id"] for r in rows)
# unit_ids occurring more than once are skipped; articles longer than 3,000 characters are skipped (annotation time)
fk = {"fakes:" + r["unit_id"]: r for r in rows if count[r["unit_id"]] == 1 and len(r["article_content"]) <= 3000}
h = lambda salt, k: hashlib.sha1((salt + k).encode()).hexdigest()

# pass 1: a quota per outlet (roughly proportional, at least 2), outlet rows in sha1(doc id) order
QUOTA = dict(ahram=7, manar=6, alalam=6, alaraby=6, dailysabah=5, sana=5, sputnik=5, etilaf=4, trt=4,
             jordantimes=3, reuters=3, arabiya=2, nna=2, asharqalawsat=2, tass=2)
chosen = []
for outlet, n in QUOTA.items():
    ks = sorted((k for k, r in fk.items() if r["source"] == outlet), key=lambda k: h("", k))
    chosen += [("1", "outlet quota", k) for k in ks[:n]]
taken = {k for _, _, k in chosen}

# pass 2: two more per event kind, keyword anywhere in title+text, in sha1("x"+doc id) order
KINDS = [("protest", r"\bprotest|demonstrat"), ("abduction", r"kidnap|abduct"),
         ("evacuation/agreement", r"evacuat|reconciliation|truce"), ("arrest", r"\barrest"),
         ("capture", r"recaptur|took control|seized control|liberat"), ("ied/landmine", r"landmine|\bIED\b|roadside bomb"),
         ("massacre/execution", r"massacre|execut"), ("hezbollah", r"Hezbollah"),
         ("turkey", r"Turkish (army|forces|jets|military)"), ("ypg/sdf", r"\bYPG\b|\bSDF\b")]
keys = sorted(fk, key=lambda k: h("x", k))
for kind, rx in KINDS:
    n = 0
    for k in keys:
        if k in taken:
            continue
        r = fk[k]
        if re.search(rx, r["article_title"] + " " + r["article_content"], re.I):
            chosen.append(("2", kind, k)); taken.add(k); n += 1
            if n == 2:
                break

# pass 3: the first article whose TITLE names a rarer kind, in sha1("y"+doc id) order
keys = sorted(fk, key=lambda k: h("y", k))
for kind, rx in [("protest (title)", r"protest|demonstrat|rally"), ("truce (title)", r"evacuat|reconciliation|truce|ceasefire"),
                 ("kidnap (title)", r"kidnap|abduct|hostage")]:
    for k in keys:
        if k not in taken and re.search(rx, fk[k]["article_title"], re.I):
            chosen.append(("3", kind, k)); taken.add(k)
            break

for p, why, k in chosen:
    print(p, why, k, fk[k]["source"], sep="\t")
print(len(chosen), "articles", file=sys.stderr)
