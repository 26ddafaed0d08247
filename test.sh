#!/usr/bin/env bash
# Command 2 of the README: build in Release with warnings as errors and run every test; the last line
# is "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -f package.json ] && [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error || true
fi
results="$(pwd)/out/test-results"
rm -rf "$results"
dotnet build Sitrep.slnx -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Sitrep.slnx -c Release --no-build -nologo --logger "trx" --results-directory "$results" "$@"
rc=$?
passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(echo "$line" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); passed=$((passed + ${p:-0}))
  fl=$(echo "$line" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p'); failed=$((failed + ${fl:-0}))
  t=$(echo "$line" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(echo "$line" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
