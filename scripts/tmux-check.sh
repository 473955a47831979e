#!/usr/bin/env bash
# Real-terminal check: runs byline in a tmux pane at 120x40 on the bundled samples, sends keys and
# asserts on what `tmux capture-pane -p` shows. Also checks that q and SIGTERM restore the terminal.
# Ctrl-Z (with `fg` from an interactive shell) and an outside SIGTSTP/SIGCONT leave the alternate
# screen and mouse mode, then redraw the whole screen.
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
# Never the user's config: a config of our own, and a "browser" that records what it was given.
TMPD=$(mktemp -d)
printf 'osc52 = true\nexport_dir = "%s/notes"\n' "$TMPD" >"$TMPD/config.toml"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$TMPD" >"$TMPD/browser"
chmod +x "$TMPD/browser"
# Never the user's library either: a library file in the temp folder.
ENVS="env -u NO_COLOR BYLINE_CONFIG=$TMPD/config.toml BROWSER=$TMPD/browser BYLINE_LIBRARY=$TMPD/library.sqlite XDG_DATA_HOME=$TMPD/data"
cleanup() { "${T[@]}" kill-server >/dev/null 2>&1 || true; rm -rf "$TMPD"; }
TMP="$TMPD"
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
  "${T[@]}" new-session -d -s c -x 120 -y 40 "$ENVS ${1:-} $BIN assets/articles; echo BYLINE-EXIT=\$?; sleep 30"
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

# Newest first at start; O lists them in file order (the shown article stays shown).
key O;   wait_for "in file order"
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

# / narrows the headlines as you type; Esc puts them back.
key Tab; wait_for " HEADLINES "
key /; wait_for "search headlines /"
"${T[@]}" send-keys -t c -l "ferry op"; wait_for "Headlines — /ferry op (1)"
# Enter keeps it; in the article opened, . steps through its words; Esc shows every article again.
key Enter; wait_for "1 article matches"
key Enter; key .; wait_for "“ferry op” — match 2 of"
key Escape; wait_for "Headlines (10)"
key Tab; key Tab; wait_for " HEADLINES "
# o opens the link with $BROWSER (a script here), y copies it with OSC 52, E writes Markdown.
key g; key j; key o; wait_for "opened https://example.org/wire/duarte-athens"
for _ in $(seq 1 30); do [ -s "$TMPD/opened" ] && break; sleep 0.1; done
[ "$(cat "$TMPD/opened" 2>/dev/null)" = "https://example.org/wire/duarte-athens" ] \
  || fail "\$BROWSER was not given the link: $(cat "$TMPD/opened" 2>/dev/null)"
key y; wait_for "copied https://example.org/wire/duarte-athens (OSC 52)"
key E; wait_for "wrote $TMPD/notes/duarte-heads-to-athens"
grep -qF "## People" "$TMPD"/notes/duarte-heads-to-athens*.md || fail "the export has no people"

key q
wait_for "BYLINE-EXIT=0"
wait_gone "Headlines ("

# NO_COLOR: no colour sequences reach the terminal, but bold, underline and reverse do.
start NO_COLOR=1
key Tab; key Tab; key n; wait_for "— mention 1 of"
sgr=$("${T[@]}" capture-pane -p -e -t c | grep -o $'\e\\[[0-9;]*m' | sort -u | tr '\n' ' ')
grep -qE $'\e\\[[0-9;]*(3[0-7]|38|4[0-7]|48|9[0-7])(;[0-9]+)*m' <<<"$sgr" && fail "colour with NO_COLOR: $sgr"
grep -qF $'\e[7m' <<<"$sgr" || fail "no reverse video with NO_COLOR: $sgr"
grep -qF $'\e[4m' <<<"$sgr" || fail "no underline with NO_COLOR: $sgr"
key q
wait_for "BYLINE-EXIT=0"

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

# tmux's view of the pane's modes: "alternate-screen mouse-mode", e.g. "1 1" while byline runs.
modes() { "${T[@]}" display-message -p -t c '#{alternate_on} #{mouse_any_flag}'; }
wait_modes() {
  for _ in $(seq 1 50); do
    [ "$(modes)" = "$1" ] && return 0
    sleep 0.1
  done
  fail "expected alternate screen and mouse mode \"$1\", got \"$(modes)\""
}

