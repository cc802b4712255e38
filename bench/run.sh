#!/usr/bin/env bash
# The benchmark of `targets progress` against polars and pandas (see
# bench/README.md). Installs polars and pandas from PyPI into a virtual
# environment under target/ on first use (the versions of
# bench/requirements.txt), then runs bench/run.py with the
# arguments given (--small for the 200 × 10 × 24 correctness check).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "bench: Python 3.11 or later is needed (tomllib)" >&2
        exit 2
    }
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
# The pinned versions (a no-op once they are installed).
"$venv/bin/pip" install --quiet -r bench/requirements.txt
exec "$venv/bin/python" bench/run.py "$@"
