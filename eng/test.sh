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
  count() { grep -o "outcome=\"$1\"" "$trx" | wc -l || true; }
  passed=$(count Passed)
  failed=$(count Failed)
  explicit=$(count NotExecuted)
  # NotExecuted are the [Explicit] measurement harnesses (WER, calibration): run on demand, never skipped to get green.
  [ "$explicit" -gt 0 ] && echo "tests: ${explicit} explicit measurement harnesses not run (dotnet test --filter TestCategory=Measurement)"
  echo "tests: ${passed} passed, ${failed} failed"
fi
exit $status
