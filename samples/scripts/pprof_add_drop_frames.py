#!/usr/bin/env python3
"""Writes a copy of a pprof profile with drop_frames (and optionally keep_frames) set.

Go's runtime/pprof never sets these fields, so the edge-case sample is made from a real profile:
protobuf merges fields that appear later in a message, so appending new string_table entries and
the drop_frames/keep_frames fields (string indexes) to the decompressed bytes yields a valid
profile. `go tool pprof` applies them when it reads the file, which is what the tests compare with.

usage: pprof_add_drop_frames.py IN.pb.gz OUT.pb.gz DROP_REGEX [KEEP_REGEX]
"""
import gzip
import sys


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_varint(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def count_strings(data):
    """Number of top-level string_table (field 6) entries."""
    pos = count = 0
    while pos < len(data):
        tag, pos = read_varint(data, pos)
        field, wire = tag >> 3, tag & 7
        if wire == 0:
            _, pos = read_varint(data, pos)
        elif wire == 2:
            length, pos = read_varint(data, pos)
            pos += length
            count += field == 6
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        else:
            raise ValueError("unexpected wire type %d" % wire)
    return count


def string_field(text):
    raw = text.encode("utf-8")
    return varint(6 << 3 | 2) + varint(len(raw)) + raw


def main():
    src, dst, drop = sys.argv[1:4]
    keep = sys.argv[4] if len(sys.argv) > 4 else None
    with gzip.open(src, "rb") as f:
        data = f.read()
    index = count_strings(data)
    extra = string_field(drop) + varint(7 << 3) + varint(index)
    if keep:
        extra += string_field(keep) + varint(8 << 3) + varint(index + 1)
    with gzip.open(dst, "wb") as f:
        f.write(data + extra)


if __name__ == "__main__":
    main()
