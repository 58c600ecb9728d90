#!/usr/bin/env bash
# Whole-process cold start: a single-file `nsglint lint` against `java -version`, interleaved in one run so that
# machine noise hits both alike; prints the median wall time of each and their ratio.
#   benchmarks/cold-start.sh [RUNS] [OLDER-NSGLINT-JAR]   (the jar of an earlier build, to compare with)
# Uses bin/nsglint (which builds the jar and its class-data archive first if they are stale).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
older="${2:-}"
fixture="$root/fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json"
"$root/bin/nsglint" lint "$fixture" >/dev/null 2>&1 || true   # build (if needed) outside the timing

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

jv=(); nl=(); pj=(); oj=()
for ((i = 0; i < runs; i++)); do
  jv+=("$(ms java -version)")
  nl+=("$(ms "$root/bin/nsglint" lint "$fixture")")
  pj+=("$(ms java -jar "$root/cli/target/nsglint.jar" lint "$fixture")")
  if [ -n "$older" ]; then oj+=("$(ms java -jar "$older" lint "$fixture")"); fi
done
j=$(printf '%s\n' "${jv[@]}" | median)
n=$(printf '%s\n' "${nl[@]}" | median)
p=$(printf '%s\n' "${pj[@]}" | median)
echo "runs: $runs (interleaved), machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
awk -v j="$j" -v n="$n" -v p="$p" 'BEGIN {
  printf "java -version                                   median %5d ms\n", j
  printf "bin/nsglint lint (AppCDS, C1, parallel GC)      median %5d ms  %4.1fx java -version\n", n, n / j
  printf "java -jar nsglint.jar lint (JVM defaults)       median %5d ms  %4.1fx java -version\n", p, p / j
}'
if [ -n "$older" ]; then
  o=$(printf '%s\n' "${oj[@]}" | median)
  awk -v j="$j" -v o="$o" -v f="$older" 'BEGIN {
    printf "java -jar %s lint   median %5d ms  %4.1fx java -version\n", f, o, o / j }'
fi
