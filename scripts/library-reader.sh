#!/usr/bin/env bash
# The reader over a large library (issue 10): peak memory and time to the first frame.
#
#   scripts/library-reader.sh LIBRARY.sqlite
#
# Builds the library once with `BYLINE_BENCH_ARTICLES=N cargo bench --bench library` (it lands in
# target/bench-library/library-N.sqlite), or with examples/gen_corpus and `byline import`.
# Runs the release binary on it in a detached tmux session (120×40) under /usr/bin/time -v:
# polls the pane every 10 ms until the status bar is drawn (the first frame; the figure includes
# tmux starting the process and the polling, so it is an upper bound), then presses j ×20
# (next article), `/` "minister" Enter (the search), `c` (the corpus view), waits, and quits
# with q. Prints the first-frame time and the peak RSS.
set -euo pipefail

lib=${1:?usage: scripts/library-reader.sh LIBRARY.sqlite}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --release --quiet --bin byline
bin=$target/release/byline

tmp=$(mktemp -d)
session=byline-library-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo "library: $lib ($(du -h "$lib" | cut -f1))"
start=$(date +%s.%N)
tmux new-session -d -s "$session" -x 120 -y 40 \
    "/usr/bin/time -v -o '$tmp/reader.time' '$bin' --library '$lib'; tmux wait-for -S $session-done"
first=
for _ in $(seq 1 3000); do # up to 30 s
    if tmux capture-pane -p -t "$session" 2> /dev/null | grep -q ' unread'; then
        first=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
        break
    fi
    sleep 0.01
done
echo "first frame (status bar drawn) after: ${first:-never} s"
for _ in $(seq 1 20); do
    tmux send-keys -t "$session" j
    sleep 0.05
done
tmux send-keys -t "$session" / m i n i s t e r Enter
sleep 1
tmux send-keys -t "$session" c
sleep 2
tmux capture-pane -p -t "$session" | tail -3
tmux send-keys -t "$session" q
timeout 30 tmux wait-for "$session-done" || true
kb=$(grep 'Maximum resident set size' "$tmp/reader.time" | awk '{print $NF}')
echo "peak RSS: $(awk -v k="$kb" 'BEGIN {printf "%.1f MB", k * 1024 / 1e6}') ($kb kB)"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
