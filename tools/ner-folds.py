#!/usr/bin/env python3
"""Builds the recogniser's development folds (docs/names.md): Universal NER EWT dev split by document.

For fold r in (3, 1, 0, 2) (older figures used folds 3 and 1 only): documents with index mod 4 == r are held out and written as uner_en_ewt-test.iob2,
the rest as uner_en_ewt-dev.iob2 (training part); the other treebank files and ../corpora are symlinked.
Usage: tools/ner-folds.py TREEBANKS OUTDIR [K]   (then: sitrep train syntax --treebanks OUTDIR/fold3/treebanks ...)
K (default 1): keep only every K-th training document (a learning curve: how F1 grows with in-domain names).
"""
import os, sys

src, out = sys.argv[1], sys.argv[2]
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 1
docs, cur = [], None
with open(os.path.join(src, "uner_en_ewt-dev.iob2"), encoding="utf-8") as f:
    block = []
    for line in f:
        if line.startswith("# newdoc"):
            cur = []
            docs.append(cur)
        if cur is None:
            cur = []
            docs.append(cur)
        cur.append(line)
for r in (3, 1, 0, 2):
    tb = os.path.join(out, f"fold{r}", "treebanks")
    os.makedirs(tb, exist_ok=True)
    for name in os.listdir(src):
        if name.endswith(".conllu") or name.endswith(".txt") or name == "README.md":
            dst = os.path.join(tb, name)
            if not os.path.lexists(dst):
                os.symlink(os.path.abspath(os.path.join(src, name)), dst)
    corp = os.path.join(out, f"fold{r}", "corpora")
    if not os.path.lexists(corp):
        os.symlink(os.path.abspath(os.path.join(src, "..", "corpora")), corp)
    with open(os.path.join(tb, "uner_en_ewt-dev.iob2"), "w", encoding="utf-8") as train, \
         open(os.path.join(tb, "uner_en_ewt-test.iob2"), "w", encoding="utf-8") as held:
        for i, d in enumerate(docs):
            if i % 4 == r:
                held.writelines(d)
            elif (i // 4) % keep == 0:
                train.writelines(d)
