#!/usr/bin/env bash
# Peak memory for a 10,000-article corpus (issue 5; floor: peak RSS ≤ 3× the corpus size on disk).
#
#   scripts/memory.sh [N]        (default N = 10000)
#
# Generates the corpus once (examples/gen_corpus, seed 1, into target/bench-corpus/), then measures
# the release binary under /usr/bin/time -v in two ways that load and analyse every article:
#   1. headless: `byline analyze --format json DIR > /dev/null`;
#   2. the reader in a detached tmux session (120×40), until the status bar no longer shows
#      "analysing i/N", then `q`.
# Prints the peak RSS of each, the corpus size (sum of file sizes, and disk usage), and the ratio.
set -euo pipefail

n=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
dir=$target/bench-corpus/articles-$n-seed1

if [[ ! -x /usr/bin/time ]]; then
    echo "memory.sh: /usr/bin/time is missing (apt-get install time)" >&2
    exit 2
fi

cargo build --release --quiet --bin byline --example gen_corpus
bin=$target/release/byline

if [[ ! -e $dir/.complete ]]; then
    rm -rf "$dir"
    "$target/release/examples/gen_corpus" "$dir" "$n"
    : > "$dir/.complete"
fi

files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
du_bytes=$(( $(du -sk "$dir" | cut -f1) * 1024 ))
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "corpus: $files articles in $dir"
echo "corpus size: $bytes bytes ($(mb "$bytes")) in files; $du_bytes bytes ($(mb "$du_bytes")) of disk (du)"

peak_kb() { grep 'Maximum resident set size' "$1" | awk '{print $NF}'; }
report() { # label, time -v output file, seconds
    local kb rss
    kb=$(peak_kb "$2")
    rss=$((kb * 1024))
    printf '%-34s peak RSS %s (%s bytes), %.1f s wall: %s× the corpus files, %s× its disk usage\n' \
        "$1" "$(mb "$rss")" "$rss" "$3" "$(ratio "$rss" "$bytes")" "$(ratio "$rss" "$du_bytes")"
}

tmp=$(mktemp -d)
trap 'tmux kill-session -t "byline-memory-$$" 2>/dev/null || true; rm -rf "$tmp"' EXIT

# 1. Headless analysis of everything.
start=$(date +%s.%N)
/usr/bin/time -v -o "$tmp/analyze.time" "$bin" analyze --format json "$dir" > /dev/null
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
report "byline analyze --format json:" "$tmp/analyze.time" "$secs"

# 2. The reader, until the background analysis has finished.
if command -v tmux > /dev/null; then
    session=byline-memory-$$
    start=$(date +%s.%N)
    tmux new-session -d -s "$session" -x 120 -y 40 \
        "/usr/bin/time -v -o '$tmp/reader.time' '$bin' '$dir'; tmux wait-for -S $session-done"
    seen=0
    for _ in $(seq 1 1200); do # up to 10 minutes
        sleep 0.5
        screen=$(tmux capture-pane -p -t "$session" 2> /dev/null || true)
        if grep -q 'analysing' <<< "$screen"; then
            seen=1
        elif [[ -n $screen ]] && grep -q "$(head -1 "$dir/article-00001.txt" | cut -c1-20)" <<< "$screen"; then
            break # headlines drawn, no progress shown: analysis finished
        fi
    done
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
    tmux send-keys -t "$session" q
    timeout 30 tmux wait-for "$session-done" || true
    if [[ -s $tmp/reader.time ]]; then
        report "reader until analysis finished:" "$tmp/reader.time" "$secs"
        [[ $seen == 1 ]] || echo "(the progress indicator was never seen: analysis finished before the first capture)"
    else
        echo "reader: no measurement (did it start? screen was:)"
        tmux capture-pane -p -t "$session" 2> /dev/null | head -5 || true
    fi
else
    echo "tmux not found: reader not measured"
fi
