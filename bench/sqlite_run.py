#!/usr/bin/env python3
"""Times `targets export --format sqlite` against the Python import of
sqlite_import.py on the same folder, in turn (see bench/README.md, "The
SQLite export against a Python import").

    python3 bench/sqlite_run.py [--jurisdictions N] [--metrics M] [--months T]
                                [--seed S] [--as-of DATE] [--repeat R]

Needs only the standard library. Builds the release binary, writes the
folder with `targets synth` under target/bench-data/ (kept between runs),
then runs the two programs `--repeat` times, alternating which goes first,
and prints the median wall time, the median CPU time (user, and user with
system), the peak resident memory (all by os.wait4) and the file size of
each, with the export's ratios to the import.
"""

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time

from run import ROOT, BENCH, machine


def measure(cmd):
    """(wall seconds, peak RSS in MiB, user CPU seconds, system CPU
    seconds) of one run of cmd, its output discarded."""
    with open(os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime, usage.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jurisdictions", type=int, default=3200)
    p.add_argument("--metrics", type=int, default=50)
    p.add_argument("--months", type=int, default=24)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as-of", default="2025-06-30")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    targets = ROOT / "target" / "release" / "targets"
    size = f"{args.jurisdictions}x{args.metrics}x{args.months}-seed{args.seed}"
    data = ROOT / "target" / "bench-data" / size
    if not (data / "observations.csv").exists():
        subprocess.run([targets, "synth", "--jurisdictions", str(args.jurisdictions),
                        "--metrics", str(args.metrics), "--months", str(args.months),
                        "--seed", str(args.seed), data], check=True)
    out = ROOT / "target" / "bench-out"
    out.mkdir(parents=True, exist_ok=True)
    files = {"export": out / "export.db", "python": out / "python.db"}
    commands = {
        "export": [targets, "--data", data, "export", "--format", "sqlite", files["export"],
                   "--as-of", args.as_of],
        "python": [sys.executable, BENCH / "sqlite_import.py", data, files["python"]],
    }
    runs = {name: [] for name in commands}
    names = list(commands)
    for r in range(args.repeat):
        for name in names[r % 2:] + names[:r % 2]:
            files[name].unlink(missing_ok=True)
            wall, rss, user, system = measure(commands[name])
            runs[name].append((wall, rss, user, user + system))
            print(f"   {name:7} run {r + 1}: {wall:7.2f} s {rss:8.0f} MiB "
                  f"(CPU {user:.2f} s user, {user + system:.2f} s with system)", flush=True)

    rows = args.jurisdictions * args.metrics * args.months
    print()
    print(f"{args.jurisdictions} × {args.metrics} × {args.months} = {rows:,} observations; "
          f"{machine()}; Python {platform.python_version()} with SQLite "
          f"{sqlite3.sqlite_version}")
    print()
    print(f"| program | wall time (s), median of {args.repeat} [min–max] | user CPU (s) "
          "| user + system CPU (s) | peak memory (MiB) | file (MB) |")
    print("|---|---|---|---|---|---|")
    med = {}
    for name, results in runs.items():
        walls = [w for w, *_ in results]
        med[name] = [statistics.median(column) for column in zip(*results)]
        wall, rss, user, cpu = med[name]
        print(f"| {name} | {wall:.2f} [{min(walls):.2f}–{max(walls):.2f}] | {user:.2f} "
              f"| {cpu:.2f} | {rss:.0f} | {files[name].stat().st_size / 1e6:,.0f} |")
    print()
    ratio = [e / p for e, p in zip(med["export"], med["python"])]
    print(f"export / python: wall time {ratio[0]:.2f}, user CPU {ratio[2]:.2f}, "
          f"user + system CPU {ratio[3]:.2f}, "
          f"file {files['export'].stat().st_size / files['python'].stat().st_size:.2f}")


if __name__ == "__main__":
    main()
