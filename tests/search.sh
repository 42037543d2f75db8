#!/bin/sh
# search.sh: --count, --grep and the reader's search bar.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt

# --count on the bundled interview.
expect search/count-word "$($LECTERN --count superintelligence $I)" 7
expect search/count-any-case "$($LECTERN --count SUPERINTELLIGENCE $I)" 0
expect search/count-smart-case "$($LECTERN --count Superintelligence $I)" 0
expect search/count-curly "$($LECTERN --count "don't" $I)" "$(grep -o "[Dd]on[’']t" $I | wc -l)"
# (Bullets' and attributions' own dashes are markers, not text.)
expect search/count-dash "$($LECTERN --count "-" $I)" "$(sed 's/^- //' $I | grep -o -- "[-–—]" | wc -l)"
status search/count-spaces 0 $LECTERN --count "   " $I
status search/count-empty 2 $LECTERN --count "" $I
check search/count-empty-message grep -q "empty query" "$TMP/err"
status search/count-bad-regex 2 $LECTERN -E --count "(" $I
expect search/count-regex "$($LECTERN -E --count 'superintelligen(ce|t)' $I)" "$($LECTERN --count superintelligen $I)"
expect search/count-stdin "$($LECTERN --count superint < $I)" 10

# --count past the top of a long file looks only at the blocks where the
# word is, a block at a time from the file itself: the same counts as a
# regular expression, which is counted by reading the whole document.
# Labels alone on their line before their paragraph, words that start
# with the query's first letters, curly quotes and dashes; paragraphs one
# to a line with blank lines between, hard-wrapped, and one line each.
awk 'BEGIN { srand(7); split("the a you think it’s people and “so” — well theory thee THE then other Annie", w, " ")
	for (p = 0; p < 3000; p++) {
		if (p % 3 == 0)
			print (p % 2 ? "ANN LEE:" : "Bob Ray:")
		s = ""; n = 20 + int(rand() * 60)
		for (i = 0; i < n; i++)
			s = s w[1 + int(rand() * 15)] " "
		print s "end."; print ""
	} }' > "$TMP/spaced.txt"
fold -s -w 72 "$TMP/spaced.txt" > "$TMP/wrapped.txt"
grep -v '^$' "$TMP/spaced.txt" | awk '/:$/ { l = $0; next }
	{ print (l != "" ? l " " : "") $0; l = "" }' > "$TMP/lines.txt"
for f in spaced wrapped lines; do
	for q in the a you then other so "it’s" "—" ann; do
		expect "search/count-units-$f-$q" "$($LECTERN --count "$q" "$TMP/$f.txt")" \
		    "$($LECTERN -E --count "$q" "$TMP/$f.txt")"
	done
done

# Past 16 MB the second half is counted on another thread, from the
# block around its first place (which may start in the first half, and
# be the first half's): the same counts, with labels alone on their line
# and paragraphs wrapped across the halves' border wherever it falls.
for f in spaced wrapped; do
	i=0
	while [ $i -lt 25 ]; do cat "$TMP/$f.txt"; i=$((i + 1)); done > "$TMP/big.txt"
	for q in the "it’s" ann end; do
		expect "search/count-halves-$f-$q" "$($LECTERN --count "$q" "$TMP/big.txt")" \
		    "$($LECTERN -E --count "$q" "$TMP/big.txt")"
	done
done

# --grep: section path, speaker, the match marked.
$LECTERN --grep "put out another fire" $I > "$TMP/grep"
expect search/grep-lines "$(wc -l < "$TMP/grep")" 1
expect search/grep-line "$(cat "$TMP/grep")" "Episode summary: …it, “like using one fire to «put out another fire».”"
$LECTERN --grep "a really good ML researcher" $I > "$TMP/grep"
check search/grep-path grep -q "^Highlights > The Superalignment team isn't trying to train a really good ML researcher: Rob Wiblin: " "$TMP/grep"
expect search/grep-count "$($LECTERN --grep superint $I | wc -l)" 10

# The bar: typing shows K/N with N from --count, matches highlighted
# before Enter (colour off: underlined, the current one reversed).
N=$($LECTERN --count superint $I)
NO_COLOR=1 run 100x30 '/superint <dump> <Esc> <dump>'
expect bar/position "$(line 1 30 | sed 's/^.* //')" "1/$N"
expect bar/query "$(line 1 30 | cut -c1-9)" "/superint"
expect bar/current-reversed "$(attrs 1 | sed -n 1p | cut -c59-66)" "RRRRRRRR"
expect bar/others-underlined "$(attrs 1 | sed -n 15p | grep -o 'UUUUUUUU*')" "UUUUUUUU"
expect bar/others-underlined-text "$(line 1 15 | sed 's/.*the //')" "superintelligence —"
expect bar/toc-count "$(line 1 2 | sed 's/ *│.*//; s/.* //')" 5
expect bar/escape-back "$(reader 2 1)" "$T1"
expect bar/escape-clears "$(line 2 30 | grep -c '1/')" 0

