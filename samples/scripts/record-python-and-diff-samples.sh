#!/usr/bin/env bash
# Regenerates the two hand-made text samples (no real producer runs on this machine; see
# samples/README.md):
#   python-deepcopy/cpu.pyspy.txt           py-spy raw format from pyspy_format_sampler.py
#   java-diff-folded/cpu.diff.folded        differential folded from diff_folded.py over two real
#                                           async-profiler collapsed files (before: healthy-baseline,
#                                           after: contains-in-loop)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
mkdir -p samples/python-deepcopy samples/java-diff-folded
python3 samples/scripts/pyspy_format_sampler.py samples/python-deepcopy/cpu.pyspy.txt \
  samples/workloads/python/order_snapshots.py "${SECONDS_PER_RUN:-6}"
python3 samples/scripts/diff_folded.py samples/healthy-baseline/cpu.collapsed samples/contains-in-loop/cpu.collapsed \
  > samples/java-diff-folded/cpu.diff.folded
