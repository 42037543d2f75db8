#!/bin/sh
# marks.sh: what readers of less, tig and e-book readers also expect of
# their notes: a list of marks (L), deleting a mark, deleting and
# clearing highlights (with a question), a note typed on a highlight
# (kept, shown, exported), and searches from the history coming back
# with their direction, mode and scope.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt
SIZES="100x30 60x20 40x12"
STATE="$XDG_STATE_HOME/lectern"

status_line() {
	screen "$1" | tail -1
}

# has NAME TEXT PATTERN: passes when TEXT holds the fixed string PATTERN.
has() {
	case $2 in
	*"$3"*) pass "$1" ;;
	*) fail "$1" "[$(printf '%s' "$2" | head -c 300)] does not hold [$3]" ;;
	esac
}

# export [ARGS]: --export-highlights of the bundled interview.
export_hl() {
	script -qec "$LECTERN --export-highlights $*" /dev/null < /dev/null | tr -d '\r'
}

# --- L: the list of marks, with their letters, how far through they
# are and where; Enter goes to one and '' comes back.
for size in $SIZES; do
	run $size "]] ma ]] mb g L <dump> j <Enter> <dump> '' <dump>"
	has "marks-list/$size-a" "$(screen 1)" "a  18%  § Highlights"
	has "marks-list/$size-b" "$(screen 1)" "b  32%  § The Superalignment"
	has "marks-list/$size-title" "$(screen 1)" "Marks — Enter goes there"
	has "marks-list/$size-goes" "$(status_line 2)" "Mark b"
	has "marks-list/$size-there" "$(screen 2 | head -1)" "The Superalignment team"
	has "marks-list/$size-back" "$(screen 3 | head -1)" "OpenAI’s massive push to make"
done
# A mark within a turn shows its section, speaker and paragraph.
run 100x30 "}} mc L <dump>"
has marks-list/turn "$(screen 1)" "c  24%  Why Jan is optimistic · Jan Leike: I want to give you"
run 100x30 'L <dump>'
has marks-list/none "$(status_line 1)" "No marks yet: m and a letter marks the place"

# --- d in the list deletes a mark; it stays deleted in the next run.
run 100x30 "]] ma ]] mb q"
KEEP_STATE=1; export KEEP_STATE
run 100x30 "L d <dump> q"
has mark-delete/said "$(status_line 1)" "Mark a deleted"
has mark-delete/list-b "$(screen 1)" "b  32%"
expect mark-delete/list-no-a "$(screen 1 | grep -c 'a  18%')" 0
check mark-delete/file grep -q '^unmark a [0-9]*$' "$STATE"/doc-*.state
expect mark-delete/file-no-mark "$(grep -c '^mark a ' "$STATE"/doc-*.state)" 0
run 100x30 "'a <dump> L <dump> d <dump>"
has mark-delete/stays "$(status_line 1)" "Mark a is not set"
expect mark-delete/stays-list "$(screen 2 | grep -c '│ [ab]  ')" 1
has mark-delete/last "$(status_line 3)" "Mark b deleted"
expect mark-delete/list-closed "$(screen 3 | grep -c 'Marks —')" 0
# A mark whose time is ahead of the clock (another machine's, a clock
# gone back): deleting it, or setting it again, is still the later change.
f=$(ls "$STATE"/doc-*.state)
grep -v '^mark \|^unmark ' "$f" | sed '/^end$/d' > "$f.new"
printf 'mark a 100 99999999999999\nend\n' >> "$f.new" && mv "$f.new" "$f"
run 100x30 "L d q"
run 100x30 "L <dump>"
has mark-delete/future-stays "$(status_line 1)" "No marks yet"
unset KEEP_STATE