# A query of one or two letters being typed finds only the matches near
# the view (on screen, and the first after it): the bar says more may
# come (+); Enter searches the whole text and gives the count, the
# current match staying.
for k in 1 2 3 4 5 6 7 8; do cat $I; done > "$TMP/eight.txt"
E=$($LECTERN --count e "$TMP/eight.txt")
NO_COLOR=1 run 100x30 '/e <dump> <Enter> <dump>' "$TMP/eight.txt"
expect bar/near-plus "$(line 1 30 | sed 's/^.* //' | grep -c '^1/[0-9]*+$')" 1
check bar/near-fewer test "$(line 1 30 | sed 's/^.* 1\///; s/+$//')" -lt "$E"
expect bar/near-toc-no-counts "$(line 1 2 | sed 's/ *│.*//' | grep -c '[0-9]$')" 0
expect bar/near-enter-count "$(line 2 30 | grep -o "1/$E")" "1/$E"
expect bar/near-enter-stays "$(reader 2 1)" "$(reader 1 1)"

# Enter keeps the place; n and N move and wrap, and say so.
# (A match off screen is shown a quarter of the pane from the top.)
run 100x30 '/superalignment<Space>team <Enter> <dump> n <dump> n <dump> n <dump> N <dump>'
expect bar/enter-keeps "$(reader 1 8 | sed 's/.*build out the //')" "Superalignment team."
expect bar/status-position "$(line 1 30 | grep -o '[0-9]*/[0-9]*' | head -1)" "1/3"
expect bar/n "$(line 2 30 | grep -o '[0-9]*/[0-9]*' | head -1)" "2/3"
expect bar/n-heading "$(reader 2 8)" "The Superalignment team isn't trying to train a really good ML"
expect bar/n-2 "$(line 3 30 | grep -o '[0-9]*/[0-9]*' | head -1)" "3/3"
expect bar/n-wraps "$(line 4 30 | sed 's/^ *//; s/  .*//')" "Search wrapped to the top"
expect bar/n-wrapped-to "$(line 4 30 | grep -o '[0-9]*/[0-9]*' | head -1)" "1/3"
expect bar/N-wraps "$(line 5 30 | sed 's/^ *//; s/  .*//')" "Search wrapped to the bottom"
expect bar/N-wrapped-to "$(line 5 30 | grep -o '[0-9]*/[0-9]*' | head -1)" "3/3"

# Backspace, Ctrl-W and Ctrl-U edit, and the search follows.
run 100x30 '/superintx <dump> <BS> <dump> <C-w> <dump> jan<Space>leike <dump> <C-u> <dump> <Esc>'
expect bar/no-match "$(line 1 30 | sed 's/^.*  //')" "no match"
expect bar/backspace "$(line 2 30 | sed 's/^.* //')" "1/$N"
expect bar/ctrl-w "$(line 3 30 | cut -c1-3)" "/"
expect bar/words "$(line 4 30 | sed 's/^.* //')" "1/$($LECTERN --count 'jan leike' $I)"
expect bar/ctrl-u "$(line 5 30)" "/"

# Backspace back to a query typed before shows what that query showed:
# its matches are kept while few (the screen is the same as typed), and
# only for the scope they were found in.
NO_COLOR=1 run 100x30 '/superintx <BS> <dump> <Esc> /superint <dump> <Esc>'
expect bar/backspace-kept "$(screen 1; attrs 1)" "$(screen 2; attrs 2)"
run 100x30 ']]] } /the <Tab> x <BS> <dump> <Esc>'
expect bar/backspace-kept-scope "$(line 1 30 | sed 's/^.*\///')" "$(awk '/^Why Jan is optimistic$/,/^The Superalignment team/' $I | sed '$d' | $LECTERN --count the)"

# ? searches backward from where it starts.
run 100x30 'G ?superint <dump>'
expect bar/backward "$(line 1 30 | sed 's/^.* //')" "$N/$N"

# Regular expressions with Ctrl-R; the scopes with Tab.
run 100x30 '/sup.r<C-r> <dump>'
expect bar/regex "$(line 1 30 | sed 's/^.*regex //')" "1/$($LECTERN -E --count 'sup.r' $I)"
run 100x30 ']]] } /the <dump> <Tab> <dump> <Tab> <dump> <Tab> <dump>'
all=$(line 1 30 | sed 's/^.*\///')
expect bar/scope-all "$all" "$($LECTERN --count the $I)"
check bar/scope-section grep -q 'in: Why Jan is optimistic' "$TMP/dump"
expect bar/scope-section-count "$(line 2 30 | sed 's/^.*\///')" "$(awk '/^Why Jan is optimistic$/,/^The Superalignment team/' $I | sed '$d' | $LECTERN --count the)"
check bar/scope-speaker grep -q 'by: Jan Leike' "$TMP/dump"
expect bar/scope-back-to-all "$(line 4 30 | sed 's/^.*\///')" "$all"

