#!/usr/bin/env bash
# Quick start, command 1: set up the machine and run the offline demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/setup.sh
exec dotnet src/QaShopper/bin/Release/net10.0/QaShopper.dll demo "$@"
