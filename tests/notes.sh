#!/bin/sh
# notes.sh: the paragraph cursor, highlights (the document's and the
# reader's), marks, place, copying, the speaker filter, and the safety of
# the saved state.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt
STATE="$XDG_STATE_HOME/lectern"

# export [ARGS]: --export-highlights of the bundled interview (stdin a tty).
export_hl() {
	script -qec "$LECTERN --export-highlights $*" /dev/null < /dev/null | tr -d '\r'
}

# ) from the top: the seven highlight sections in order; ( goes back.
keys=') <dump>'
for i in 2 3 4 5 6 7; do keys="$keys ) <dump>"; done
run 100x30 "$keys ) <dump> ( <dump>"
n=1
for h in "Why Jan is optimistic" \
    "The Superalignment team isn't trying to train a really good ML researcher" \
    "Did the release of ChatGPT increase or reduce AI extinction risk?" \
    "There's something interesting going on with RLHF" "Backup plans" \
    "Should we be worried about connecting models to everything?" \
    "Jobs with the Superalignment team"; do
	starts "highlights/doc-$n" "$(reader $n 1)" "$h"
	expect "highlights/doc-$n-status" "$(line $n 30 | sed 's/^ *//; s/  .*//')" "highlight $n/7"
	n=$((n + 1))
done
expect highlights/no-next "$(line 8 30 | sed 's/^ *//; s/  .*//')" "No next highlight"
expect highlights/back "$(reader 9 1)" "Should we be worried about connecting models to everything?"

# The paragraph cursor: J and K move it, * highlights; both show in the
# margin; highlights and place come back in the next run.
run 100x30 'J <dump> J <dump> K <dump> J * <dump> ]] } J * <dump> ]] <dump> q'
expect cursor/J "$(margin 1 3)" "▌ "
expect cursor/J-not-before "$(margin 1 1)" "  "
expect cursor/J-J "$(margin 2 4)" "▌ "
expect cursor/K "$(margin 3 3)" "▌ "
expect highlight/shown "$(margin 4 4)" "▌┃"
expect highlight/shown-2 "$(margin 4 5)" "▌┃"
check highlight/file-exists test -s "$STATE/doc-$(ls "$STATE" | sed -n 's/^doc-\(.*\)\.state$/\1/p').state"
expect highlight/state-mode "$(stat -c %a "$STATE"/*.state)" 600
expect highlight/dir-mode "$(stat -c %a "$STATE")" 700
KEEP_STATE=1; export KEEP_STATE
quit_top=$(reader 6 1)
run 100x30 '<dump> g <dump> q'
expect place/restored "$(reader 1 1)" "$quit_top"
expect place/restored-where "$quit_top" "Did the release of ChatGPT increase or reduce AI extinction risk?"
expect highlight/persist "$(screen 2 | grep -c '┃')" 2
run 100x30 '<dump> q' --top
expect place/top-option "$(reader 1 1)" "$T1"
export_hl > "$TMP/export"
cat > "$TMP/want" <<'OUT'
# Highlights: OpenAI’s massive push to make superintelligence safe in 4 years or less (Jan Leike on the 80,000 Hours Podcast)

> This is a linkpost to https://80000hours.org/podcast/episodes/jan-leike-superalignment/
OUT
check export/title-and-first sh -c "head -3 '$TMP/export' | cmp -s - '$TMP/want'"
check export/speaker-section grep -q '^> — Jan Leike, in “Why Jan is optimistic”$' "$TMP/export"
expect export/count "$(grep -c '^> [^—>]' "$TMP/export")" 2
# The same content under another name keeps its highlights.
cp $I "$TMP/renamed.txt"
expect export/renamed "$($LECTERN --export-highlights "$TMP/renamed.txt" | grep -c '^> [^—>]')" 2
unset KEEP_STATE

# Marks: m and a letter, ' and the letter, and '' back before the jump.
run 100x30 ']] ma G <dump> '"'"'a <dump> '"''"' <dump> '"'"'b <dump>'
expect marks/jump "$(reader 2 1)" "Highlights"
expect marks/back "$(reader 3 29)" "work together, and just traditional management stuff."
expect marks/unset "$(line 4 30 | sed 's/^ *//; s/  .*//')" "Mark b is not set"
# Marks are kept with the place.
KEEP_STATE=1 run 100x30 "g 'a <dump>"
expect marks/persist "$(reader 1 1)" "Highlights"