# The history persists across runs, in $XDG_STATE_HOME/lectern/history.
rm -rf "$XDG_STATE_HOME"
run 100x30 '/superint <Enter> /jobs <Enter> q'
KEEP_STATE=1; export KEEP_STATE
expect history/file "$(cat "$XDG_STATE_HOME/lectern/history")" "$(printf 'superint\tforward text all\njobs\tforward text all')"
expect history/file-mode "$(stat -c %a "$XDG_STATE_HOME/lectern/history")" 600
expect history/dir-mode "$(stat -c %a "$XDG_STATE_HOME/lectern")" 700
run 100x30 '/ <Up> <dump> <Up> <dump> <Down> <dump> <Esc>'
expect history/up "$(line 1 30 | cut -c1-5)" "/jobs"
expect history/up-up "$(line 2 30 | cut -c1-9)" "/superint"
expect history/down "$(line 3 30 | cut -c1-5)" "/jobs"
unset KEEP_STATE

# While the near matches of a short query are shown, the whole text is
# searched for it unseen; the next letter then refines those matches, to
# the count a search of the longer query gives (through tmux, a real
# terminal: the unseen search runs between keys, as a reader types).
if command -v tmux >/dev/null 2>&1; then
	awk 'BEGIN { for (i = 0; i < 20000; i++)
		printf "Ann: such a super supper, %d support suppressed; ﬁne.\n\n", i }' > "$TMP/sup.txt"
	T="tmux -L lectern-search-$$ -f /dev/null"
	# shot KEYS SECONDS [FILE]: types KEYS, waits, keeps the screen.
	shot() {
		$T send-keys "$1"; sleep "$2"
		[ -z "$3" ] || $T capture-pane -p > "$3"
	}
	# count FILE: N of the bar's K/N.
	count() { grep -o '[0-9]*/[0-9]*' "$1" | tail -1 | sed 's/^.*\///'; }
	$T new-session -d -x 100 -y 30 "$LECTERN $TMP/sup.txt; sleep 60"
	sleep 1.5
	shot /su 1.5
	shot p 1 "$TMP/t1"
	shot p 1 "$TMP/t2"
	$T kill-server 2>/dev/null
	expect bar/unseen-refined "$(count "$TMP/t1")" "$($LECTERN --count sup "$TMP/sup.txt")"
	expect bar/unseen-refined-again "$(count "$TMP/t2")" "$($LECTERN --count supp "$TMP/sup.txt")"

	# Enter on a short query takes the matches of its unseen search. A
	# letter at a time from there, longer queries are refined by the
	# bytes after each match (a curly quote after some, a mark after
	# others, a word that holds the query twice over, as "eees" holds
	# "ee"): the counts of a search of each, in the bar and in the
	# contents, where a letter that keeps every match keeps the counts.
	awk 'BEGIN { print "# People\n"; for (i = 0; i < 4000; i++) {
		if (i % 500 == 0) printf "## Part %d\n\n", i / 500
		printf "Ann: people%s say eees, %d peoples eeees; peoplé%s.\n\n",
		    i % 3 ? "’s" : "", i, i % 7 ? "" : "\xcc\x81" } }' > "$TMP/ppl.md"
	$T new-session -d -x 100 -y 30 "$LECTERN $TMP/ppl.md; sleep 60"
	sleep 1.5
	shot /pe 1.5
	shot Enter 0.5 "$TMP/t0"
	shot /pe 1.5
	for k in o p l e s; do
		shot "$k" 0.5 "$TMP/t$k"
	done
	mv "$TMP/ts" "$TMP/tpeoples"
	shot Escape 0.3
	shot /ee 1.5
	shot s 0.5 "$TMP/ts"
	shot Escape 0.3
	shot /peoples 1 "$TMP/tpasted"
	$T kill-server 2>/dev/null
	expect bar/enter-takes-unseen "$(count "$TMP/t0")" "$($LECTERN --count pe "$TMP/ppl.md")"
	q=pe
	for k in o p l e; do
		q=$q$k
		expect bar/refined-by-next-bytes-$q "$(count "$TMP/t$k")" "$($LECTERN --count "$q" "$TMP/ppl.md")"
	done
	expect bar/refined-inside-a-match "$(count "$TMP/ts")" "$($LECTERN --count ees "$TMP/ppl.md")"
	expect bar/refined-dropping "$(count "$TMP/tpeoples")" "$($LECTERN --count peoples "$TMP/ppl.md")"
	# The contents: Part 0 .. Part 7, 500 turns each, three matches of
	# "people" in a turn, one of "peoples".
	check bar/contents-counts-kept grep -q 'Part 3 *1500' "$TMP/te"
	expect bar/contents-counts-dropped "$(grep -o 'Part [0-9] *[0-9]*' "$TMP/tpeoples" | tr -s ' ')" \
	    "$(grep -o 'Part [0-9] *[0-9]*' "$TMP/tpasted" | tr -s ' ')"
	check bar/contents-counts-one grep -q 'Part 3 *500' "$TMP/tpasted"
fi
