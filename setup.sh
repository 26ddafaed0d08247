#!/usr/bin/env bash
# Command 1 of the README: set everything up on a fresh machine, then run the main job on the examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet restore Sitrep.slnx -nologo -v q
if [ -f package.json ]; then
  # devDependencies (unlabeled text for word clusters) are only needed by `sitrep train syntax`: `npm ci` installs them.
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
fi
./sitrep version >/dev/null
if ./sitrep --help 2>/dev/null | grep -q "gazetteer"; then ./sitrep gazetteer build; fi
rm -f examples.db
if ./sitrep --help 2>/dev/null | grep -q " extract"; then
  ./sitrep --db examples.db extract examples/
else
  ./sitrep --db examples.db ingest examples/
fi
./sitrep --db examples.db docs