# y copies the cursor's paragraph with its speaker and the title, as one
# OSC 52 sequence written to the terminal.
run 100x30 '/back<Space>in<Space>march <Enter> y <dump>'
text="Back in March, you tweeted:
— Rob Wiblin, OpenAI’s massive push to make superintelligence safe in 4 years or less (Jan Leike on the 80,000 Hours Podcast)"
want="$(printf '\033]52;c;%s\007' "$(printf '%s' "$text" | base64 -w0)")"
check copy/osc52-exact grep -qF "$want" "$TMP/tty"
expect copy/status "$(line 1 30 | sed 's/^ *//; s/  .*//')" "Copied $(printf '%s' "$text" | wc -c) bytes from Rob Wiblin"
# In an archive the title is the paragraph's episode's.
archive "$TMP/archive.txt"
run 100x30 '/goes<Space>deeper <Enter> n y <dump>' "$TMP/archive.txt"
text="The second part of episode 2 goes deeper.
— Ada Byrne, Locks and keys"
want="$(printf '\033]52;c;%s\007' "$(printf '%s' "$text" | base64 -w0)")"
check copy/archive-episode-title grep -qF "$want" "$TMP/tty"
run 100x30 'y <dump>' --no-osc52
expect copy/off "$(line 1 30 | sed 's/^ *//; s/  .*//')" "Copying is off (--no-osc52)"
check copy/off-nothing-sent sh -c "! grep -q \"$(printf '\033')]52\" '$TMP/tty'"

# s: the speakers; choosing one shows only their turns, S shows all again.
run 100x30 's <dump> j j <Enter> ] <dump> S <dump>'
check speakers/list grep -q 'Jan Leike  *17 turns' "$TMP/dump"
check speakers/list-rob grep -q 'Rob Wiblin  *11 turns' "$TMP/dump"
expect speakers/only-status "$(line 2 30 | grep -o 'only Rob Wiblin')" "only Rob Wiblin"
expect speakers/only-rob "$(screen 2 | grep -c 'Jan Leike:')" 0
check speakers/rob-shown grep -q 'Rob Wiblin:' "$TMP/dump"
expect speakers/all-again "$(line 3 30 | grep -c 'only')" 0

# H: the list of every highlight; Enter jumps.
run 100x30 'H <dump> j <Enter> <dump>'
check list/doc-highlight grep -q '§ Why Jan is optimistic' "$TMP/dump"
expect list/jump "$(reader 2 1)" "The Superalignment team isn't trying to train a really good ML"

# A click on a paragraph puts the cursor there.
run 100x30 '<click:40,8> <dump>'
expect cursor/click "$(margin 1 8)" "▌ "
expect cursor/click-same-paragraph "$(margin 1 7)" "▌ "
expect cursor/click-not-before "$(margin 1 5)" "  "

# Two readers of one document at once keep each other's highlights: each
# saves under the lock, merging with what the other saved (the saves are
# slowed down so that they overlap).
rm -rf "$XDG_STATE_HOME"
printf 'J *\n' > "$TMP/k1"
printf 'J J J *\n' > "$TMP/k2"
LECTERN_SAVE_PAUSE=400 LECTERN_SCRIPT="$TMP/k1" $PTYRUN -s 100x30 -- $LECTERN < /dev/null &
p1=$!
LECTERN_SAVE_PAUSE=400 LECTERN_SCRIPT="$TMP/k2" $PTYRUN -s 100x30 -- $LECTERN < /dev/null &
p2=$!
wait $p1; wait $p2
expect concurrent/both-kept "$(grep -c '^hl ' "$STATE"/*.state)" 2

