#!/bin/sh
# input.sh: what doc.c makes of the bytes before a format's reader sees
# them (encodings, line ends), and a file that shrinks while it is open.
. tests/lib.sh
. tests/screenlib.sh

wanted="0	title		Title here
1	turn	Alice Smith	hello there, café.
2	turn	Bob Jones	hi."
text='Title here\n\nAlice Smith: hello there, café.\n\nBob Jones: hi.\n'

# Lines ended by CR alone (old Mac files) are lines.
printf "$text" | tr '\n' '\r' > "$TMP/cr.txt"
expect input/cr-only "$($LECTERN --blocks "$TMP/cr.txt" | sed 1d)" "$wanted"
# CRLF, and CR mixed into LF lines.
printf "$text" | sed 's/$/\r/' > "$TMP/crlf.txt"
expect input/crlf "$($LECTERN --blocks "$TMP/crlf.txt" | sed 1d)" "$wanted"

# UTF-16 with a byte-order mark, either way round, and without one.
printf "$text" | iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > "$TMP/le.txt"
expect input/utf16le-bom "$($LECTERN --blocks "$TMP/le.txt" | sed 1d)" "$wanted"
printf "$text" | iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } > "$TMP/be.txt"
expect input/utf16be-bom "$($LECTERN --blocks "$TMP/be.txt" | sed 1d)" "$wanted"
printf "$text" | iconv -f UTF-8 -t UTF-16LE > "$TMP/le-nobom.txt"
expect input/utf16le-no-bom "$($LECTERN --blocks "$TMP/le-nobom.txt" | sed 1d)" "$wanted"
status input/utf16-not-binary 0 $LECTERN --dump "$TMP/le.txt"
expect input/utf16-said "$($LECTERN --blocks "$TMP/le.txt" | head -1)" "# format: plain; converted from UTF-16LE"
check input/utf16-no-warning test ! -s "$TMP/err"
# From a pipe too, with CR line ends.
expect input/utf16-stdin "$(iconv -f UTF-8 -t UTF-16 < "$TMP/crlf.txt" | $LECTERN --blocks | sed 1d)" "$wanted"
# A UTF-8 byte-order mark is not text.
printf '\357\273\277'"$text" > "$TMP/bom.txt"
expect input/utf8-bom "$($LECTERN --blocks "$TMP/bom.txt" | sed 1d)" "$wanted"

# A file truncated while the reader has it open: the reader says so, keeps
# what it can, restores the terminal and saves the place.
big="$TMP/big.txt"
awk 'BEGIN { print "Big Archive\n"; for (i = 0; i < 30000; i++)
	printf "Alice Smith: line %d of a long transcript that goes on and on.\n\n", i }' > "$big"
( sleep 1.5; : > "$big" ) &
$PTYRUN -s 80x24 -t 20 -o "$TMP/tty" -K '<wait> <sleep:2500> G <wait> q' -- $LECTERN "$big" < /dev/null
RC=$?
wait
expect shrink/reader-status "$RC" 0
check shrink/reader-says grep -aq 'The file shrank to 0 bytes while open' "$TMP/tty"
check shrink/terminal-restored sh -c "tail -c 200 '$TMP/tty' | grep -aq '?1049l'"
check shrink/place-saved sh -c "ls '$XDG_STATE_HOME/lectern/' | grep -q 'state\$'"
