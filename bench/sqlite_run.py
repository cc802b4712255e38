#!/usr/bin/env python3
"""Times `targets export --format sqlite` against the Python import of
sqlite_import.py on the same folder, in turn (see bench/README.md, "The
SQLite export against a Python import").

    python3 bench/sqlite_run.py [--jurisdictions N] [--metrics M] [--months T]
                                [--seed S] [--as-of DATE] [--repeat R]

Needs only the standard library. Builds the release binary, writes the
folder with `targets synth` under target/bench-data/ (kept between runs),
then runs the two programs `--repeat` times, alternating which goes first,
and prints the median wall time, the peak resident memory (os.wait4) and
the file size of each, with the export's ratios to the import.
"""

import argparse
import pathlib
import platform
import sqlite3
import statistics
import subprocess
import sys

from run import ROOT, BENCH, machine, measure


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
            wall, rss = measure(commands[name], "/dev/null")
            runs[name].append((wall, rss))
            print(f"   {name:7} run {r + 1}: {wall:7.2f} s {rss:8.0f} MiB", flush=True)

    rows = args.jurisdictions * args.metrics * args.months
    print()
    print(f"{args.jurisdictions} × {args.metrics} × {args.months} = {rows:,} observations; "
          f"{machine()}; Python {platform.python_version()} with SQLite "
          f"{sqlite3.sqlite_version}")
    print()
    print(f"| program | wall time (s), median of {args.repeat} [min–max] | peak memory (MiB) "
          "| file (MB) |")
    print("|---|---|---|---|")
    med = {}
    for name, results in runs.items():
        walls = [w for w, _ in results]
        med[name] = (statistics.median(walls), statistics.median(m for _, m in results))
        print(f"| {name} | {med[name][0]:.2f} [{min(walls):.2f}–{max(walls):.2f}] "
              f"| {med[name][1]:.0f} | {files[name].stat().st_size / 1e6:,.0f} |")
    print()
    print(f"export / python: time {med['export'][0] / med['python'][0]:.2f}, "
          f"file {files['export'].stat().st_size / files['python'].stat().st_size:.2f}")


if __name__ == "__main__":
    main()
