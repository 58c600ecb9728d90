#!/usr/bin/env bash
# Whole-process throughput: `bin/nsglint lint` over the whole quickstart corpus against a plain Jackson parse of
# the same files (PlainParse, with the launcher's collector and C1-only compiler), interleaved in one run; then
# nsglint on one core (taskset) against two, for the parallel speed-up. Prints medians and ratios.
#   benchmarks/throughput.sh [RUNS] [FOLDER]   (FOLDER: default the quickstart corpus)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
corpus="${2:-$root/../shared/corpus/azure-quickstart-templates}"
bench="$root/benchmarks/target/benchmarks.jar"
[ -f "$bench" ] || (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
"$root/bin/nsglint" lint "$corpus" >/dev/null 2>&1 || true   # build jar and archive outside the timing

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

parse=(); lint=(); one=()
for ((i = 0; i < runs; i++)); do
  parse+=("$(ms java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp "$bench" io.github.nsglint.benchmarks.PlainParse "$corpus")")
  lint+=("$(ms "$root/bin/nsglint" lint "$corpus")")
  one+=("$(ms taskset -c 0 "$root/bin/nsglint" lint "$corpus")")
done
p=$(printf '%s\n' "${parse[@]}" | median)
l=$(printf '%s\n' "${lint[@]}" | median)
o=$(printf '%s\n' "${one[@]}" | median)
echo "corpus: $(find "$corpus" -name '*.json' | wc -l) files, $(du -sh "$corpus" | cut -f1); runs: $runs interleaved; $(nproc) cores"
# Each run's lint over the parse just before it, too: the machine's speed drifts between runs, and a pair run
# back to back shares the drift. Median and the middle half of those ratios.
paired=$(for ((i = 0; i < runs; i++)); do awk -v l="${lint[$i]}" -v p="${parse[$i]}" 'BEGIN {printf "%.3f\n", l / p}'; done \
  | sort -n | awk '{a[NR]=$1} END {printf "%.2fx (middle half %.2f-%.2fx)", a[int((NR+1)/2)], a[int(NR/4)+1], a[int(3*NR/4)+1]}')
awk -v p="$p" -v l="$l" -v o="$o" -v paired="$paired" 'BEGIN {
  printf "plain Jackson parse (whole process)      median %5d ms\n", p
  printf "bin/nsglint lint, 2 cores                median %5d ms  %.2fx the parse; run by run %s\n", l, l / p, paired
  printf "bin/nsglint lint, 1 core (taskset)       median %5d ms  speed-up 1 -> 2 cores %.2fx\n", o, o / l
}'
