#!/bin/sh
# hostile.sh: documents written to attack the reader or the terminal, bad
# files, bad terminals and signals. Nothing from a document may reach the
# terminal as a control sequence; every input opens or fails clearly.
. tests/lib.sh
. tests/screenlib.sh
. tests/hostilelib.sh
H="$TMP/hostile"
make_hostile "$H" big
E=$(printf '\033')

# injected FILE: true when FILE holds a sequence planted in the documents
# (ncurses itself never writes these).
injected() {
	grep -aqF "${E}]52;c;SGVsbG8=" "$1" ||
	    grep -aqF "${E}]52;c;cHduZWQ=" "$1" || grep -aqF "${E}]0;pwned" "$1" ||
	    grep -aqF "${E}]8;;" "$1" || grep -aqF "${E}[3;1337H" "$1" ||
	    grep -aqF "$(printf '\302\233')" "$1" || grep -aqF "${E}c" "$1" ||
	    grep -aqF "${E}P+q" "$1" || grep -aqF "$(printf '\342\200\256')" "$1"
}

# The reader, driven through every view, on each hostile document.
KEYS='j G g /e <Enter> n N t t <Tab> j <Enter> h <Esc> ] [ } { H <Esc> s <Esc> J * y <resize:30x8> <resize:100x30> q'
for f in escapes nul binary invalid crlf-odd bom fragments plain empty blank marks headings; do
	file="$H/$f.txt"; [ -f "$file" ] || file="$H/$f.bin"
	run 100x30 "$KEYS" "$file"
	check "reader/$f-exit-0" test "$RC" -eq 0
	if injected "$TMP/tty"; then fail "reader/$f-clean" "a planted sequence reached the terminal"
	else pass "reader/$f-clean"; fi
done
# The planted text is shown, as placeholders.
run 100x30 '<dump>' "$H/escapes.txt"
check reader/escape-shown grep -q '\^\[\]0;pwned-title\^G' "$TMP/dump"
check reader/bidi-shown grep -q '<U+202E>reversed text<U+202C>' "$TMP/dump"
check reader/c1-shown grep -q '<U+009B>' "$TMP/dump"
expect reader/placeholder-reversed "$(attrs 1 | sed -n 1p | cut -c48-49)" "RR"
# Also in the contents, the status line, the help and the search bar.
run 100x30 '/pwned <dump> <Esc> <Tab> <dump>' "$H/escapes.txt"
check reader/bar-clean sh -c "! grep -aqF '${E}]0' '$TMP/tty'"
check reader/toc-shown grep -q 'Section \^\[\[3;1337Hone' "$TMP/dump"

# Every plain output: no escape byte, no C1 control, valid UTF-8.
for mode in --dump=60 --outline --speakers --blocks "--grep=e" "--grep=pwned"; do
	for f in escapes nul binary invalid marks; do
		file="$H/$f.txt"; [ -f "$file" ] || file="$H/$f.bin"
		$LECTERN $mode "$file" > "$TMP/out" 2> "$TMP/err"
		rc=$?
		name="plain/$f-${mode#--}"
		check "$name-status" test $rc -eq 0
		check "$name-no-escape" sh -c "! grep -aq '$E' '$TMP/out' '$TMP/err'"
		check "$name-no-c1" sh -c "! grep -aqP '\xc2[\x80-\x9f]' '$TMP/out'"
		check "$name-utf8" sh -c "iconv -f UTF-8 -t UTF-8 '$TMP/out' > /dev/null 2>&1"
	done
done
# Highlights exported from a hostile document are safe too.
run 100x30 'J * J * J * JJ * q' "$H/escapes.txt"
$LECTERN --export-highlights "$H/escapes.txt" > "$TMP/out" 2>&1
check plain/export-has-highlights grep -q '^> ' "$TMP/out"
check plain/export-no-escape sh -c "! grep -aq '$E' '$TMP/out'"
# A pile of combining marks shows a few of them.
$LECTERN --dump=40 "$H/marks.txt" > "$TMP/out"
expect plain/marks-capped "$(head -1 "$TMP/out" | wc -c)" 18

# Binary: a one-line warning, then placeholders, like less.
$LECTERN --dump "$H/binary.bin" > "$TMP/out" 2> "$TMP/err"
expect binary/warning "$(cat "$TMP/err")" "lectern: $H/binary.bin: this looks like a binary file; its bytes are shown as placeholders"
check binary/placeholders grep -q '\^@' "$TMP/out"

# Bad files: a one-line message naming the file, status 2, nothing else.
mkfifo "$TMP/fifo"
( sleep 0.5; printf 'From a pipe\nAna Souza: hello.\n' > "$TMP/fifo" ) &
expect files/fifo-writer "$(timeout 20 $LECTERN --speakers "$TMP/fifo")" "$(printf 'Ana Souza\t1\t1')"
wait
# With no writer at all: a clear message after ten seconds, not a hang.
status files/fifo-no-writer 2 timeout 30 $LECTERN --dump "$TMP/fifo"
expect files/fifo-no-writer-message "$(cat "$TMP/err")" "lectern: $TMP/fifo: nobody wrote to the FIFO within 10 seconds"
status files/dev-null 0 $LECTERN --dump /dev/null
# A folder stands for the transcripts in it: one with none is said.
mkdir -p "$TMP/no-transcripts"
printf 'x' > "$TMP/no-transcripts/cover.jpg"
status files/directory 2 $LECTERN --dump "$TMP/no-transcripts"
expect files/directory-message "$(cat "$TMP/err")" "lectern: $TMP/no-transcripts: no transcripts in this folder"
status files/missing 2 $LECTERN "$TMP/missing.txt"
expect files/missing-message "$(cat "$TMP/err")" "lectern: $TMP/missing.txt: No such file or directory"
if [ "$(id -u)" -eq 0 ]; then
	# root reads any file: a file that cannot be read is /proc/self/mem.
	status files/unreadable 2 $LECTERN --dump /proc/self/mem
	expect files/unreadable-message "$(cat "$TMP/err")" "lectern: /proc/self/mem: Input/output error"
