#!/usr/bin/env bash
# Syntax throughput and memory: `factcheck parse --from conllu` over UD English EWT (train, dev
# and test concatenated, ~254k words; words per second with start-up and model loading
# included, peak memory), start-up alone (`parse` of empty input: loading the embedded model),
# and `parse --from text` over the corpus articles (MB/s).
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
cat "$ewt"/en_ewt-ud-{train,dev,test}.conllu > "$tmp/ewt.conllu"
words=$(grep -cP '^\d+\t' "$tmp/ewt.conllu")
secs() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
best() { # best of three runs of "$@" (stdin from /dev/null unless redirected by the caller)
  local b="" s
  for _ in 1 2 3; do
    /usr/bin/time -v "$@" > /dev/null 2> "$tmp/time"
    s=$(secs "$tmp/time")
    if [ -z "$b" ] || awk "BEGIN{exit !($s < $b)}"; then b=$s; cp "$tmp/time" "$tmp/best"; fi
  done
  echo "$b"
}
for threads in 1 2; do
  s=$(RAYON_NUM_THREADS=$threads best "$bin" parse --from conllu "$tmp/ewt.conllu")
  echo "parse --from conllu, $threads thread(s): $words words in ${s}s = $(awk "BEGIN{printf \"%.0f\", $words/$s}") words/s, peak RSS $(rss "$tmp/best") KB"
done
: > "$tmp/empty"
s=$(best "$bin" parse "$tmp/empty")
echo "start-up (model loading included): ${s}s, peak RSS $(rss "$tmp/best") KB"
if ls "$shared"/corpus/articles/*.txt > /dev/null 2>&1; then
  bytes=$(cat "$shared"/corpus/articles/*.txt | wc -c)
  s=$(best "$bin" parse "$shared"/corpus/articles/*.txt)
  echo "parse --from text, corpus articles: $bytes bytes in ${s}s = $(awk "BEGIN{printf \"%.2f\", $bytes/$s/1e6}") MB/s"
fi
