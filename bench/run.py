"""Runs `targets progress`, the polars script and the pandas script on the
same synthetic data folder, checks that their outputs agree, and prints the
wall time and peak memory of each, as ratios to polars measured in the same
run.

    python bench/run.py [--jurisdictions N] [--metrics M] [--months T]
                        [--seed S] [--as-of DATE] [--repeat R] [--small]
    python bench/run.py --grid [1,3,12,24,60] [--repeat R] [--as-of DATE]

With --grid, the three tools run on 3,200 × 50 × each number of months in
turn, and one table gives, per size, the time and memory of each and the
ratios to polars.

Run it through bench/run.sh, which installs polars and pandas in a virtual
environment first. The data folder is written by `targets synth` under
target/bench-data/ (kept between runs); outputs go to target/bench-out/.

Each tool runs `--repeat` times, the three in turn (so that a slow spell of
the machine falls on all of them); the table shows the median wall time
(with the fastest and slowest) and the median peak resident memory of the
whole process (for Python: the interpreter and its libraries included).
Wall time and peak memory are measured with os.wait4 on each child.
"""

import argparse
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# The months of the size grid (--grid): 3,200 × 50 × each.
GRID = [1, 3, 12, 24, 60]


def measure(cmd, stdout_path):
    """(wall seconds, peak RSS in MiB) of one run of cmd."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem}, {platform.system()} {platform.release()}"


def versions():
    import pandas
    import polars

    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{rustc}; Python {platform.python_version()}, polars {polars.__version__}, "
            f"pandas {pandas.__version__}")


def build():
    print("== cargo build --release", flush=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "targets"


def run_size(targets, jurisdictions, metrics, months, seed, as_of, repeat):
    """Runs the three tools on one size; returns (rows, medians by tool, runs
    by tool, whether the outputs agree)."""
    size = f"{jurisdictions}x{metrics}x{months}-seed{seed}"
    data = ROOT / "target" / "bench-data" / size
    if not (data / "observations.csv").is_file():
        print(f"== targets synth {size}", flush=True)
        subprocess.run([targets, "synth", "--jurisdictions", str(jurisdictions),
                        "--metrics", str(metrics), "--months", str(months),
                        "--seed", str(seed), data], check=True)
    observations = (data / "observations.csv").stat().st_size
    rows = jurisdictions * metrics * months

    out = ROOT / "target" / "bench-out"
    out.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    tools = {
        "policy-targets": lambda path: (
            [targets, "progress", "--data", data, "--as-of", as_of, "--format", "csv"], path),
        "polars": lambda path: (
            [python, BENCH / "progress_polars.py", data, as_of, path], os.devnull),
        "pandas": lambda path: (
            [python, BENCH / "progress_pandas.py", data, as_of, path], os.devnull),
    }
    results = {name: [] for name in tools}
    print(f"== {rows:,} observations ({observations / 1e6:.0f} MB), as of {as_of}, "
          f"{repeat} run(s) each", flush=True)
    names = list(tools)
    for r in range(repeat):
        order = names[r % 3:] + names[:r % 3]
        for name in order:
            path = out / f"{name}.csv"
            cmd, stdout = tools[name](path)
            wall, rss = measure(cmd, stdout if stdout == os.devnull else path)
            results[name].append((wall, rss))
            print(f"   {name:15} run {r + 1}: {wall:7.2f} s {rss:8.0f} MiB", flush=True)

    print("== outputs agree?", flush=True)
    check = subprocess.run([python, BENCH / "compare.py", out / "policy-targets.csv",
                            out / "polars.csv", out / "pandas.csv"])
    med = {n: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v))
           for n, v in results.items()}
    return rows, med, results, check.returncode == 0


def grid(args, targets):
    """One table over the sizes 3,200 × 50 × GRID months."""
    lines = []
    agree = True
    for months in GRID:
        rows, med, _, ok = run_size(targets, 3200, 50, months, args.seed, args.as_of,
                                    args.repeat)
        agree &= ok
        pw, pm = med["polars"]
        line = f"| {months} | {rows / 1e6:.2f} M |"
        for name in ["policy-targets", "polars", "pandas"]:
            wall, mem = med[name]
            line += f" {wall:.2f} s, {mem:.0f} MiB |"
        tw, tm = med["policy-targets"]
        dw, dm = med["pandas"]
        line += f" {tw / pw:.2f} | {tm / pm:.2f} | {dw / pw:.2f} | {dm / pm:.2f} |"
        lines.append(line)
    print()
    print(f"3,200 jurisdictions × 50 metrics (160,000 targets), as of {args.as_of}; median of "
          f"{args.repeat} run(s) each, the three tools in turn; {machine()}")
    print(versions())
    print()
    print("| months | observations | policy-targets | polars | pandas "
          "| time / polars | memory / polars | pandas time / polars | pandas memory / polars |")
    print("|---|---|---|---|---|---|---|---|---|")
    for line in lines:
        print(line)
    sys.exit(0 if agree else 1)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jurisdictions", type=int, default=3200)
    p.add_argument("--metrics", type=int, default=50)
    p.add_argument("--months", type=int, default=60)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as-of", default=None,
                   help="default 2025-06-30; with --grid 2025-12-31 (the last month "
                        "of the figures, so that even one month of them counts)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--small", action="store_true",
                   help="200 × 10 × 24, once: the correctness check run in CI")
    p.add_argument("--grid", nargs="?", const=",".join(map(str, GRID)), default=None,
                   metavar="MONTHS",
                   help="3,200 × 50 × each of these months (default 1,3,12,24,60), "
                        "one table")
    args = p.parse_args()
    if args.small:
        args.jurisdictions, args.metrics, args.months, args.repeat = 200, 10, 24, 1
    targets = build()
    if args.grid is not None:
        GRID[:] = [int(m) for m in args.grid.split(",")]
        args.as_of = args.as_of or "2025-12-31"
        grid(args, targets)
    args.as_of = args.as_of or "2025-06-30"

    rows, med, results, ok = run_size(targets, args.jurisdictions, args.metrics, args.months,
                                      args.seed, args.as_of, args.repeat)
    base_wall, base_mem = med["polars"]
    print()
    print(f"{args.jurisdictions} jurisdictions × {args.metrics} metrics × {args.months} months "
          f"= {rows:,} observations; {machine()}")
    print(versions())
    print()
    print(f"| tool | wall time (s), median of {args.repeat} [min–max] | peak memory (MiB) "
          "| time / polars | memory / polars |")
    print("|---|---|---|---|---|")
    for name, runs in results.items():
        walls = [w for w, _ in runs]
        wall, mem = med[name]
        print(f"| {name} | {wall:.2f} [{min(walls):.2f}–{max(walls):.2f}] | {mem:.0f} "
              f"| {wall / base_wall:.2f} | {mem / base_mem:.2f} |")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
