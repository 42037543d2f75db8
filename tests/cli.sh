#!/bin/sh
# cli.sh: the command line, its outputs and its errors.
. tests/lib.sh
G=tests/golden
I=assets/interview.txt

cat > "$TMP/outline.txt" <<'OUT'
Episode summary
Highlights
  Why Jan is optimistic
  The Superalignment team isn't trying to train a really good ML researcher
  Did the release of ChatGPT increase or reduce AI extinction risk?
  There's something interesting going on with RLHF
  Backup plans
  Should we be worried about connecting models to everything?
  Jobs with the Superalignment team
OUT
golden cli/outline "$TMP/outline.txt" $LECTERN --outline $I
golden cli/speakers $G/interview-speakers.txt $LECTERN --speakers $I
for w in 80 40 20; do
	golden cli/dump-$w $G/interview-$w.txt $LECTERN --dump=$w $I
	golden cli/dump-unicode-$w $G/unicode-$w.txt $LECTERN --dump=$w tests/data/unicode.txt
done
golden cli/dump-wrapped $G/wrapped-60.txt $LECTERN --dump=60 tests/data/wrapped.txt
golden cli/outline-wrapped $G/wrapped-outline.txt $LECTERN --outline tests/data/wrapped.txt

# No line wider than asked, measured by the C library's wcwidth.
for f in $I tests/data/unicode.txt; do
	for w in 60 33 17 9; do
		$LECTERN --dump=$w $f > "$TMP/dump"
		got=$(maxwidth "$TMP/dump")
		check "cli/width-$w-$(basename $f)" test "$got" -le $w
	done
done

# Not a terminal: a file argument alone dumps at 80 columns.
golden cli/pipe-dumps $G/interview-80.txt $LECTERN $I
# stdin, with - and without a file argument.
golden cli/stdin-dash "$TMP/outline.txt" sh -c "$LECTERN --outline - < $I"
golden cli/stdin-pipe "$TMP/outline.txt" sh -c "cat $I | $LECTERN --outline"
# With stdin a terminal and no file: the bundled interview, from anywhere.
script -qec "cd / && $(realpath $LECTERN) --outline" /dev/null < /dev/null | tr -d '\r' > "$TMP/tty-outline"
check cli/bundled-interview cmp -s "$TMP/tty-outline" "$TMP/outline.txt"

# The bundled interview is one episode: its outline above has no episode
# level (its title is not in it). An archive's outline has its episodes at
# the top, their sections under them: plain episodes (a title and a
# byline each, as `make bench` writes them), and Markdown ones (after a
# first "# Title", each "# " heading is an episode's title).
archive "$TMP/archive.txt"
cat > "$TMP/archive-outline.txt" <<'OUT'
Tides and the moon
  Episode summary
  Transcript
    Why tides rise
    How the moon pulls
Locks and keys
  Episode summary
  Transcript
    The first locks
    Picking a lock
Bread and yeast
  Episode summary
  Transcript
    Starting a dough
    Baking the loaf
OUT
golden cli/archive-outline "$TMP/archive-outline.txt" $LECTERN --outline "$TMP/archive.txt"
titles=$($LECTERN --blocks "$TMP/archive.txt" | awk -F '\t' '$2 == "title" { print $4 }' | tr '\n' '|')
check cli/archive-titles test "$titles" = "Tides and the moon|Locks and keys|Bread and yeast|"
for i in 1 2; do
	printf '# Episode %s\n\n**Ada:** Hello.\n\n## Intro\n\n**Bo:** Hi.\n\n## Part two\n\n### Detail\n\n**Ada:** More.\n\n' $i
done > "$TMP/archive.md"
cat > "$TMP/archive-md-outline.txt" <<'OUT'
Episode 1
  Intro
  Part two
    Detail
Episode 2
  Intro
  Part two
    Detail
