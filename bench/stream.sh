#!/usr/bin/env bash
# Peak memory and wall time of the commands that read a bulk folder, for two
# builds of `targets` run in turn: `export --format json|datapackage|csv`,
# `report` and `progress --format csv`.
#
#   bench/stream.sh OLD_BINARY NEW_BINARY DATA_DIR [RUNS] [AS_OF] [NAMES]
#
# NAMES (comma-separated: json,datapackage,csv,report,progress_csv) picks
# some of the commands; all by default.
# Each command runs RUNS times (3 by default) for each binary, old and new
# alternating; the outputs of the two are compared by hash (they must be
# the same bytes). Prints, per command, the median wall time and peak
# resident memory of each binary and the ratios new / old. Needs GNU time
# (/usr/bin/time -v).
set -euo pipefail

old=$1
new=$2
data=$3
runs=${4:-3}
as_of=${5:-2025-12-31}
names=${6:-json,datapackage,csv,report,progress_csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The arguments of each command; OUT is replaced by the output path.
commands=(
  "json|export --format json --data $data -o OUT"
  "datapackage|export --format datapackage OUT --data $data"
  "csv|export --format csv --data $data -o OUT"
  "report|report --data $data --as-of $as_of --lang en --subject 110101"
  "progress_csv|progress --format csv --data $data --as-of $as_of -o OUT"
)

# Runs `binary` with `args`; prints "seconds kib hash".
measure() {
  local binary=$1 args=$2 out="$work/out"
  rm -rf "$out" "$work/stdout"
  local expanded=${args//OUT/$out}
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time" "$binary" $expanded >"$work/stdout"
  local wall kib hash
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time" |
    awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  if [ -d "$out" ]; then
    hash=$(cd "$out" && sha256sum -- * | sha256sum | cut -c1-16)
  elif [ -f "$out" ]; then
    hash=$(sha256sum "$out" | cut -c1-16)
  else
    hash=$(sha256sum "$work/stdout" | cut -c1-16)
  fi
  echo "$wall $kib $hash"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-13s %9s %9s %10s %10s %6s %6s\n' command old_s new_s old_MiB new_MiB time mem
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  case ",$names," in *",$name,"*) ;; *) continue ;; esac
  : >"$work/old" && : >"$work/new"
  for _ in $(seq "$runs"); do
    measure "$old" "$args" >>"$work/old"
    measure "$new" "$args" >>"$work/new"
  done
  if [ "$(cut -d' ' -f3 "$work/old" | sort -u)" != "$(cut -d' ' -f3 "$work/new" | sort -u)" ]; then
    echo "$name: the outputs differ" >&2
    exit 1
  fi
  ot=$(cut -d' ' -f1 "$work/old" | median)
  nt=$(cut -d' ' -f1 "$work/new" | median)
  om=$(cut -d' ' -f2 "$work/old" | median)
  nm=$(cut -d' ' -f2 "$work/new" | median)
  awk -v n="$name" -v ot="$ot" -v nt="$nt" -v om="$om" -v nm="$nm" 'BEGIN {
    printf "%-13s %9.2f %9.2f %10.0f %10.0f %6.2f %6.3f\n", n, ot, nt, om / 1024, nm / 1024, nt / ot, nm / om
  }'
done
