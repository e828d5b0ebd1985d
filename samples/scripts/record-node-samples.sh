#!/usr/bin/env bash
# Regenerates samples/node-sync-crypto/cpu.cpuprofile: Node.js's own V8 CPU profiler
# (`node --cpu-prof`) on samples/workloads/node/login-service.js.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
out=samples/node-sync-crypto
mkdir -p "$out"
rm -f "$out"/*.cpuprofile
node --cpu-prof --cpu-prof-dir="$out" --cpu-prof-name=cpu.cpuprofile samples/workloads/node/login-service.js "${SECONDS_PER_RUN:-6}"
node --version > "$out/.node-version.txt"
node samples/scripts/cpuprofile_to_speedscope.js samples/node-sync-crypto/cpu.cpuprofile samples/speedscope-node/sampled.speedscope.json samples/speedscope-node/evented.speedscope.json
