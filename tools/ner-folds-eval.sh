#!/usr/bin/env bash
# usage: [FOLDS="3 1 0 2"] [NER_ARGS="..."] [BASE=model.bin] [CLI=built-cli-dir] [NF=/tmp/nf] tools/ner-folds-eval.sh TAG  (after tools/ner-folds.py ../shared/data/treebanks $NF [K]):
# rebuilds the recogniser on each fold from data/syntax/en-syntax.bin, evaluates the held-out part, prints summed P/R/F1.
# Runs a snapshot of the CLI build (so editing sources while it runs does not change the experiment).
set -u
nf=${NF:-/tmp/nf}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tag=$1
./sitrep --help > /dev/null 2>&1   # build if needed
cli=$nf/cli-$tag
rm -rf "$cli"; cp -r "${CLI:-out/cli}" "$cli"
run() { SITREP_HOME="$PWD" nice -n 10 dotnet "$cli/Sitrep.Cli.dll" "$@"; }
g=0; p=0; c=0
for r in ${FOLDS:-3 1 0 2}; do
  run train syntax --treebanks $nf/fold$r/treebanks --rebuild-from "${BASE:-data/syntax/en-syntax.bin}" --out $nf/$tag-$r.bin ${NER_ARGS:-} > $nf/$tag-$r.train.log 2>&1
  line=$(run eval syntax --treebanks $nf/fold$r/treebanks --names-only --model $nf/$tag-$r.bin --entity-errors $nf/$tag-$r.err)
  rm -f $nf/$tag-$r.bin
  echo "fold$r $line"
  read gg pp cc < <(echo "$line" | sed -E 's/.*gold ([0-9]+), predicted ([0-9]+), correct ([0-9]+).*/\1 \2 \3/')
  g=$((g+gg)); p=$((p+pp)); c=$((c+cc))
done
rm -rf "$cli"
python3 -c "g,p,c=$g,$p,$c; P=c/p; R=c/g; print(f'$tag SUM P {P:.3f} R {R:.3f} F1 {2*P*R/(P+R):.3f} (gold {g} pred {p} correct {c})')"