# Killed in the middle of a save: the state file is the old one, whole.
rm -rf "$XDG_STATE_HOME"
run 100x30 'J * q'
cp "$STATE"/*.state "$TMP/before.state"
printf 'J J J *\n<sleep:3000>\nq\n' > "$TMP/k3"
LECTERN_SAVE_PAUSE=2000 LECTERN_SCRIPT="$TMP/k3" $PTYRUN -s 100x30 -t 1 -- $LECTERN < /dev/null 2>/dev/null
check kill/state-unchanged cmp -s "$STATE"/doc-*.state "$TMP/before.state"
check kill/state-valid sh -c "tail -1 '$STATE'/doc-*.state | grep -qx end"
export_hl > "$TMP/export" 2> "$TMP/err"
expect kill/export-works "$(grep -c '^> [^—>]' "$TMP/export")" 1
check kill/no-complaint test ! -s "$TMP/err"

# A broken state file is said once, kept aside, and the reader goes on.
for broken in "garbage" "$(head -c 40 "$TMP/before.state")"; do
	rm -rf "$XDG_STATE_HOME"; mkdir -p "$STATE"
	printf '%s' "$broken" > "$STATE/$(basename "$TMP/before.state" | sed 's/before/x/')"
	cp "$TMP/before.state" "$STATE/ignored"
	f=$(ls "$TMP"/before.state >/dev/null; cd "$STATE" && ls doc-* 2>/dev/null)
	rm -f "$STATE/ignored"
done
rm -rf "$XDG_STATE_HOME"; run 100x30 'J * q'
f=$(cd "$STATE" && ls doc-*.state)
for kind in garbage truncated; do
	if [ $kind = garbage ]; then printf 'not a state file\n' > "$STATE/$f"
	else head -c 40 "$TMP/before.state" > "$STATE/$f"; fi
	KEEP_STATE=1 run 100x30 '<dump> j <dump> q'
	check "corrupt/$kind-exit-0" test "$RC" -eq 0
	expect "corrupt/$kind-said" "$(line 1 30 | sed 's/^ *//' | cut -c1-37)" "Note: the saved state was broken; kep"
	expect "corrupt/$kind-once" "$(line 2 30 | grep -c 'broken')" 0
	expect "corrupt/$kind-kept-aside" "$(ls "$STATE" | grep -c "$f.corrupt-")" 1
	rm -f "$STATE"/*.corrupt-*
done

# A state directory that cannot be written: said, and the reader goes on.
rm -rf "$XDG_STATE_HOME"
printf 'a file, not a directory\n' > "$XDG_STATE_HOME"
KEEP_STATE=1 run 100x30 'J * <dump> J * <dump> q'
check unwritable/exit-0 test "$RC" -eq 0
expect unwritable/said "$(line 1 30 | sed 's/^ *//' | cut -c1-33)" "Cannot save highlights and place:"
expect unwritable/said-once "$(line 2 30 | grep -c 'Cannot save')" 0
# (the byline, one line, and the link, two lines)
expect unwritable/highlights-shown "$(screen 2 | grep -c '┃')" 3
rm -f "$XDG_STATE_HOME"

# A changed document: highlights that still match are kept (found by
# their text), the others reported and listed, not dropped.
cp $I "$TMP/episode.txt"
run 100x30 'J J * JJJ * q' "$TMP/episode.txt"
sed -i 's/If you’re thinking about how do you align/If you are thinking about aligning/; 1a\
An added paragraph that moves everything down.' "$TMP/episode.txt"
KEEP_STATE=1 run 100x30 '<dump> q' "$TMP/episode.txt"
expect changed/said "$(line 1 30 | sed 's/^ *//; s/ (see.*//')" "Note: the document changed: 1 of 2 highlights no longer match"
$LECTERN --export-highlights "$TMP/episode.txt" > "$TMP/export" 2>/dev/null
check changed/kept grep -q '^> This is a linkpost to' "$TMP/export"
check changed/lost-listed grep -q '^## No longer found in the document' "$TMP/export"
check changed/lost-text grep -q '^> If you’re thinking about how do you align' "$TMP/export"

# A state file that cannot be read is not written over.
rm -rf "$XDG_STATE_HOME"; run 100x30 'J * q'
f=$(cd "$STATE" && ls doc-*.state)
mv "$STATE/$f" "$TMP/kept.state"; mkdir "$STATE/$f"
KEEP_STATE=1 run 100x30 '<dump> J J * <dump> q'
check unreadable-state/exit-0 test "$RC" -eq 0
check unreadable-state/not-replaced test -d "$STATE/$f"
check unreadable-state/said grep -q 'Note: not using the state: doc-.*\.state is not a regular file' "$TMP/dump"
rmdir "$STATE/$f"

# A highlight past what is read before the first screen (256 KB) is found
# again when the reader opens, not reported lost (keys from the terminal,
# so that the reader reads on between them).
rm -rf "$XDG_STATE_HOME"
seq 1 9000 | sed 's/.*/Ana Lima: Paragraph number & of a long talk, with a few more words./' > "$TMP/long.txt"
$PTYRUN -s 100x30 -t 20 -K '<sleep:800> G <sleep:800> K * q' -- $LECTERN "$TMP/long.txt" < /dev/null
$PTYRUN -s 100x30 -t 20 -K '<sleep:800> q' -- $LECTERN "$TMP/long.txt" < /dev/null
expect far-highlight/kept "$(grep -c '^hl ' "$STATE"/doc-*.state)" 1
expect far-highlight/not-lost "$(grep -c '^lost ' "$STATE"/doc-*.state)" 0
