#!/usr/bin/env bash
# The one benchmark command: bench/run.sh  (knobs: QUICK=1, ONLY=hello,static, AOT=0; see bench/README.md)
# Publishes the apps it needs into bench/.work/, measures every figure (adapter vs bare ASP.NET Core, and vs
# next start when Node is present), prints one line per figure and writes bench/results/latest.json and chart.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in dotnet python3 wrk taskset; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (Debian: apt-get install -y wrk; dotnet and python3 as for the tests)" >&2; exit 2; }
done
exec python3 bench/bench.py "$@"