# --- d in the list of highlights deletes one of the reader's own, not
# one of the document's; D asks before clearing them all.
for size in $SIZES; do
	run $size "]] J J J * ]] J J * H <dump> d <dump> j d <dump> D <dump> n <dump> D <dump> y <dump>"
	expect "hl-delete/$size-two" "$(screen 1 | grep -c '│ ★')" 2
	has "hl-delete/$size-keys" "$(screen 1)" "d deletes"
	has "hl-delete/$size-doc-refused" "$(status_line 2)" "The document's own"
	expect "hl-delete/$size-doc-kept" "$(screen 2 | grep -c '│ [★§]')" "$(screen 1 | grep -c '│ [★§]')"
	has "hl-delete/$size-own" "$(status_line 3)" "Highlight deleted"
	expect "hl-delete/$size-one-left" "$(screen 3 | grep -c '│ ★')" 1
	expect "hl-clear/$size-question" "$(status_line 4)" "Clear your one highlight? (y/n)"
	has "hl-clear/$size-no" "$(status_line 5)" "Nothing cleared"
	expect "hl-clear/$size-no-kept" "$(screen 5 | grep -c '│ ★')" 1
	has "hl-clear/$size-yes" "$(status_line 7)" "1 highlight cleared"
	expect "hl-clear/$size-none" "$(screen 7 | grep -c '│ ★')" 0
	has "hl-clear/$size-doc-stay" "$(screen 7)" "§ Why Jan is optimistic"
done
run 100x30 "]] J J J * ]] J J * ]] J J * H D <dump> y q"
expect hl-clear/question-n "$(status_line 1)" "Clear all 3 of your highlights? (y/n)"
KEEP_STATE=1 run 100x30 "H <dump> D <dump>"
expect hl-clear/persist "$(screen 1 | grep -c '│ ★')" 0
has hl-clear/none-yours "$(status_line 2)" "None of these highlights is yours"
# Deleted, and kept deleted.
run 100x30 "]] J J J * ]] J J * H j d q"
KEEP_STATE=1 run 100x30 "H <dump>"
expect hl-delete/persist "$(screen 1 | grep -c '│ ★')" 1

# --- a on a highlight of the reader's: a bar to type a note in, with
# the note there already; Enter keeps it, Esc does not. The list shows
# it after the text; it is saved, comes back and is exported.
for size in $SIZES; do
	run $size "]] J J J * H j a <dump> Wait<Space>for<Space>GPT-5 <dump> <Enter> <dump> a <dump> <C-u>No <Esc> <dump> a <C-u> <Enter> <dump>"
	expect "note/$size-bar" "$(status_line 1)" "Note:"
	has "note/$size-list-under" "$(screen 1)" "Highlights — Enter jumps"
	expect "note/$size-typed" "$(status_line 2)" "Note: Wait for GPT-5"
	has "note/$size-kept" "$(status_line 3)" "Note kept"
	has "note/$size-shown" "$(screen 3)" "✎ Wait for GPT-5"
	expect "note/$size-prefilled" "$(status_line 4)" "Note: Wait for GPT-5"
	has "note/$size-esc-keeps" "$(screen 5)" "✎ Wait for GPT-5"
	has "note/$size-removed" "$(status_line 6)" "Note removed"
	expect "note/$size-removed-list" "$(screen 6 | grep -c '✎')" 0
