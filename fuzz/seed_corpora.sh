#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the bundled data (targets/), the bad-data
# fixtures and the newsletter text. Run from anywhere; safe to run again.
set -euo pipefail
export LC_ALL=C.UTF-8
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
corpus="$fuzz/corpus"
mkdir -p "$corpus/quantity" "$corpus/toml_source" "$corpus/toml_any" "$corpus/extract" "$corpus/csv_tables"

# toml_source: every source file, good and bad.
for f in "$root"/targets/sources/*.toml "$root"/tests/fixtures/good/*/sources/*.toml \
    "$root"/tests/fixtures/bad/*/sources/*.toml; do
    [ -f "$f" ] || continue
    cp "$f" "$corpus/toml_source/$(basename "$(dirname "$(dirname "$f")")")_$(basename "$f")"
done

# toml_any: the first byte picks the file (even: jurisdictions.toml, odd: metrics.toml).
for f in "$root"/targets/jurisdictions.toml "$root"/tests/fixtures/*/*/jurisdictions.toml; do
    [ -f "$f" ] || continue
    { printf '\x00'; cat "$f"; } >"$corpus/toml_any/j_$(basename "$(dirname "$f")")"
done
for f in "$root"/targets/metrics.toml "$root"/tests/fixtures/*/*/metrics.toml; do
    [ -f "$f" ] || continue
    { printf '\x01'; cat "$f"; } >"$corpus/toml_any/m_$(basename "$(dirname "$f")")"
done

# quantity: the values of the data files (value and unit joined with `|`, the
# target's split form, and joined, the written form) and the amounts of the newsletter.
write() {
    printf '%s' "$1" >"$corpus/quantity/$(printf '%s' "$1" | sha1sum | cut -c1-16)"
}
while IFS= read -r file; do
    value=""
    while IFS= read -r line; do
        case "$line" in
        value\ =* | upper\ =*)
            value="${line#*= }"
            value="${value//\"/}"
            write "$value"
            ;;
        unit\ =*)
            unit="${line#*= }"
            unit="${unit//\"/}"
            if [ -n "$value" ]; then
                write "$value|$unit"
                write "$value$unit"
            fi
            value=""
            ;;
        esac
    done <"$file"
done < <(find "$root/targets" -name '*.toml')
grep -oE '[0-9.,]+ ?(万亿|千亿|百亿|亿|万|千|百)?(个|家|项|项次|件|款|座|条|套|台|次|批|所|类|种|部|篇|TB|GB|PB|EB|元|人|名|%|PFLOPS|PFlops|EFLOPS|TFLOPS)' \
    "$root/tests/fixtures/newsletter_2025_05.txt" | sort -u | while IFS= read -r q; do
    write "$q"
done
grep -oE '[零〇一二两三四五六七八九十百千万亿]+(个|家|项|人|元|亿元|万元)' \
    "$root/tests/fixtures/newsletter_2025_05.txt" | sort -u | while IFS= read -r q; do
    write "$q"
done
# extract: the newsletter, whole and one paragraph a seed, and the quotes of the data.
newsletter="$root/tests/fixtures/newsletter_2025_05.txt"
cp "$newsletter" "$corpus/extract/newsletter"
awk -v dir="$corpus/extract" 'BEGIN { RS = ""; n = 0 } { n++; print > (dir "/paragraph_" n) }' "$newsletter"
grep -h '^quote = ' "$root"/targets/sources/*.toml | sed 's/^quote = "//; s/"$//' | sort -u |
    while IFS= read -r q; do
        printf '%s' "$q" >"$corpus/extract/$(printf '%s' "$q" | sha1sum | cut -c1-16)"
    done

# csv_tables: the first byte picks the file (even: observations.csv, odd: targets.csv).
for f in "$root"/tests/fixtures/bulk/*/observations.csv; do
    { printf '\x00'; cat "$f"; } >"$corpus/csv_tables/o_$(basename "$(dirname "$f")")"
done
for f in "$root"/tests/fixtures/bulk/*/targets.csv; do
    { printf '\x01'; cat "$f"; } >"$corpus/csv_tables/t_$(basename "$(dirname "$f")")"
done

for target in quantity toml_source toml_any extract csv_tables; do
    echo "$target: $(find "$corpus/$target" -type f | wc -l) seeds"
done
