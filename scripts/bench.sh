#!/usr/bin/env bash
# Extraction throughput over the bulk corpus (../shared/corpus/bulk/*.jsonl, 34 MB):
# MB/s on one thread and on all cores, and peak memory (maximum resident set size), for
#   factcheck extract --jsonl - --format json > /dev/null
# with the shipped rules.
#
# Usage: scripts/bench.sh [SHARED_DIR]   (default: $FACTCHECK_SHARED, else ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-${FACTCHECK_SHARED:-../shared}}
files=("$shared"/corpus/bulk/*.jsonl)
[ -e "${files[0]}" ] || { echo "no corpus under $shared/corpus/bulk" >&2; exit 1; }
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/factcheck
bytes=$(cat "${files[@]}" | wc -c)
corpus=$(mktemp)
trap 'rm -f "$corpus" "$corpus.time"' EXIT
cat "${files[@]}" > "$corpus"
facts=$("$bin" extract --jsonl "$corpus" --format json 2>/dev/null | wc -l)
echo "corpus: ${#files[@]} files, $bytes bytes, $facts facts"
run() {
  local threads=$1 label=$2
  # Best of three, each a fresh process.
  local best=""
  for _ in 1 2 3; do
    RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" extract --jsonl "$corpus" --format json \
      > /dev/null 2> "$corpus.time"
    local secs rss cpu
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$corpus.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$corpus.time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$corpus.time")
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_rss=$rss; best_cpu=$cpu; fi
  done
  # Wall-clock MB/s, and MB per CPU-second (per core, unaffected by other load on the machine).
  awk -v b="$bytes" -v s="$best" -v r="$best_rss" -v c="$best_cpu" -v l="$label" \
    'BEGIN { printf "%-10s %7.3f s  %8.1f MB/s wall  %8.1f MB/s per CPU-second  peak RSS %6.1f MB\n", l, s, b/1e6/s, b/1e6/c, r/1024 }'
}
run 1 "1 thread"
run "$(nproc)" "$(nproc) threads"
