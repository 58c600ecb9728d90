#!/usr/bin/env bash
# Two builds side by side, as bin/nsglint runs them: each jar gets its own static class-data archive (a training
# run over fixtures/, then -Xshare:dump, as the launcher makes it) and runs with the launcher's flags for the size
# of the input (parallel GC; up to 256 MiB C1 only, one compiler thread on <= 2 cores; up to 1 GiB C2 inlining
# less; beyond, C2 as the JVM sets it), then NSGLINT_JAVA_OPTS, as the launcher passes it. Runs alternate between
# the two, first one then the other, so the machine's drift hits both alike. Prints each median, their ratio, the
# median of the run-by-run ratios, and how often the second jar was the faster.
#   benchmarks/compare-jars.sh RUNS OLDER.jar NEWER.jar [nsglint arguments; default: lint the quickstart corpus]
# e.g. cp cli/target/nsglint.jar /tmp/before.jar; (change, mvn -pl cli -am package); then
#      benchmarks/compare-jars.sh 15 /tmp/before.jar cli/target/nsglint.jar
#      NSGLINT_JAVA_OPTS=-Xmx900m benchmarks/compare-jars.sh 6 /tmp/before.jar cli/target/nsglint.jar \
#          lint -f github -o /dev/null /tmp/t2000
# The launcher's flags are repeated here (a benchmark of two jars cannot use the launcher, which runs
# cli/target/nsglint.jar): if they change there, change them here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 3 ] || { echo "usage: $0 RUNS OLDER.jar NEWER.jar [nsglint arguments]" >&2; exit 2; }
runs="$1"; a="$2"; b="$3"; shift 3
[ $# -gt 0 ] || set -- lint "$root/../shared/corpus/azure-quickstart-templates"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

flags=(-XX:+UseParallelGC -XX:-UsePerfData)
archive() { # JAR NAME: a static archive for the jar, made as bin/nsglint makes it
  java "${flags[@]}" -Xshare:off -XX:DumpLoadedClassList="$work/$2.classlist" -jar "$1" lint "$root/fixtures" \
      >/dev/null 2>&1 || true
  java "${flags[@]}" -Xshare:dump -XX:SharedClassListFile="$work/$2.classlist" -XX:SharedArchiveFile="$work/$2.jsa" \
      -cp "$1" >/dev/null 2>&1
}
archive "$a" older
archive "$b" newer
flags+=(-Xshare:auto -Xlog:cds=off)
bytes=0 # the JSON the paths among the arguments hold, counted as the launcher counts it
for arg in "$@"; do
  if [ -d "$arg" ]; then
    bytes=$((bytes + $(find -L "$arg" -type f -name '*.json' -printf '%s\n' | awk '{t += $1} END {printf "%d", t}')))
  elif [ -f "$arg" ]; then
    bytes=$((bytes + $(stat -L -c '%s' "$arg")))
  fi
done
if [ "$bytes" -le $((256 * 1024 * 1024)) ]; then
  flags+=(-XX:TieredStopAtLevel=1)
  if [ "$(nproc)" -le 2 ]; then flags+=(-XX:CICompilerCount=1); fi
elif [ "$bytes" -le $((1024 * 1024 * 1024)) ]; then
  flags+=(-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:MaxInlineLevel=6)
fi
# shellcheck disable=SC2206 # split as the launcher splits it
flags+=(${NSGLINT_JAVA_OPTS:-})

ms() { # JAR NAME: one run's wall time
  local s e
  s=$(date +%s%N)
  java "${flags[@]}" -XX:SharedArchiveFile="$work/$2.jsa" -jar "$1" "${args[@]}" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
args=("$@")
older=(); newer=()
for ((i = 0; i < runs; i++)); do
  if (( i % 2 )); then newer+=("$(ms "$b" newer)"); older+=("$(ms "$a" older)")
  else older+=("$(ms "$a" older)"); newer+=("$(ms "$b" newer)"); fi
done
median() { sort -n | awk '{x[NR]=$1} END {print (NR % 2) ? x[(NR+1)/2] : (x[NR/2] + x[NR/2+1]) / 2}'; }
mo=$(printf '%s\n' "${older[@]}" | median)
mn=$(printf '%s\n' "${newer[@]}" | median)
faster=0
for ((i = 0; i < runs; i++)); do (( newer[i] < older[i] )) && faster=$((faster + 1)); done
paired=$(for ((i = 0; i < runs; i++)); do awk -v n="${newer[$i]}" -v o="${older[$i]}" 'BEGIN {printf "%.3f\n", n / o}'; done \
  | median)
echo "runs: $runs interleaved; $(nproc) cores; $((bytes / 1024 / 1024)) MiB of JSON; nsglint ${args[*]}"
echo "older: ${older[*]} ms"
echo "newer: ${newer[*]} ms"
awk -v mo="$mo" -v mn="$mn" -v p="$paired" -v f="$faster" -v r="$runs" -v a="$a" -v b="$b" 'BEGIN {
  printf "older  %-50s median %6d ms\n", a, mo
  printf "newer  %-50s median %6d ms  %.3fx of the older; run by run %.3fx; faster in %d of %d\n", b, mn, mn / mo, p, f, r
}'
