#!/usr/bin/env python3
"""Validate tests/gold/events: schema, ACLED labels, dates, coordinates, territory, and (when ../shared
is present) that every trigger occurs in its document. Usage: python3 tests/gold/events/check_gold.py"""
import csv, datetime, glob, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, "..", "..", "..", "..", "shared")
SUB = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
       "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
       "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
       "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement", "Arrests",
       "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
       "Looting/property destruction", "Non-violent transfer of territory", "Other"}
TERR = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
BOX = {"SY": (32.3, 37.4, 35.6, 42.4), "IQ": (29.0, 37.5, 38.7, 48.7), "TR": (35.8, 42.2, 25.6, 44.9)}

docs = {d["doc"]: d for d in map(json.loads, open(os.path.join(here, "documents.jsonl")))}
events = [json.loads(l) for l in open(os.path.join(here, "events.jsonl"))]
text = {}
if os.path.isdir(shared):
    for f in glob.glob(os.path.join(shared, "seeds", "*.txt")):
        text[os.path.basename(f)[:-4]] = open(f, encoding="utf-8").read().lower()
    for r in csv.DictReader(open(os.path.join(shared, "data", "corpora", "fakes-dev.csv"), encoding="utf-8")):
        text["fakes:" + r["unit_id"]] = (r["article_title"] + "\n" + r["article_content"]).lower()
errors = []
for i, e in enumerate(events, 1):
    where = f"events.jsonl:{i}"
    if e["doc"] not in docs: errors.append(f"{where}: unknown doc {e['doc']}")
    if e["sub_event_type"] not in SUB: errors.append(f"{where}: bad sub_event_type {e['sub_event_type']}")
    if not e["actor1"]: errors.append(f"{where}: actor1 missing")
    s, t = (datetime.date.fromisoformat(e["date"][k]) for k in ("start", "end"))
    if s > t: errors.append(f"{where}: date window reversed")
    L = e["location"]
    if L["geo_precision"] not in (1, 2, 3): errors.append(f"{where}: geo_precision")
    b = BOX.get(L["country"])
    if b and not (b[0] <= L["lat"] <= b[1] and b[2] <= L["lon"] <= b[3]): errors.append(f"{where}: coordinates outside {L['country']}")
    if (e["territory"] is not None) != (e["sub_event_type"] in TERR): errors.append(f"{where}: territory vs type")
    if e["territory"] and (e["territory"]["to"] != e["actor1"] or e["territory"]["from"] != e["actor2"]):
        errors.append(f"{where}: territory from/to must be actor2/actor1")
    if not 1 <= len(e["trigger"].split()) <= 3: errors.append(f"{where}: trigger must be 1-3 words")
    if text and e["trigger"].lower() not in text.get(e["doc"], ""): errors.append(f"{where}: trigger not in text")
print("\n".join(errors) or f"ok: {len(docs)} documents, {len(events)} events" + ("" if text else " (../shared absent: triggers not checked)"))
sys.exit(1 if errors else 0)
