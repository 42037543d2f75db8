#!/bin/sh
# open.sh: where the reader opens: +/PATTERN and --search (the first
# match, highlighted), +N and +G, --at=TIME, --section=TEXT; they win
# over the saved place.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt

# +/backup: the first match, at the first screen, current (reverse
# video) and counted on the status line; n goes on to the next.
run 100x30 '<dump> n <dump> q' +/backup $I
expect open/search-top "$(reader 1 8)" "Backup plans"
expect open/search-highlighted "$(attrs 1 | sed -n 8p | cut -c29-34)" "RRRRRR"
expect open/search-count "$(line 1 30 | grep -o '1/4  67%')" "1/4  67%"
expect open/search-n "$(line 2 30 | grep -o '2/4')" "2/4"
# --search is the same; a regular expression with -E.
run 100x30 '<dump> q' --search=backup $I
expect open/search-option "$(reader 1 8)" "Backup plans"
run 100x30 '<dump> q' -E '+/back(up|wards) plans' $I
expect open/search-regex "$(reader 1 8)" "Backup plans"
run 100x30 '<dump> q' +/zzzzqqq $I
expect open/search-none "$(reader 1 1)" "$T1"
# A bad expression is said.
run 100x30 '<dump> q' -E '+/(' $I
expect open/search-bad "$(line 1 30 | sed 's/^ *//' | cut -c1-15)" "Bad search '(':"

# +N: line N at the top; +G: the end.
run 100x30 '<dump> q' +5 $I
expect open/line "$(reader 1 1)" "leike-superalignment/"
run 100x30 '<dump> q' +G $I
expect open/end "$(reader 1 29)" "work together, and just traditional management stuff."
status open/bad-command 2 $LECTERN +x $I
expect open/bad-command-said "$(cat "$TMP/err")" "lectern: unknown command '+x' (+/PATTERN, +N or +G; a file whose name starts with + is ./+x) (try 'lectern --help')"

# --section: the first section whose title has the text (case and
# diacritics aside).
run 100x30 '<dump> q' --section=backup $I
expect open/section "$(reader 1 1)" "Backup plans"
run 100x30 '<dump> q' --section=nowhere $I
expect open/section-none "$(line 1 30 | sed 's/^ *//; s/  .*//')" "No section has 'nowhere'"
# In an archive an episode's title counts as a section's, and a section
# of a later episode is found after the first's.
archive "$TMP/archive.txt"
run 100x30 '<dump> q' --section=locks "$TMP/archive.txt"
expect open/section-episode "$(reader 1 1)" "Locks and keys"
run 100x30 '<dump> q' --section=dough "$TMP/archive.txt"
expect open/section-in-episode "$(reader 1 1)" "Starting a dough"

# --at: the block playing at a time.
V="$TMP/times.vtt"
{
	echo WEBVTT
	i=0
	while [ $i -lt 60 ]; do
		printf '\n%02d:%02d:00.000 --> %02d:%02d:30.000\n' $((i / 60)) $((i % 60)) $((i / 60)) $((i % 60))
		if [ $((i % 2)) = 0 ]; then n="Ann Lee"; else n="Bob Stone"; fi
		printf '<v %s>Minute %d. Something is said here.\n' "$n" $i
		i=$((i + 1))
	done
} > "$V"
run 80x10 '<dump> q' --at=30:15 "$V"
expect open/at "$(reader 1 1 | grep -o 'Minute 30\.')" "Minute 30."
run 80x10 '<dump> q' --at=45m "$V"
expect open/at-minutes "$(reader 1 1 | grep -o 'Minute 45\.')" "Minute 45."
run 80x10 '<dump> q' --at=5:00:00 "$V"
expect open/at-past-end-last "$(screen 1 | grep -c 'Minute 59\.')" 1
expect open/at-past-end "$(line 1 10 | sed 's/^ *//; s/  .*//')" "The last time in this document is 59:00"
run 80x10 '<dump> q' --at=1:00 $I
expect open/at-no-times "$(line 1 10 | sed 's/^ *//; s/  .*//')" "This document has no times"
status open/at-bad 2 $LECTERN --at=soon $I
expect open/at-bad-said "$(cat "$TMP/err")" "lectern: bad time for --at: 'soon' (1:23:45, 83:10, 83m or seconds) (try 'lectern --help')"

# The place saved is where a file opens, unless these say otherwise.
KEEP_STATE=1
rm -rf "$XDG_STATE_HOME"
run 100x30 '] ] q' $I
run 100x30 '<dump> q' $I
expect open/saved-place "$(reader 1 1)" "Highlights"
run 100x30 '<dump> q' +/backup $I
expect open/option-wins "$(reader 1 8)" "Backup plans"
KEEP_STATE=
