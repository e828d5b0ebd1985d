#!/usr/bin/env python3
"""Writes a differential folded file (`stack count_before count_after`, 0 where a stack is
missing from one side) from two collapsed files, the layout FlameGraph's difffolded.pl and
inferno-diff-folded produce. Neither tool is installable on this build machine, so this script
stands in for them; samples/README.md lists its output as hand-made.

usage: diff_folded.py BEFORE.collapsed AFTER.collapsed > OUT.diff.folded
"""
import sys


def read(path):
    counts = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, count = line.rpartition(" ")
            counts[stack] = counts.get(stack, 0) + int(count)
    return counts


def main():
    before, after = read(sys.argv[1]), read(sys.argv[2])
    for stack in sorted(set(before) | set(after)):
        sys.stdout.write("%s %d %d\n" % (stack, before.get(stack, 0), after.get(stack, 0)))


if __name__ == "__main__":
    main()
