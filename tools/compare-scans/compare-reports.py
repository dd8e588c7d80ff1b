#!/usr/bin/env python3
"""Compares two folders of scans (one sub-folder per input, each with opportunities.json), ignoring the scan id and
the timestamps of the scan itself. Prints one line per input and, for a difference, the first differing paths.
Exit 0 when every report is identical, 1 otherwise."""
import json
import sys
from pathlib import Path

# Keys that change from run to run without any change in behaviour.
VOLATILE = {"scanId", "generatedAt", "previousScanId", "previousGeneratedAt"}


def normalise(node):
    if isinstance(node, dict):
        return {k: normalise(v) for k, v in node.items() if k not in VOLATILE}
    if isinstance(node, list):
        return [normalise(v) for v in node]
    return node


def differences(a, b, path="$", found=None, limit=8):
    found = [] if found is None else found
    if len(found) >= limit:
        return found
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                found.append(f"{path}.{key}: {'only in head' if key not in a else 'only in base'}")
            else:
                differences(a[key], b[key], f"{path}.{key}", found, limit)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            found.append(f"{path}: {len(a)} items in base, {len(b)} in head")
        for i, (x, y) in enumerate(zip(a, b)):
            differences(x, y, f"{path}[{i}]", found, limit)
    elif a != b:
        found.append(f"{path}: {json.dumps(a)[:120]} -> {json.dumps(b)[:120]}")
    return found


def load(folder):
    report = folder / "opportunities.json"
    return normalise(json.loads(report.read_text(encoding="utf-8"))) if report.exists() else None


def main(base, head):
    base, head = Path(base), Path(head)
    labels = sorted({p.name for p in base.iterdir() if p.is_dir()} | {p.name for p in head.iterdir() if p.is_dir()})
    differing = 0
    for label in labels:
        a, b = load(base / label), load(head / label)
        if a is None and b is None:
            print(f"{label}: no report in either (same)")
            continue
        if a == b:
            print(f"{label}: identical ({len(a['opportunities'])} opportunities)")
            continue
        differing += 1
        if a is None or b is None:
            print(f"{label}: DIFFERS, report only in {'head' if a is None else 'base'}")
            continue
        print(f"{label}: DIFFERS")
        for line in differences(a, b):
            print(f"    {line}")
    print(f"{len(labels)} scans, {len(labels) - differing} identical, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
