#!/usr/bin/env bash
# Installs what QaShopper needs on a fresh Debian 12 machine with the .NET 10 SDK, then builds.
# Idempotent: a second run installs nothing and only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages of the offline speech engines: flite speaks (and spells unknown words for the
# recogniser), espeak-ng speaks the held-out agents (a second engine the tuning set never uses),
# pocketsphinx with its US English model transcribes; sphinxbase-utils and sphinxtrain estimate the recogniser's
# adaptation to the phone line (qashopper model adapt, and its test); procps has the kill command the tests use to stop
# the CLI with signals as a service manager would; chromium is the browser the web app's page tests drive through
# Playwright (browsers cannot be downloaded here, so Playwright's own is never installed).
APT_PACKAGES=(flite libflite1 espeak-ng pocketsphinx pocketsphinx-en-us libpocketsphinx3 libsphinxbase3 sphinxbase-utils sphinxtrain procps chromium)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
echo "setup: restoring and building (Release)"
dotnet build QaShopper.sln -c Release -v q -nologo -clp:NoSummary