OUT
golden cli/archive-md-outline "$TMP/archive-md-outline.txt" $LECTERN --outline "$TMP/archive.md"
cp "$TMP/archive.md" "$TMP/archive-md.txt"
golden cli/archive-hash-outline "$TMP/archive-md-outline.txt" $LECTERN --outline "$TMP/archive-md.txt"
# --grep's path starts at the episode, in its opening too.
$LECTERN --grep 'second part|opening of episode 2' -E "$TMP/archive.txt" > "$TMP/grep.txt"
cat > "$TMP/archive-grep.txt" <<'OUT'
Tides and the moon > Transcript > How the moon pulls: Ada Byrne: The «second part» of episode 1 goes deeper.
Locks and keys: The «opening of episode 2», long enough to be a…
Locks and keys > Transcript > Picking a lock: Ada Byrne: The «second part» of episode 2 goes deeper.
Bread and yeast > Transcript > Baking the loaf: Ada Byrne: The «second part» of episode 3 goes deeper.
OUT
check cli/archive-grep cmp -s "$TMP/grep.txt" "$TMP/archive-grep.txt"
# The bundled interview does not end in a newline: cat glues its last
# paragraph to the next one's title, and the two are read apart again.
cat $I $I > "$TMP/twice.txt"
tops=$($LECTERN --outline "$TMP/twice.txt" | grep -v '^ ' | uniq -c | sed 's/^ *//')
check cli/archive-glued-titles test "$tops" = "2 $(head -n 1 $I)"
last=$($LECTERN --blocks "$TMP/twice.txt" | awk -F '\t' '$2 == "title" { print prev } { prev = $2 "|" $3 "|" substr($4, 1, 28) }' | tail -n 1)
check cli/archive-glued-turn test "$last" = "paragraph|Jan Leike|And for the research manager"
# One "# Title" over "##" sections is one episode, as before.
printf '# Only one\n\n## Intro\n\n**Ada:** Hello.\n\n### Detail\n\n**Bo:** Hi.\n' > "$TMP/single.md"
printf 'Intro\n  Detail\n' > "$TMP/single-outline.txt"
golden cli/single-md-outline "$TMP/single-outline.txt" $LECTERN --outline "$TMP/single.md"

# Help and version.
status cli/help-status 0 $LECTERN --help
check cli/help-usage grep -q '^Usage: lectern \[OPTION\]... \[+/PATTERN|+N\] \[FILE|DIR|-\]...' "$TMP/out"
status cli/version 0 $LECTERN --version
check cli/version-text grep -q '^lectern [0-9]' "$TMP/out"

# Errors: one line on stderr naming the file, status 2, nothing on stdout.
status cli/missing-file 2 $LECTERN --dump "$TMP/nope.txt"
check cli/missing-file-message test "$(cat "$TMP/err")" = "lectern: $TMP/nope.txt: No such file or directory"
check cli/missing-file-no-output test ! -s "$TMP/out"
# A folder stands for the transcripts in it; one with none is an error.
mkdir -p "$TMP/empty-dir"
status cli/directory 2 $LECTERN --outline "$TMP/empty-dir"
check cli/directory-message test "$(cat "$TMP/err")" = "lectern: $TMP/empty-dir: no transcripts in this folder"
status cli/bad-option 2 $LECTERN --frobnicate
check cli/bad-option-one-line test "$(wc -l < "$TMP/err")" -eq 1
check cli/bad-option-message grep -q "unknown option '--frobnicate'" "$TMP/err"
status cli/bad-width 2 $LECTERN --dump=0 $I
# A file name with an escape sequence is shown safely in the message.
status cli/hostile-name 2 $LECTERN "$TMP/$(printf 'x\033]0;pwned\007')"
check cli/hostile-name-safe sh -c "! grep -q \"$(printf '\033')\" '$TMP/err'"
check cli/hostile-name-shown grep -q 'x^\[\]0;pwned^G' "$TMP/err"
# With a query: the query is freed on the way out (a leak made the
# sanitized build exit 1).
status cli/count-missing-file 2 $LECTERN --count x "$TMP/nope.txt"
check cli/count-missing-file-message test "$(cat "$TMP/err")" = "lectern: $TMP/nope.txt: No such file or directory"
status cli/grep-regex-missing-file 2 $LECTERN -E --grep 'x+' "$TMP/nope.txt"
if truncate -s 3G "$TMP/huge.txt" 2>/dev/null; then
	status cli/count-too-large 2 $LECTERN --count x "$TMP/huge.txt"
	check cli/count-too-large-message grep -q "File too large" "$TMP/err"
	rm -f "$TMP/huge.txt"
