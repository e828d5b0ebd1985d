#!/usr/bin/env python3
"""A stand-in for py-spy, which cannot be installed on this build machine (it comes from PyPI or
as a prebuilt binary, and neither is reachable here). It runs a Python workload in a thread and
samples that thread's stack every INTERVAL seconds with sys._current_frames(), then writes the
stacks in py-spy's raw format (`py-spy record --format raw`): frames root first, separated by
';', each `function (file:line)`, then a space and the sample count.

The stacks are real (taken from the running interpreter), but the file is written by this script,
not by py-spy: samples/README.md lists it as hand-made.

usage: pyspy_format_sampler.py OUT WORKLOAD.py SECONDS [INTERVAL]
"""
import collections
import runpy
import sys
import threading
import time


def main():
    out, workload, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    interval = float(sys.argv[4]) if len(sys.argv) > 4 else 0.005
    module = runpy.run_path(workload, run_name="workload")
    worker = threading.Thread(target=module["run"], args=(seconds,), name="workload")
    counts = collections.Counter()
    worker.start()
    while worker.is_alive():
        frame = sys._current_frames().get(worker.ident)
        stack = []
        while frame is not None:
            code = frame.f_code
            stack.append("%s (%s:%d)" % (code.co_name, code.co_filename, frame.f_lineno))
            frame = frame.f_back
        if stack:
            counts[";".join(reversed(stack))] += 1
        time.sleep(interval)
    with open(out, "w") as f:
        for stack, count in sorted(counts.items()):
            f.write("%s %d\n" % (stack, count))


if __name__ == "__main__":
    main()
