#!/usr/bin/env bash
# Regenerates samples/perf-go-regexp/perf-script.txt.gz: `perf record -g` (software event
# cpu-clock; this machine's kernel offers no hardware counters) on the Go workload of
# go-regexp-per-call, then `perf script`. Go keeps frame pointers, so -g gives whole stacks.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOPATH="$work/gopath" GOCACHE="$work/gocache" GOFLAGS=-mod=mod GOPROXY=off
(cd samples/workloads/go && go build -o "$work/goworkloads" .)
mkdir -p samples/perf-go-regexp
perf record -e cpu-clock -F 499 -g -o "$work/perf.data" -- "$work/goworkloads" -mode cpu -seconds "${SECONDS_PER_RUN:-4}" \
  -out "$work/unused.pb.gz" >/dev/null 2>&1
perf script -i "$work/perf.data" 2>/dev/null | gzip -9 > samples/perf-go-regexp/perf-script.txt.gz
perf --version > samples/perf-go-regexp/.perf-version.txt
