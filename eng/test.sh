#!/usr/bin/env bash
# Quick start, command 2: set up the machine and run every test. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/setup.sh
results="$(mktemp -d)"
status=0
dotnet test QaShopper.sln -c Release --no-build -v q -nologo \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results" || status=$?
trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -n "$trx" ]; then
  passed=$(grep -o 'outcome="Passed"' "$trx" | wc -l)
  failed=$(grep -o 'outcome="Failed"' "$trx" | wc -l)
  skipped=$(grep -o 'outcome="NotExecuted"' "$trx" | wc -l)
  echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
fi
exit $status