fi

# Empty input and CRLF input.
status cli/empty 0 $LECTERN --dump /dev/null
check cli/empty-output test ! -s "$TMP/out"
printf 'Title\r\nSection\r\nAna Souza: Hi.\r\n' > "$TMP/crlf.txt"
golden cli/crlf-speakers /dev/stdin $LECTERN --speakers "$TMP/crlf.txt" <<'OUT'
Ana Souza	1	1
OUT

# The real transcripts in ../shared/corpus, where they are (not in a clone).
if [ -d ../shared/corpus ]; then
	for f in ../shared/corpus/*.txt; do
		status "corpus/opens-$(basename $f)" 0 $LECTERN --dump=72 "$f"
	done
	check corpus/80k-speakers sh -c "$LECTERN --speakers ../shared/corpus/80k-paul-christiano-2018.txt | cut -f1 | tr '\n' , | grep -qx 'Robert Wiblin,Paul Christiano,'"
	check corpus/axrp-speakers sh -c "$LECTERN --speakers ../shared/corpus/axrp-38.5-adria-garriga-alonso.md.txt | cut -f1 | tr '\n' , | grep -qx 'Daniel Filan,Adrià Garriga-Alonso,'"
	check corpus/axrp-outline sh -c "$LECTERN --outline ../shared/corpus/axrp-24-jan-leike-superalignment.md.txt | head -1 | grep -qx 'The superalignment team'"
fi

# The man page renders without a warning.
if command -v groff >/dev/null 2>&1; then
	check cli/man-renders sh -c "test -z \"\$(groff -man -Tutf8 -ww -z man/lectern.1 2>&1)\""
fi
# make install honours PREFIX and DESTDIR (for the normal build only).
if [ "$LECTERN" != ./lectern ]; then
	:
elif make -s install DESTDIR="$TMP/dest" PREFIX=/opt/lx >/dev/null 2>&1; then
	check cli/install-bin test -x "$TMP/dest/opt/lx/bin/lectern"
	check cli/install-man test -f "$TMP/dest/opt/lx/share/man/man1/lectern.1"
	script -qec "cd / && '$TMP/dest/opt/lx/bin/lectern' --outline" /dev/null < /dev/null | tr -d '\r' > "$TMP/inst"
	check cli/installed-runs cmp -s "$TMP/inst" "$TMP/outline.txt"
else
	fail cli/install "make install failed"
fi
# The man page's KEYS section is the key table, as the help shows it.
sed -n '/keys-begin/,/keys-end/p' man/lectern.1 | sed '1d;$d' > "$TMP/mankeys"
golden cli/man-keys "$TMP/mankeys" $LECTERN --keys=man
check cli/keys-lists-quit sh -c "$LECTERN --keys | grep -q '^  q, Q  *quit'"

# Two modes at once are a usage error, not the last one silently.
for pair in "--outline --speakers" "--count=x --grep=y" "--dump --outline" "--count=x --count=y" "--blocks --export-highlights"; do
	status "cli/two-modes-$(echo $pair | tr -d ' =-')" 2 $LECTERN $pair $I
	check "cli/two-modes-said-$(echo $pair | tr -d ' =-')" grep -q 'two modes\|given twice' "$TMP/err"
	check "cli/two-modes-nothing-out-$(echo $pair | tr -d ' =-')" test ! -s "$TMP/out"
done
# Standard input read because no file was named, and nothing comes (as
# with ssh host lectern --outline): lectern says what it waits for.
sh -c 'sleep 2' | $LECTERN --outline > "$TMP/out" 2> "$TMP/err"
check cli/stdin-wait-said grep -q 'reading standard input, as no file was named' "$TMP/err"
cat $I | $LECTERN --outline > "$TMP/out" 2> "$TMP/err"
check cli/stdin-quick-silent test ! -s "$TMP/err"
