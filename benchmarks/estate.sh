#!/usr/bin/env bash
# A synthetic estate, linted whole by bin/nsglint: wall time and peak memory as the number of templates grows
# (20 NSGs of 200 rules each) and as the rules per NSG grow (10 templates).
#   benchmarks/estate.sh [TEMPLATE-COUNTS] [RULE-COUNTS]    e.g. benchmarks/estate.sh "5 10 20" "50 100 200"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
counts="${1:-5 10 20}"
rules="${2:-50 100 200}"
bench="$root/benchmarks/target/benchmarks.jar"
[ -f "$bench" ] || (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
"$root/bin/nsglint" --version >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/nsglint-estate.XXXXXX")"
trap 'rm -rf "$work"' EXIT

run() { # templates nsgs rules
  local dir="$work/$1-$2-$3"
  java -cp "$bench" io.github.nsglint.benchmarks.SyntheticEstate "$dir" "$1" "$2" "$3"
  local out
  /usr/bin/time -o "$work/time" -f "%e %M" "$root/bin/nsglint" lint -f github -o /dev/null "$dir" >/dev/null 2>&1 || true
  out=$(tail -1 "$work/time")
  printf "%5d templates  %3d NSGs x %4d rules  %8s  %6.1f s  %6d MB\n" "$1" "$2" "$3" "$(du -sh "$dir" | cut -f1)" \
      "${out% *}" "$(( ${out#* } / 1024 ))"
}
echo "$(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
for n in $counts; do run "$n" 20 200; done
for r in $rules; do run 10 20 "$r"; done
