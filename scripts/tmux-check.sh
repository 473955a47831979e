#!/usr/bin/env bash
# Real-terminal check: runs byline in a tmux pane at 120x40 on the bundled samples, sends keys and
# asserts on what `tmux capture-pane -p` shows. Also checks that q and SIGTERM restore the terminal.
# Uses its own tmux server socket, so it never touches the user's sessions.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux-check: tmux is not installed; skipping the real-terminal check"
  exit 0
fi

BIN=${BYLINE_BIN:-}
if [ -z "$BIN" ]; then
  if [ -x target/debug/byline ]; then BIN=target/debug/byline
  elif [ -x target/release/byline ]; then BIN=target/release/byline
  else cargo build --quiet && BIN=target/debug/byline
  fi
fi

SOCK="byline-check-$$"
T=(tmux -L "$SOCK")
cleanup() { "${T[@]}" kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT
# A session that outlives the reader's, so the server does not exit between two starts.
"${T[@]}" new-session -d -s keep -x 20 -y 5 "sleep 600"

fail() {
  echo "tmux-check: FAIL: $1"
  echo "----- screen -----"
  "${T[@]}" capture-pane -p -t c 2>/dev/null || true
  exit 1
}

# Waits (up to 5 s) until the screen contains the text.
wait_for() {
  for _ in $(seq 1 50); do
    if "${T[@]}" capture-pane -p -t c 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "expected \"$1\" on screen"
}

wait_gone() {
  for _ in $(seq 1 50); do
    if ! "${T[@]}" capture-pane -p -t c 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "expected \"$1\" to disappear"
}

start() {
  "${T[@]}" kill-session -t c >/dev/null 2>&1 || true
  # The shell reports the exit status on the normal screen once byline has restored it.
  "${T[@]}" new-session -d -s c -x 120 -y 40 "$BIN assets/articles; echo BYLINE-EXIT=\$?; sleep 30"
  wait_for "Headlines ("
}

key() { "${T[@]}" send-keys -t c "$@"; sleep 0.15; }

start
top=$("${T[@]}" capture-pane -p -t c | head -1)
for title in "Headlines (" "Article" "Entities"; do
  grep -qF -- "$title" <<<"$top" || fail "pane title \"$title\" missing from the top line"
done
wait_for "HEADLINES"
wait_for "article 1/"

# Newest first at start; s lists them in file order (the shown article stays shown).
key s;   wait_for "in file order"
key g;   wait_for "article 1/"
key j;   wait_for "article 2/"
key Tab; wait_for " ARTICLE "
key G;   wait_for "Article — Bot"
key '?'; wait_for "Keys — Esc closes"
key Escape; wait_gone "Keys — Esc closes"
key g;   wait_for "line 1/"
key Tab; wait_for " ENTITIES "
key n;   wait_for "— mention 1 of"
key n;   wait_for "— mention 2 of"
key ']'; wait_for "quote 1 of"
key Q;   wait_for " QUOTES "
key Q;   wait_for " ENTITIES "

# Narrow, tiny, and back: the reader keeps drawing.
"${T[@]}" resize-window -t c -x 60 -y 20; sleep 0.3
wait_for "Article"
[ "$("${T[@]}" capture-pane -p -t c | wc -L)" -le 60 ] || fail "lines wider than 60 columns"
"${T[@]}" resize-window -t c -x 1 -y 1; sleep 0.2
"${T[@]}" resize-window -t c -x 7 -y 3; sleep 0.2
# A storm of resizes, then the full size again.
for size in 30x10 200x60 45x12 101x33 1x1 99x40 400x120 2x50 150x20; do
  "${T[@]}" resize-window -t c -x "${size%x*}" -y "${size#*x}"
done
"${T[@]}" resize-window -t c -x 120 -y 40; sleep 0.3
wait_for "Headlines ("

key q
wait_for "BYLINE-EXIT=0"
wait_gone "Headlines ("

# Ctrl-C quits too.
start
key C-c
wait_for "BYLINE-EXIT=0"
wait_gone "Headlines ("

# SIGTERM restores the terminal too.
start
shell=$("${T[@]}" list-panes -t c -F '#{pane_pid}')
pid=$(pgrep -P "$shell" -x byline || true)
[ -n "$pid" ] || fail "cannot find the byline process"
kill -TERM "$pid"
wait_for "BYLINE-EXIT="
wait_gone "Headlines ("

echo "tmux-check: ok (panes, keys s g j Tab G ? Esc g n ] Q, resizes 60x20 1x1 7x3 and a storm, q, Ctrl-C and SIGTERM restore)"