# Ctrl-Z from an interactive shell: the shell's prompt comes back on the main screen, with mouse
# mode off; fg redraws the very same screen.
"${T[@]}" kill-session -t c >/dev/null 2>&1 || true
"${T[@]}" new-session -d -s c -x 120 -y 40 "env PS1='SHELL-PROMPT\$ ' bash --norc --noprofile -i"
wait_for "SHELL-PROMPT"
key "$ENVS $BIN assets/articles" Enter
wait_for "Headlines ("
wait_modes "1 1"
key j; wait_for "article 2/"
key Tab; wait_for " ARTICLE "
wait_gone "analysing"
sleep 0.3
before=$("${T[@]}" capture-pane -p -t c)
key C-z
wait_for "Stopped"
wait_modes "0 0"
"${T[@]}" capture-pane -p -t c | tail -n +2 | grep -qF "SHELL-PROMPT" || fail "no shell prompt after Ctrl-Z"
key "fg" Enter
wait_for "Headlines ("
wait_modes "1 1"
sleep 0.3
after=$("${T[@]}" capture-pane -p -t c)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") | head -20 || true; fail "the screen after fg is not the one before Ctrl-Z"; }
key q
wait_gone "Headlines ("
key 'echo BYLINE-EXIT=$?' Enter
wait_for "BYLINE-EXIT=0"
wait_modes "0 0"

# SIGTSTP from outside, then SIGCONT: the terminal is restored while stopped, redrawn after.
start
wait_modes "1 1"
wait_gone "analysing"
sleep 0.3
before=$("${T[@]}" capture-pane -p -t c)
shell=$("${T[@]}" list-panes -t c -F '#{pane_pid}')
pid=$(pgrep -P "$shell" -x byline || true)
[ -n "$pid" ] || fail "cannot find the byline process"
kill -TSTP "$pid"
wait_modes "0 0"
wait_gone "Headlines ("
for _ in $(seq 1 50); do
  [ "$(ps -o stat= -p "$pid" | cut -c1)" = T ] && break
  sleep 0.1
done
[ "$(ps -o stat= -p "$pid" | cut -c1)" = T ] || fail "byline did not stop on SIGTSTP"
kill -CONT "$pid"
wait_for "Headlines ("
wait_modes "1 1"
sleep 0.3
after=$("${T[@]}" capture-pane -p -t c)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") | head -20 || true; fail "the screen after SIGCONT is not the one before SIGTSTP"; }
key q
wait_for "BYLINE-EXIT=0"

# A 3 MB article on one line is wrapped lazily: after a resize, G shows its last word at the
# bottom, and once the rest is wrapped the status bar's line count agrees (36 body rows at 100x40).
awk 'BEGIN { printf "A long line\n\n"; for (i = 0; i < 75000; i++) printf "lorem ipsum dolor sit amet, consectetur "
             printf "THE-END." }' > "$TMP/long.txt"
"${T[@]}" kill-session -t c >/dev/null 2>&1 || true
"${T[@]}" new-session -d -s c -x 120 -y 40 "$ENVS $BIN $TMP/long.txt; echo BYLINE-EXIT=\$?; sleep 30"
wait_for "Headlines ("
key Tab; wait_for " ARTICLE "
"${T[@]}" resize-window -t c -x 100 -y 40; sleep 0.5
key G
wait_for "THE-END."
settled=
for _ in $(seq 1 50); do
  if [[ $("${T[@]}" capture-pane -p -t c) =~ line\ ([0-9]+)/([0-9]+)\ Bot ]] \
     && [ $((BASH_REMATCH[1] + 35)) -eq "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[2]}" -gt 70000 ]; then
    settled=1; break
  fi
  sleep 0.1
done
[ -n "$settled" ] || fail "G in a long article: the last line is not at the bottom of the pane"
key g; wait_for "line 1/"
key q
wait_for "BYLINE-EXIT=0"