done
# Ctrl-W erases the last word of the note, not all of it.
run 100x30 "]] J J J * H j a Wait<Space>for<Space>GPT-5 <C-w> <dump> <Esc> <Esc> q"
expect note/ctrl-w "$(status_line 1)" "Note: Wait for"
# A note on a highlighted heading shows too.
run 100x30 "]] * H a On<Space>the<Space>heading <Enter> <dump>"
has note/heading "$(screen 1)" "✎ On the heading"
run 100x30 "]] J J J * H j a Wait<Space>for<Space>GPT-5 <Enter> q"
check note/file grep -q '^note [0-9]* [0-9]* Wait for GPT-5$' "$STATE"/doc-*.state
KEEP_STATE=1 run 100x30 "H <dump>"
has note/persist "$(screen 1)" "★ Why Jan is op… · Jan Leike: If you compare"
has note/persist-note "$(screen 1)" "✎ Wait for GPT-5"
run 100x30 "H j a <dump>"
has note/doc-own "$(status_line 1)" "The document's own highlight: notes go on yours"
# A long note: the bar shows its end, where the cursor is.
long=$(printf 'word%.0s<Space>' $(seq 1 30))
run 40x12 "]] J J J * H j a ${long}end <dump>"
has note/long-end "$(status_line 1)" "word end"
has note/long-ellipsis "$(status_line 1)" "Note: …"
# Exported after the quote, on a line of its own.
run 100x30 "]] J J J * H j a Wait<Space>for<Space>GPT-5 <Enter> q"
export_hl > "$TMP/export"
check note/export grep -qx 'Note: Wait for GPT-5' "$TMP/export"
has note/export-after-quote "$(grep -B2 '^Note:' "$TMP/export" | head -1)" "> — Jan Leike, in “Why Jan is optimistic”"
expect note/export-plain "$($LECTERN --export-highlights $I | grep -c '^Note: Wait for GPT-5$')" 1
# A note in the file with controls: none reaches the terminal or the
# export; the file keeps it escaped.
f=$(ls "$STATE"/doc-*.state)
sed 's/^\(note [0-9]* [0-9]*\) .*/\1 bell\\x07esc\\x1b[2Jend\\nline/' "$f" > "$f.new" && mv "$f.new" "$f"
chmod 600 "$f"
KEEP_STATE=1 run 100x30 "H <dump>"
has note/controls-shown "$(screen 1)" "✎ bell^Gesc^[[2Jend line"
check note/controls-not-sent sh -c "! grep -q \"$(printf '\033')\[2Jend\" '$TMP/tty'"
check note/bell-not-sent sh -c "! grep -q \"bell$(printf '\007')\" '$TMP/tty'"
$LECTERN --export-highlights $I > "$TMP/export2"
check note/export-controls-safe sh -c "! grep -q \"$(printf '[\007\033]')\" '$TMP/export2'"
expect note/export-one-line "$(grep -c '^Note: bell' "$TMP/export2")" 1

# --- A search from the history comes back with its direction, its mode
# and its scope; the history file keeps how each was searched after a
# tab, and still reads plain lines of earlier versions.
for size in $SIZES; do
	run $size '}} ?sup.r<C-r><Tab><Tab> <Enter> /jobs <Enter> g }} / <Up> <Up> <dump> <Down> <dump> <Esc> q'
	has "history-modes/$size-back" "$(status_line 1 | cut -c1-6)" "?sup.r"
	has "history-modes/$size-regex" "$(status_line 1)" "regex"
	has "history-modes/$size-scope" "$(status_line 1)" "by: Jan"
	has "history-modes/$size-forward" "$(status_line 2 | cut -c1-5)" "/jobs"
	expect "history-modes/$size-plain" "$(status_line 2 | grep -c 'regex\|by:')" 0
done
expect history-modes/file "$(cat "$STATE/history")" "$(printf 'sup.r\tbackward regex speaker\njobs\tforward text all')"
printf 'old one\njobs\n' > "$STATE/history"
chmod 600 "$STATE/history"
KEEP_STATE=1 run 100x30 '? <Up> <Up> <dump> <Esc> /old<Space>one <Enter> q'
expect history-modes/old-line "$(status_line 1 | cut -c1-8)" "?old one"
expect history-modes/old-replaced "$(cat "$STATE/history")" "$(printf 'jobs\nold one\tforward text all')"
# Past the newest entry, the bar is as it opened again.
KEEP_STATE=1 run 100x30 '? <Up> <dump> <Down> <dump> <Esc> q'
expect history-modes/recalled-forward "$(status_line 1 | cut -c1-8)" "/old one"
expect history-modes/empty-as-opened "$(status_line 2)" "?"
# Tab in a recalled query where there is no speaker: said, all searched.
run 100x30 '}} /Leike<Tab><Tab> <Enter> g / <Up> <dump>'
has history-modes/no-speaker-here "$(status_line 1)" "no speaker here"

# --- The keys are in the key table: --keys, the help and the man page.
for k in 'L  *marks' 'd  *delete' 'D  *clear-highlights' 'a  *note'; do
	check "keys/has-$(echo "$k" | sed 's/ .*//')" sh -c "$LECTERN --keys | grep -q '^  $k '"
done
check keys/man-marks grep -q '(\\fImarks\\fR)' man/lectern.1
check keys/man-note grep -q '(\\fInote\\fR)' man/lectern.1
check keys/readme-L grep -q '^| `L` |' README.md
# d and a still move the contents and the speakers' list as they did.
run 100x30 's d <dump>'
expect keys/d-in-speakers "$(screen 1 | grep -c 'Speakers —')" 1
