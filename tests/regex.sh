#!/bin/sh
# regex.sh: regular expressions. Costly ones end at once or are refused
# with one line, a match never runs from one paragraph into the next, and
# the reader stays live (keys and signals) while one is searched. The
# timeouts are hang guards, not timings.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt

# Refused at once, with one line and status 2.
status regex/backref-refused 2 timeout 20 $LECTERN -E --count '(.*)(.*)\2\1' $I
check regex/backref-message grep -q "^lectern: bad query '(\.\*)(\.\*)\\\\2\\\\1': back-references are not supported" "$TMP/err"
check regex/backref-one-line test "$(wc -l < "$TMP/err")" -eq 1
status regex/too-complex 2 timeout 20 $LECTERN -E --count '(((a{1,100}){1,100}){1,100}){1,100}' $I
check regex/too-complex-message grep -q "too complex" "$TMP/err"
status regex/grep-too-complex 2 timeout 20 $LECTERN -E --grep '((a{1,1000}){1,1000})' $I
check regex/grep-too-complex-one-line test "$(wc -l < "$TMP/err")" -eq 1

# Costly to a backtracking matcher, quick here: a 200 KB line, and a
# transcript of about 3.5 MB.
head -c 200000 /dev/zero | tr '\0' a > "$TMP/aaa.txt"
echo >> "$TMP/aaa.txt"
expect regex/long-line-no-match "$(timeout 20 $LECTERN -E --count 'a+b' "$TMP/aaa.txt")" 0
expect regex/long-line-one-match "$(timeout 20 $LECTERN -E --count 'a+' "$TMP/aaa.txt")" 1
expect regex/long-line-many "$(timeout 20 $LECTERN -E --count 'a|a.*z' "$TMP/aaa.txt")" 200000
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat $I $I $I $I $I $I
done > "$TMP/big.txt"
expect regex/big-no-match "$(timeout 20 $LECTERN -E --count '.+qqq' "$TMP/big.txt")" 0
expect regex/big-matches "$(timeout 20 $LECTERN -E --count 'superintelligen(ce|t)' "$TMP/big.txt")" "$(timeout 20 $LECTERN --count superintelligen "$TMP/big.txt")"

# A match ends in its paragraph: \s at the end of one does not reach into
# the next (this crashed --grep).
printf 'Bob: we talk.\n\nAlice: ok.\n' > "$TMP/t.txt"
status regex/grep-space-at-end 0 $LECTERN -E --grep 'talk\.\s' "$TMP/t.txt"
check regex/grep-space-at-end-none test ! -s "$TMP/out"
expect regex/count-space-at-end "$($LECTERN -E --count 'talk\.\s' "$TMP/t.txt")" 0
expect regex/grep-inside "$($LECTERN -E --grep 'talk\.?\s*$' "$TMP/t.txt")" "(top): Bob: we «talk.»"
status regex/grep-dot-space 0 $LECTERN -E --grep '\.\s' $I
expect regex/grep-dot-space-lines "$(wc -l < "$TMP/out")" "$($LECTERN -E --count '\.\s' $I)"
check regex/grep-dot-space-marked sh -c "! grep -v '«\. »' '$TMP/out'"
expect regex/count-space-class "$($LECTERN -E --count '[[:space:]]$' $I)" 0

# The reader: a refused expression says why in the bar; Esc and q end it.
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -K '/(.*)(.*)\2\1 <Esc> q' -- $LECTERN -E $I < /dev/null
expect regex/reader-refused-quits "$?" 0
check regex/reader-refused-says-why grep -aq "back-references are not supported" "$TMP/tty"

# With a Tab scope, a match refused for being out of it is not tried
# again a byte later (quadratic on a long line).
{ printf 'Ana: hello there.\n\nBo: '; cat "$TMP/aaa.txt"
  printf '\nAna: more words.\n\nBo: b.\n\nAna: c.\n'; } > "$TMP/scope.txt"
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -K '<sleep:300> /.+ <Tab> <Esc> q' -- $LECTERN -E --top "$TMP/scope.txt" < /dev/null
expect regex/reader-scope-quits "$?" 0
check regex/reader-scope-count grep -aq 'by: Ana [^/]*[0-9]/3' "$TMP/tty"

# A long scan goes on between keys: the bar shows K/N+ while it scans,
# Esc stops it, q quits, and SIGTERM ends the reader at once. (The keys
# come once the file is read and folded; in parentheses, the expression
# is searched only once whole; one match is found at once and no other,
# so that the screen stays still while it scans.)
printf 'Intro\n\nAna: the qqq is here.\n\n' > "$TMP/huge.txt"
for i in 1 2 3 4 5 6; do cat "$TMP/big.txt"; done >> "$TMP/huge.txt"
K='<sleep:3000> /(.{1,300}qqq.{1,300})'
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -K "$K <sleep:1000> <Esc> q" -- $LECTERN -E "$TMP/huge.txt" < /dev/null
expect regex/reader-long-scan-quits "$?" 0
check regex/reader-long-scan-plus grep -aq '1/1+' "$TMP/tty"
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -K "$K <sleep:6000>" -- sh -c "echo \$\$ > '$TMP/pid'; exec $LECTERN -E '$TMP/huge.txt'" < /dev/null &
sleep 5
kill -TERM "$(cat "$TMP/pid")"
wait $!
expect regex/reader-long-scan-sigterm "$?" 143
