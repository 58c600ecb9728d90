#!/usr/bin/env bash
# Whole-process cold start: a single-file `nsglint lint` against `java -version` of the same JDK, interleaved in
# one run so that machine noise hits both alike; prints the median wall time of each and their ratio, for each
# JDK given (default: every JDK under /usr/lib/jvm, as bin/nsglint would pick it with NSGLINT_JAVA).
#   benchmarks/cold-start.sh [RUNS] [JAVA ...]      e.g. benchmarks/cold-start.sh 21 /usr/lib/jvm/*/bin/java
# Uses bin/nsglint (which builds the jar and its cache first if they are stale).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
shift || true
javas=("$@")
if [ ${#javas[@]} -eq 0 ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] && [ ! -L "$(dirname "$(dirname "$j")")" ] && javas+=("$j")
  done
fi
fixture="$root/fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

echo "runs: $runs (interleaved), machine: $(nproc) cores"
for java in "${javas[@]}"; do
  # Build the jar and this JVM's cache outside the timing.
  NSGLINT_JAVA="$java" "$root/bin/nsglint" lint "$fixture" >/dev/null 2>&1 || true
  jv=(); nl=()
  for ((i = 0; i < runs; i++)); do
    jv+=("$(ms "$java" -version)")
    nl+=("$(ms env NSGLINT_JAVA="$java" "$root/bin/nsglint" lint "$fixture")")
  done
  j=$(printf '%s\n' "${jv[@]}" | median)
  n=$(printf '%s\n' "${nl[@]}" | median)
  awk -v j="$j" -v n="$n" -v v="$("$java" -version 2>&1 | head -1)" 'BEGIN {
    printf "%s\n  java -version      median %5d ms\n  bin/nsglint lint   median %5d ms  %4.1fx java -version\n", v, j, n, n / j }'
done
