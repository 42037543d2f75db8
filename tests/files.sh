#!/bin/sh
# files.sh: several files in the reader: :n and :p, each file keeping
# its place, highlights and search, the status line's file 2/3, and
# files closed past eight open coming back as they were.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt
W=tests/data/wrapped.txt
U=tests/data/unicode.txt

# :n and :p move between the files; each keeps its place.
run 100x12 '] ] <dump> :n <dump> 2j <dump> :n <dump> :n <dump> :p <dump> :p <dump> :p <dump>' $I $W $U
expect files/first "$(reader 1 1)" "Highlights"
expect files/first-status "$(line 1 12 | grep -o 'file 1/3')" "file 1/3"
expect files/next "$(reader 2 1)" "The Long Game: a conversation with Zoë Ångström"
expect files/next-status "$(line 2 12 | grep -o 'file 2/3')" "file 2/3"
expect files/moved "$(reader 3 1)" "Episode notes"
expect files/third "$(reader 4 1)" "Wide and combining text: a test transcript"
expect files/third-status "$(line 4 12 | grep -o 'file 3/3')" "file 3/3"
expect files/no-next "$(line 5 12 | sed 's/^ *//; s/  .*//')" "This is the last file"
expect files/back-place-kept "$(reader 6 1)" "Episode notes"
expect files/back-first-place "$(reader 7 1)" "Highlights"
expect files/no-prev "$(line 8 12 | sed 's/^ *//; s/  .*//')" "This is the first file"
# The contents follow the file shown: the second has two sections.
expect files/toc-follows "$(line 2 3 | sed 's/ *│.*//')" " The hard part"

# Each keeps its search: a search in the first, another file, back, n
# goes on from the first's matches.
run 100x30 '/ jobs <Enter> <dump> :n / forecasting <Enter> <dump> :p n <dump> :n n <dump>' $I $W
# match: the current match of the search on screen N's status line.
match() { line "$1" 30 | grep -o '[0-9]*/[0-9]*  file' | cut -d' ' -f1; }
expect files/search-1 "$(match 1)" "1/3"
expect files/search-2 "$(match 2)" "1/2"
expect files/search-1-kept "$(match 3)" "2/3"
expect files/search-2-kept "$(match 4)" "2/2"

# Each keeps its highlights, in memory and in its notes.
run 100x30 'J * <dump> :n <dump> :p <dump> q' $W $U
expect files/hl-made "$(screen 1 | grep -c '│▌┃Episode notes')" 1
expect files/hl-not-in-other "$(screen 2 | grep -c '┃')" 0
expect files/hl-kept "$(screen 3 | grep -c '┃Episode notes')" 1
KEEP_STATE=1 run 100x30 '<dump>' $W
expect files/hl-saved "$(screen 1 | grep -c '┃Episode notes')" 1

# Past eight files open, the one shown least recently is closed: it
# comes back at its place, with its search.
for k in 1 2 3 4 5 6 7 8 9 10; do
	{ cat $I; echo "Rob Wiblin: File number $k."; } > "$TMP/f$k.txt"
done
run 100x30 '] ] / jobs <Enter> <dump> :n :n :n :n :n :n :n :n :n <dump> :p :p :p :p :p :p :p :p :p <dump> n <dump>' "$TMP"/f1.txt "$TMP"/f2.txt "$TMP"/f3.txt "$TMP"/f4.txt "$TMP"/f5.txt "$TMP"/f6.txt "$TMP"/f7.txt "$TMP"/f8.txt "$TMP"/f9.txt "$TMP"/f10.txt
expect files/ten-last "$(line 2 30 | grep -o 'file 10/10')" "file 10/10"
expect files/ten-back-place "$(reader 3 1)" "$(reader 1 1)"
expect files/ten-back-status "$(line 3 30 | grep -o 'file 1/10')" "file 1/10"
expect files/ten-back-search "$(match 4)" "2/3"

# A file that cannot be opened is said, and the others are read.
run 100x30 '<dump> :n <dump>' $W "$TMP/nope.txt"
expect files/missing "$(line 2 30 | sed 's/^ *//; s/  .*//')" "Cannot open $TMP/nope.txt: No such file or directory"
expect files/missing-stays "$(reader 2 1)" "The Long Game: a conversation with Zoë Ångström"
# Standard input is read alone in the reader.
status files/stdin-alone 2 $PTYRUN -s 80x24 -t 5 -- $LECTERN - $W

# A large file still being read says how far on the status line (once
# it has read for a second; at once here).
awk 'BEGIN { print "A long one"; for (i = 0; i < 120000; i++)
    printf "Ana Lima: Line %d of a long transcript, read in slices.\n", i }' > "$TMP/big.txt"
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -e LECTERN_PROGRESS_MS=0 -K 'q' -- $LECTERN "$TMP/big.txt" < /dev/null
check files/reading-said grep -aq 'reading [0-9]*%  Top' "$TMP/tty"
# Without the test hook, a file read within a second says nothing.
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -K 'q' -- $LECTERN "$TMP/big.txt" < /dev/null
check files/reading-quick-silent sh -c "! grep -aq 'reading [0-9]*%' '$TMP/tty'"
