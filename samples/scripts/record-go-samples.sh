#!/usr/bin/env bash
# Regenerates the Go pprof samples from samples/workloads/go with Go's runtime/pprof, and saves
# `go tool pprof -top` and `-top -cum` of each next to it (in a hidden .go-tool-pprof/ directory,
# so that `evident analyze <dir>` does not list them as unreadable artifacts). The tests compare
# evident's top tables with these files.
#   go-regexp-per-call/cpu.pb.gz       CPU profile with labels (endpoint) and inlined frames
#   go-alloc-churn/heap.pb.gz          allocs profile: alloc_objects, alloc_space, inuse_objects, inuse_space
#   go-lock-contention/mutex.pb.gz     mutex profile (contentions, delay)
#   go-lock-contention/block.pb.gz     block profile (contentions, delay)
# Needs Debian's golang-go (go 1.19 here); no module downloads.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-6}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOPATH="$work/gopath" GOCACHE="$work/gocache" GOFLAGS=-mod=mod GOPROXY=off
(cd samples/workloads/go && go build -o "$work/goworkloads" .)

# record DIR MODE FILE
record() {
  local dir="samples/$1" mode="$2" file="$3"
  mkdir -p "$dir/.go-tool-pprof"
  echo "== $dir/$file ($mode)"
  "$work/goworkloads" -mode "$mode" -seconds "$SECONDS_PER_RUN" -out "$dir/$file" >/dev/null
  go tool pprof -top "$dir/$file" > "$dir/.go-tool-pprof/$file.top.txt" 2>/dev/null
  go tool pprof -top -cum "$dir/$file" > "$dir/.go-tool-pprof/$file.top-cum.txt" 2>/dev/null
}

record go-regexp-per-call cpu cpu.pb.gz
record go-alloc-churn heap heap.pb.gz
record go-lock-contention mutex mutex.pb.gz
record go-lock-contention block block.pb.gz
go version > samples/go-regexp-per-call/.go-tool-pprof/go-version.txt

# The heap profile's second metric (in-use bytes), for the same comparison.
go tool pprof -sample_index=inuse_space -top samples/go-alloc-churn/heap.pb.gz \
  > samples/go-alloc-churn/.go-tool-pprof/heap.pb.gz.inuse.top.txt 2>/dev/null

# Edge cases made from the real CPU profile (see samples/README.md): drop_frames / keep_frames set,
# and the page the pprof web UI serves for it, as someone would save it from the browser.
edge=samples/pprof-edge-cases
mkdir -p "$edge/.go-tool-pprof"
python3 samples/scripts/pprof_add_drop_frames.py samples/go-regexp-per-call/cpu.pb.gz "$edge/cpu-drop-frames.pb.gz" \
  'regexp\.MustCompile|runtime\.gcBgMarkWorker' 'regexp\.Compile'
go tool pprof -top "$edge/cpu-drop-frames.pb.gz" > "$edge/.go-tool-pprof/cpu-drop-frames.pb.gz.top.txt" 2>/dev/null
go tool pprof -top -cum "$edge/cpu-drop-frames.pb.gz" > "$edge/.go-tool-pprof/cpu-drop-frames.pb.gz.top-cum.txt" 2>/dev/null
port=18790
go tool pprof -no_browser -http=127.0.0.1:$port samples/go-regexp-per-call/cpu.pb.gz >/dev/null 2>&1 &
ui=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/ui/flamegraph" -o "$edge/cpu-saved-from-browser.pprof" && break; sleep 0.2; done
kill "$ui"
