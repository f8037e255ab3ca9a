#!/usr/bin/env bash
# Syntax throughput and memory: `factcheck parse --from conllu` over UD English EWT (train, dev
# and test concatenated, then that four times: ~1M words; words per second with start-up and
# model loading included, CPU seconds, peak memory) with 1 and 2 threads; start-up alone (`parse`
# of a one-sentence article: process start, loading the embedded model, one parse); and
# `parse --from text` over the corpus articles (MB/s). Each figure is the best of three runs.
# The machine may be shared: CPU seconds (user + sys) are printed next to wall time.
#
# Usage: scripts/bench-syntax.sh [SHARED_DIR]   (default: $FACTCHECK_SHARED, else ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-${FACTCHECK_SHARED:-../shared}}
ewt="$shared/ud/en_ewt"
[ -e "$ewt/en_ewt-ud-train.conllu" ] || { echo "no treebank under $ewt" >&2; exit 1; }
cargo build --release --quiet --bin factcheck
bin=${CARGO_TARGET_DIR:-target}/release/factcheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in 1 2 3 4; do cat "$ewt"/en_ewt-ud-{train,dev,test}.conllu; done > "$tmp/ewt.conllu"
words=$(grep -cP '^\d+\t' "$tmp/ewt.conllu")
mb=$(awk "BEGIN{printf \"%.0f\", $(wc -c < "$tmp/ewt.conllu")/1e6}")
secs() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
best() { # best of three runs of "$@"; the best run's /usr/bin/time report in $tmp/best
  local b="" s
  for _ in 1 2 3; do
    /usr/bin/time -v "$@" > /dev/null 2> "$tmp/time"
    s=$(secs "$tmp/time")
    if [ -z "$b" ] || awk "BEGIN{exit !($s < $b)}"; then b=$s; cp "$tmp/time" "$tmp/best"; fi
  done
  echo "$b"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  s=$(RAYON_NUM_THREADS=$threads best "$bin" parse --from conllu "$tmp/ewt.conllu")
  c=$(cpu "$tmp/best")
  echo "parse --from conllu, $threads thread(s): $words words ($mb MB) in ${s}s wall, ${c}s CPU:" \
    "$(awk "BEGIN{printf \"%.0f\", $words/$s}") words/s," \
    "$(awk "BEGIN{printf \"%.0f\", $words/$c}") words/CPU-s, peak RSS $(rss "$tmp/best") MB"
done
echo "Poland expelled 45 Russian diplomats on Tuesday." > "$tmp/one.txt"
s=$(best "$bin" parse "$tmp/one.txt")
echo "start-up (process, model loading, one sentence): ${s}s wall, $(cpu "$tmp/best")s CPU," \
  "peak RSS $(rss "$tmp/best") MB"
if ls "$shared"/corpus/articles/*.txt > /dev/null 2>&1; then
  bytes=$(cat "$shared"/corpus/articles/*.txt | wc -c)
  s=$(best "$bin" parse "$shared"/corpus/articles/*.txt)
  echo "parse --from text, corpus articles: $bytes bytes in ${s}s wall, $(cpu "$tmp/best")s CPU" \
    "= $(awk "BEGIN{printf \"%.2f\", $bytes/$s/1e6}") MB/s"
fi
