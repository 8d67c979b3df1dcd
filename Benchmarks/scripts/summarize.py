#!/usr/bin/env python3
"""Summarise the text output of `swift package benchmark` as one Markdown table.

Usage: swift package --package-path Benchmarks benchmark --no-progress | \
         python3 Benchmarks/scripts/summarize.py

One row per benchmark: wall clock minimum, p50 and p99, throughput p50, mallocs p50, the
CPU time of the `sos` child process (command-line benchmarks) and the number of
samples, in fixed units, so that figures of different runs line up in BENCHMARKS.md.
"""
import re
import sys

TIME = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
SCALE = {"": 1, "#": 1, "K": 1e3, "M": 1e6, "G": 1e9}


def scale_of(label):
    """The multiplier of a metric label such as 'Time (wall clock) (μs) *' or
    'sos CPU user+sys (us) (K)': times become milliseconds, K and M multiply."""
    factor = 1
    for unit in re.findall(r"\(([^()]*)\)", label):
        factor *= TIME.get(unit, SCALE.get(unit, 1))
    return factor


def parse(lines):
    rows, name, metrics = [], None, {}
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip("│").split("│")]
            if cells[0] == "Metric":
                continue
            label, values = cells[0], cells[1:]
            factor = scale_of(label)
            # Columns: p0 p25 p50 p75 p90 p99 p100 samples
            numbers = [float(v) * factor for v in values[:7]]
            metrics[label.split("(")[0].strip()] = numbers + [int(values[7])]
        elif line.startswith("╘"):
            rows.append((name, metrics))
            metrics = {}
        elif line and not line[0] in "╒╞├=" and "│" not in line:
            name = line.strip()
    return rows


def fmt_time(ms):
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 1:
        return f"{ms:.1f} ms"
    if ms >= 0.01:
        return f"{ms * 1000:.0f} µs"
    return f"{ms * 1000:.1f} µs"


def fmt_count(value):
    if value >= 10000:
        return f"{value / 1000:.0f} K"
    return f"{value:.0f}"


def main():
    rows = parse(sys.stdin)
    print(
        "| benchmark | min | p50 | p99 | throughput p50 (/s) | mallocs p50 "
        "| sos CPU p50 | samples |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, metrics in rows:
        wall = metrics.get("Time")
        if wall is None:
            continue
        throughput = metrics.get("Throughput")
        mallocs = metrics.get("Malloc")
        cpu = metrics.get("sos CPU user+sys")
        print(
            f"| {name} | {fmt_time(wall[0])} | {fmt_time(wall[2])} | {fmt_time(wall[5])} | "
            f"{fmt_count(throughput[2]) if throughput else '–'} | "
            f"{fmt_count(mallocs[2]) if mallocs else '–'} | "
            f"{fmt_time(cpu[2]) if cpu else '–'} | {wall[7]} |"
        )


if __name__ == "__main__":
    main()