else
	printf 'secret\n' > "$TMP/secret.txt"; chmod 000 "$TMP/secret.txt"
	status files/unreadable 2 $LECTERN --dump "$TMP/secret.txt"
	expect files/unreadable-message "$(cat "$TMP/err")" "lectern: $TMP/secret.txt: Permission denied"
fi
$LECTERN --dump <&- > "$TMP/out" 2> "$TMP/err"
expect files/stdin-closed "$?:$(cat "$TMP/err")" "2:lectern: standard input: Bad file descriptor"
check files/one-line sh -c "[ \$(wc -l < '$TMP/err') -eq 1 ]"
# Big inputs open, and memory stays within a few times the file's size.
for f in longline marks headings; do
	if [ "$LECTERN" = ./lectern ]; then
		( ulimit -v 600000; $LECTERN --dump=80 "$H/$f.txt" > /dev/null )
	else
		$LECTERN --dump=80 "$H/$f.txt" > /dev/null
	fi
	check "files/$f-opens" test $? -eq 0
done
expect files/headings-outline "$($LECTERN --outline "$H/headings.txt" | wc -l)" 4999

# Terminals: unknown, dumb or unset TERM say so; a pipe gets plain text.
for t in dumb nonexistent-term ""; do
	script -qec "TERM='$t' $LECTERN" /dev/null < /dev/null | tr -d '\r' > "$TMP/out"
	check "term/${t:-unset}-said" grep -q "^lectern: the terminal type '$t'" "$TMP/out"
done
expect term/dumb-pipe "$(TERM=dumb $LECTERN --outline $(pwd)/assets/interview.txt | head -1)" "Episode summary"
# A locale that is not UTF-8: only ASCII reaches the terminal.
LC_ALL=C run 100x30 '/quote <Enter> G q' tests/data/unicode.txt
check term/ascii-locale-exit test "$RC" -eq 0
expect term/ascii-locale-bytes "$(LC_ALL=C tr -d '\000-\177' < "$TMP/tty" | wc -c)" 0
expect term/ascii-dump "$(LC_ALL=C $LECTERN --dump=80 tests/data/unicode.txt | LC_ALL=C tr -d '\000-\177' | wc -c)" 0
check term/ascii-translit sh -c "LC_ALL=C $LECTERN --dump=80 tests/data/unicode.txt | grep -q 'Jose Nunez: Thanks'"
# --grep's own marks (the ellipsis, the quotes around a match) too.
expect term/ascii-grep "$(LC_ALL=C $LECTERN --grep naive tests/data/unicode.txt | LC_ALL=C tr -d '\000-\177' | wc -c)" 0
check term/ascii-grep-found sh -c "LC_ALL=C $LECTERN --grep naive tests/data/unicode.txt | grep -q 'naive'"

# Signals restore the terminal and save the place; input that ends (the
# terminal gone) ends the reader instead of spinning.
for sig in TERM HUP INT; do
	rm -rf "$XDG_STATE_HOME"
	$PTYRUN -s 80x24 -t 10 -o "$TMP/tty" -- sh -c "$LECTERN --top $(pwd)/assets/interview.txt & sleep 1; kill -$sig \$!; wait \$!" < /dev/null
	check "signal/$sig-restores" sh -c "tail -c 60 '$TMP/tty' | od -c | tr -d ' \n' | grep -q '\[?1049l'"
	check "signal/$sig-saves-place" grep -q '^place 0$' "$XDG_STATE_HOME"/lectern/doc-*.state
done
# (the terminal's input is /dev/null: every read ends at once)
$PTYRUN -s 80x24 -t 10 -o "$TMP/tty" -- sh -c "$LECTERN assets/interview.txt < /dev/null; echo exit=\$?" < /dev/null
check signal/input-gone-ends grep -aq 'exit=0' "$TMP/tty"
# Ctrl-Z suspends to the shell and fg comes back intact (through tmux).
if command -v tmux >/dev/null 2>&1; then
	T="tmux -L lectern-hostile-$$ -f /dev/null"
	$T new-session -d -x 80 -y 24 "sh"
	$T send-keys "PS1='$ ' $LECTERN" Enter; sleep 0.6
	$T send-keys C-z; sleep 0.4
	$T capture-pane -p > "$TMP/z1"
	$T send-keys "fg" Enter; sleep 0.6
	$T capture-pane -p > "$TMP/z2"
	$T send-keys q; sleep 0.3
	$T kill-server 2>/dev/null
	check suspend/to-shell grep -qi 'stopped' "$TMP/z1"
	check suspend/back-intact grep -q 'Contents' "$TMP/z2"
fi