# The library: `byline` with no arguments opens it (a temp file here); the first run fills the new
# library with the samples and says so. Read and star marks persist: run 1 reads the second
# article (Enter) and stars it (s); run 2 lists it among the starred and not among the unread.
library_run() {
  "${T[@]}" kill-session -t c >/dev/null 2>&1 || true
  "${T[@]}" new-session -d -s c -x 120 -y 40 "$ENVS $BIN; echo BYLINE-EXIT=\$?; sleep 30"
  wait_for "Headlines ("
}
library_run
wait_for "the library was empty: added 10 sample articles"
wait_for "10 unread"
key j; wait_for "article 2/"
second=$("${T[@]}" capture-pane -p -t c | sed -n 4p | sed "s/^[^ ]* *//" | cut -c1-12)
[ -n "$second" ] || fail "no second headline"
key Enter
key s; wait_for "1 ★"
key q
wait_for "BYLINE-EXIT=0"
library_run
wait_for "1 ★"
"${T[@]}" capture-pane -p -t c | grep -q "added 10 sample" && fail "the samples were added twice"
key '*'; wait_for "Headlines — starred (1)"
wait_for "$second"
key '*'; wait_for "Headlines (10)"
key U; wait_for "Headlines — unread"
"${T[@]}" capture-pane -p -t c | grep -qF -- "$second" && fail "the article read in run 1 is listed as unread"
# `byline import` while the reader is open: the new article shows without a restart.
printf 'Harbour pilots strike\n\nPilots in Rotterdam walked out on Monday.\n' > "$TMP/new.txt"
$ENVS $BIN import "$TMP/new.txt" >/dev/null 2>&1 || fail "byline import while the reader is open"
wait_for "1 new article added to the library"
wait_for "│ 10 unread"
# R refreshes the library's feeds in the background: a local feed file subscribed with
# `byline feed add`; its headline joins the list and the summary line shows.
cat > "$TMP/gazette.xml" <<'FEED'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Gazette</title><description>A test feed</description>
<item><title>Lighthouse keepers return to Skerryvore</title><guid>gazette-1</guid>
<description>The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk. The keepers came back to the rock on Monday, said harbour master Ewan Grant, and the lamp was lit again at dusk.</description></item>
</channel></rss>
FEED
$ENVS $BIN feed add "$TMP/gazette.xml" --name Gazette >/dev/null 2>&1 || fail "byline feed add while the reader is open"
key R
wait_for "1 feed: 1 new, 0 updated, 0 failed"
wait_for "Lighthouse keepers return"
# The feed rewrites its item (same guid): R updates it, and the open reader shows the new row.
sed -i 's/Lighthouse keepers return to Skerryvore/Lighthouse keepers are back on Skerryvore/' "$TMP/gazette.xml"
key R
wait_for "1 feed: 0 new, 1 updated, 0 failed"
wait_for "Lighthouse keepers are back"
key q
wait_for "BYLINE-EXIT=0"
# A file that is not a library: refused, named, left as it was.
printf 'not a database' > "$TMP/notlib.sqlite"
"${T[@]}" kill-session -t c >/dev/null 2>&1 || true
"${T[@]}" new-session -d -s c -x 120 -y 40 "$ENVS BYLINE_LIBRARY=$TMP/notlib.sqlite $BIN; echo BYLINE-EXIT=\$?; sleep 30"
wait_for "notlib.sqlite"
wait_for "BYLINE-EXIT=1"
[ "$(cat "$TMP/notlib.sqlite")" = "not a database" ] || fail "the file that is not a library was changed"

echo "tmux-check: ok (panes, keys O g j Tab G ? Esc g n ] Q, resizes 60x20 1x1 7x3 and a storm, / with . through its words, o y E, NO_COLOR, q, Ctrl-C and SIGTERM restore, Ctrl-Z/fg and SIGTSTP/SIGCONT suspend and redraw, a 3 MB one-line article resized and G, the library: samples on first run, read and star kept across two runs, U and * views, an import while open shows up, R refreshes a feed in the background and an item it rewrites is shown anew, a file that is not a library refused)"
