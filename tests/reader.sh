#!/bin/sh
# reader.sh: the reader as a demanding user tries it, at 100x30, 60x20
# and 40x12: search with the speaker filter, jumps and '', the position
# figure, counts, the search bar at narrow widths, unknown escape
# sequences, copying, the help, the status line.
. tests/lib.sh
. tests/screenlib.sh
I=assets/interview.txt
SIZES="100x30 60x20 40x12"

# status N: the last row of screen N.
status_line() {
	screen "$1" | tail -1
}

# ends_count NAME TEXT: passes when TEXT ends with a count K/N.
ends_count() {
	if printf '%s\n' "$2" | grep -q ' [0-9][0-9]*/[0-9][0-9]*$'; then
		pass "$1"
	else
		fail "$1" "[$2] does not end with a count"
	fi
}

# has NAME TEXT PATTERN: passes when TEXT holds the fixed string PATTERN.
has() {
	case $2 in
	*"$3"*) pass "$1" ;;
	*) fail "$1" "[$(printf '%s' "$2" | head -c 300)] does not hold [$3]" ;;
	esac
}

# --- Searching with the speaker filter on: only what is shown.
# (s, then Rob Wiblin, the third entry of the list.)
for size in $SIZES; do
	run $size 's j j <Enter> /InstructGPT <dump> <Enter> <dump> n <dump>'
	expect "filter-search/$size-bar-none-shown" "$(status_line 1 | grep -c '1/4\|/4')" 0
	has "filter-search/$size-bar-says-hidden" "$(status_line 1)" "4 hidden"
	has "filter-search/$size-enter-says-hidden" "$(status_line 2)" "Only in the turns"
	has "filter-search/$size-n-says-hidden" "$(status_line 3)" "Only in the turns"
done
# Matches in Rob Wiblin's turns only, and every one of them.
rob=$($LECTERN --grep think $I | grep -c ': Rob Wiblin: ')
run 100x30 's j j <Enter> /think <dump> <Esc> S /think <dump>'
expect filter-search/count-shown "$(status_line 1 | sed 's/^.*\/\([0-9]*\).*$/\1/')" "$rob"
expect filter-search/count-all-again "$(status_line 2 | sed 's/^.* 1\///')" "$($LECTERN --count think $I)"

# --- A document that starts with a speaker label: the first match is
# found first, highlighted, and N wraps.
printf 'Alice Smith: hi there.\n\nBob Jones: hello, Alice.\n\nAlice Smith: bye now.\n' > "$TMP/alice.txt"
for size in $SIZES; do
	run $size '/Alice <dump> <Enter> N <dump> N <dump>' "$TMP/alice.txt"
	expect "label-first/$size-first-match" "$(status_line 1 | sed 's/^.* //')" "1/3"
	expect "label-first/$size-highlighted" "$(attrs 1 | sed -n 1p | cut -c3-7)" "RRRRR"
	expect "label-first/$size-N-wraps" "$(status_line 2 | grep -o '3/3')" "3/3"
	expect "label-first/$size-N-again" "$(status_line 3 | grep -o '2/3')" "2/3"
done

# --- '' comes back from a jump made in the contents: Tab and Enter,
# t and Enter on a narrow terminal, a click; after Enter the text has
# the keys again.
run 100x30 "<Tab> j j j <Enter> <dump> j <dump> '' <dump>"
expect toc-jump/enter "$(reader 1 1)" "The Superalignment team isn't trying to train a really good ML"
has toc-jump/focus-back "$(status_line 1)" "h:help"
expect toc-jump/j-scrolls-text "$(reader 2 1)" "researcher"
expect toc-jump/back "$(reader 3 1)" "$T1"
for size in 60x20 40x12; do
	run $size "t j j j <Enter> <dump> '' <dump>"
	check "toc-jump/$size-overlay-enter" test "$(reader 1 1)" != "$(reader 2 1)"
	starts "toc-jump/$size-overlay-back" "$(reader 2 1)" "$T1"
done
run 100x30 "<click:5,3> <dump> '' <dump>"
expect toc-jump/click "$(reader 1 1)" "Why Jan is optimistic"
expect toc-jump/click-back "$(reader 2 1)" "$T1"

# --- The position figure only grows while moving down, and reads 100%
# only when the last line is shown (then the status line says End).
# pcts: the figures of every dumped screen, one a line (Top and End as
# 0 and 100).
pcts() {
	awk '/^--- screen/ { k++; on = 1; next } /^--- attributes/ { if (on) print last; on = 0; next } on { last = $0 }' "$TMP/dump" |
	    sed 's/.* \(Top\|End\|All\|[0-9]*%\)  .*/\1/; s/Top/0/; s/End/End/; s/%//'
}
# grows: passes when the figures never go down and none reads 100 before
# End.
grows() {
	pcts | awk -v name="$1" 'BEGIN { last = -1; bad = "" }
	    { v = $1 == "End" ? 101 : $1 + 0
	      if (v < last) bad = bad " " last "->" $1
	      if ($1 == "100") bad = bad " 100%"
	      last = v }
	    END { if (bad == "") print "PASS " name; else print "FAIL " name ":" bad }'
}
# (run sets $keys: these are named otherwise.)
downs=''
i=0; while [ $i -lt 80 ]; do downs="$downs j <dump>"; i=$((i + 1)); done
ups=''
i=0; while [ $i -lt 40 ]; do ups="$ups k"; i=$((i + 1)); done
for size in $SIZES; do
	run $size "$downs"
	grows "position/$size-grows-from-top"
	run $size "G $ups <dump> $downs"
	grows "position/$size-grows-to-end"
done

# --- / and Enter with nothing typed repeats the last search, as in less
# and vi (? and Enter: backward); Esc keeps the search there was.
for size in $SIZES; do
	run $size '/superalignment<Space>team <Enter> <dump> / <Enter> <dump> ? <Enter> <dump>'
	has "repeat/$size-first" "$(status_line 1)" "1/3"
	has "repeat/$size-slash-enter" "$(status_line 2)" "2/3"
	has "repeat/$size-question-enter" "$(status_line 3)" "1/3"
done
run 100x30 '/superalignment<Space>team <Enter> / <Esc> n <dump> /xyzzy <Esc> n <dump>'
has repeat/esc-keeps "$(status_line 1)" "2/3"
has repeat/esc-after-typing-keeps "$(status_line 2)" "3/3"
# A new session: the last search of the history.
rm -rf "$XDG_STATE_HOME"
run 100x30 '/superalignment<Space>team <Enter> q'
KEEP_STATE=1 run 100x30 'g / <Enter> <dump>'
has repeat/from-history "$(status_line 1)" "1/3"
run 100x30 '/ <Enter> <dump>'
has repeat/nothing-yet "$(status_line 1)" "No search yet"

# --- The search bar at narrow widths: the count stays in view beside a
# long scope label, and a long query scrolls to keep its end and the
# cursor in view.
for size in $SIZES; do
	cols=${size%x*}
	run $size ']]] } /the <dump> <Tab> <dump> <Tab> <dump>'
	all=$(status_line 1 | sed 's/^.*\///')
	expect "bar-narrow/$size-all" "$all" "$($LECTERN --count the $I)"
	has "bar-narrow/$size-section-label" "$(status_line 2)" "in: "
	ends_count "bar-narrow/$size-section-count" "$(status_line 2)"
	has "bar-narrow/$size-speaker-label" "$(status_line 3)" "by: "
	ends_count "bar-narrow/$size-speaker-count" "$(status_line 3)"
	check "bar-narrow/$size-fits" test "$(status_line 2 | ./tests/maxwidth /dev/stdin)" -le "$cols"
	run $size '/what<Space>the<Space>superalignment<Space>team<Space>is<Space>trying<Space>to<Space>build <dump>'
	has "bar-narrow/$size-query-end" "$(status_line 1)" "to build"
	has "bar-narrow/$size-query-count" "$(status_line 1)" "no match"
	has "bar-narrow/$size-query-cursor" "$(attrs 1 | tail -1)" "R"
done

# --- A count before n N ] [ } { ) ( repeats it.
for size in $SIZES; do
	run $size '3] <dump> 2[ <dump>'
	starts "count/$size-3-next-section" "$(reader 1 1)" "Why Jan is optimistic"
	starts "count/$size-2-prev-section" "$(reader 2 1)" "Episode summary"
	run $size '/superalignment<Space>team <Enter> 2n <dump> 2N <dump>'
	has "count/$size-2n" "$(status_line 1)" "3/3"
	has "count/$size-2N" "$(status_line 2)" "1/3"
	run $size '3) <dump> 2( <dump>'
	has "count/$size-3-next-highlight" "$(status_line 1)" "highlight 3/7"
	has "count/$size-2-prev-highlight" "$(status_line 2)" "highlight 1/7"
done
run 100x30 '3} <dump> 2{ <dump>'
three=$(reader 1 1) back=$(reader 2 1)
run 100x30 '} } } <dump> { { <dump>'
expect count/3-next-turn "$three" "$(reader 1 1)"
expect count/2-prev-turn "$back" "$(reader 2 1)"
check count/turns-moved test "$three" != "$back"

# --- Escape sequences the terminal description does not know are read
# whole: Home as ESC [ 1 ~ (tmux with TERM=xterm-256color) goes to the
# top, an unknown one does nothing, and Esc alone still closes the bar.
for size in $SIZES; do
	run $size ']] <raw:1b5b317e> <dump> ]] <raw:1b5b39397e> <dump> <raw:1b5b313b3548> <dump> <raw:1b4f46> <dump>'
	starts "escape/$size-csi-home" "$(reader 1 1)" "$T1"
	starts "escape/$size-unknown-stays" "$(reader 2 1)" "Highlights"
	expect "escape/$size-unknown-silent" "$(status_line 2 | grep -c 'No action')" 0
	starts "escape/$size-ctrl-home" "$(reader 3 1)" "$T1"
	has "escape/$size-ss3-end" "$(status_line 4)" "End"
	run $size '/jobs <raw:1b5b357e> <dump> <raw:1b> <dump>'
	has "escape/$size-bar-stays" "$(status_line 1)" "/jobs"
	expect "escape/$size-esc-closes" "$(status_line 2 | grep -c '^/jobs')" 0
done
# The same bytes from a real terminal (no script): the place saved on
# quitting is that of ]], not of [.
rm -rf "$XDG_STATE_HOME"
$PTYRUN -s 100x30 -t 20 -K '<sleep:300> ] ] q' -- $LECTERN --top < /dev/null
want=$(cat "$XDG_STATE_HOME"/lectern/doc-*.state | grep '^place ')
rm -rf "$XDG_STATE_HOME"
$PTYRUN -s 100x30 -t 20 -K '<sleep:300> ] ] <raw:1b5b39397e> <sleep:300> q' -- $LECTERN --top < /dev/null
expect escape/terminal-unknown-swallowed "$(cat "$XDG_STATE_HOME"/lectern/doc-*.state | grep '^place ')" "$want"

# --- y: on the title, the title once; on a pull quote, the quote's
# speaker, as --export-highlights gives it.
title=$(sed -n 1p $I)
osc() {
	printf '\033]52;c;%s\007' "$(printf '%s' "$1" | base64 -w0)"
}
for size in $SIZES; do
	run $size 'y <dump>'
	check "copy/$size-title-once" grep -qF "$(osc "$title")" "$TMP/tty"
	run $size 'J J J J J y <dump>'
	quote=$(sed -n 6p $I)
	check "copy/$size-pull-quote-speaker" grep -qF "$(osc "$quote
— Jan Leike, $title")" "$TMP/tty"
	has "copy/$size-pull-quote-status" "$(status_line 1)" "from Jan"
done

# --- Line breaking keeps example.com whole (Unicode's LB29), in the
# reader and in --dump.
printf 'Ana Lima: I read about it on ai-alignment.com. Yeah, it is a good site about example.com and more.\n' > "$TMP/lb.txt"
bad=0
for w in 30 38 40 45 50 60; do
	$LECTERN --dump=$w "$TMP/lb.txt" | grep -q '\.$' && $LECTERN --dump=$w "$TMP/lb.txt" | grep -q '^com' && bad=$((bad + 1))
done
expect lb29/dump "$bad" 0
# Paragraphs of every length before the address, so that at any width
# one of them would break after its dot.
i=1; : > "$TMP/lb2.txt"
while [ $i -le 80 ]; do
	printf 'Ana Lima: %s see example.com now.\n\n' "$(printf '%*s' $i '' | tr ' ' x)" >> "$TMP/lb2.txt"
	i=$((i + 1))
done
pages='<dump>'
i=0; while [ $i -lt 30 ]; do pages="$pages <Space> <dump>"; i=$((i + 1)); done
for size in $SIZES; do
	run $size "$pages" "$TMP/lb2.txt"
	expect "lb29/$size-reader" "$(awk '/^--- screen/ { on = 1; next } /^--- attributes/ { on = 0 } on' "$TMP/dump" | grep -c '^[ ▌┃]*com now')" 0
done

# --- The help: nothing cut (the M line, key names at 40 columns), and a
# sign on its border that it scrolls.
# box N: the rows inside the box of screen N.
box() {
	screen "$1" | awk '/┌/ { on = 1; next } /└/ { on = 0 } on' | sed 's/^[^│]*│//; s/│[^│]*$//'
}
pages=''
i=0; while [ $i -lt 24 ]; do pages="$pages <Space> <dump>"; i=$((i + 1)); done
for size in $SIZES; do
	run $size "h <dump> $pages"
	all=$(i=1; while [ $i -le 25 ]; do box $i; i=$((i + 1)); done)
	expect "help/$size-nothing-cut" "$(printf '%s\n' "$all" | grep -c '…')" 0
	has "help/$size-M-whole" "$(printf '%s\n' "$all" | tr -s ' \n' '  ')" "mouse capture on or off (off: the terminal selects text)"
	has "help/$size-quit" "$all" "q, Q"
	has "help/$size-scroll-sign" "$(screen 1 | grep '└')" "↓"
	has "help/$size-scroll-end" "$(screen 25 | grep '└')" "↑"
done

# --- Tab in the search bar where there is no section and no speaker
# (the top of the document) says so.
for size in $SIZES; do
	run $size '/the <Tab> <dump> x <dump>'
	has "scope-top/$size-said" "$(status_line 1)" "no section or speaker"
	ends_count "scope-top/$size-count" "$(status_line 1)"
	expect "scope-top/$size-until-next-key" "$(status_line 2 | grep -c 'no section')" 0
done

# --- The status line: no stray separator in a document without a title,
# and a cut with an ellipsis.
printf 'Alice Smith: hi there.\n\nBob Jones: hello, Alice.\n' > "$TMP/notitle.txt"
for size in $SIZES; do
	run $size '<dump>' "$TMP/notitle.txt"
	expect "status/$size-no-stray-separator" "$(status_line 1 | sed 's/  .*//')" " Alice Smith"
	run $size ']]]] <dump>'
	case $size in
	100x30) expect "status/$size-whole" "$(status_line 1 | grep -c '…')" 0 ;;
	*) has "status/$size-ellipsis" "$(status_line 1)" "…" ;;
	esac
done

# --- A regular expression taken from the history comes back as one.
rx=$($LECTERN -E --count 'sup.r' $I)
for size in $SIZES; do
	run $size '/sup.r<C-r> <Enter> /jobs <Enter> / <Up> <Up> <dump> <Down> <dump>'
	has "history-regex/$size-regex" "$(status_line 1)" "regex"
	has "history-regex/$size-count" "$(status_line 1)" "/$rx"
	expect "history-regex/$size-plain-again" "$(status_line 2 | grep -c regex)" 0
done

# --- A query with an em dash finds em dashes, not hyphens ('-' still
# finds every dash).
em=$(grep -o '—' $I | wc -l)
expect em-dash/count "$($LECTERN --count '—' $I)" "$em"
check em-dash/hyphen-finds-all test "$($LECTERN --count '-' $I)" -gt "$em"
printf 'Ana Lima: pages 3–4, then 3-4, then 3—4.\n' > "$TMP/dashes.txt"
expect em-dash/en-dash-only "$($LECTERN --count '3–4' "$TMP/dashes.txt")" 1
expect em-dash/hyphen-any "$($LECTERN --count '3-4' "$TMP/dashes.txt")" 3
for size in $SIZES; do
	run $size '/— <dump>'
	has "em-dash/$size-bar" "$(status_line 1)" "/$em"
done

# --- The contents as wide as their headings need where the text leaves
# room (a wide terminal), or as --toc-width says; the text centred with
# --center where its pane is wider than it.
# bar_col N ROW: the column (from 1) of the contents' border on a row.
bar_col() {
	line "$1" "$2" | awk '{ i = index($0, "│"); if (i) print length(substr($0, 1, i - 1)) + 1 }'
}
run 160x40 '<dump>'
has toc-width/wide-whole "$(screen 1)" "Should we be worried about connecting models to everything? "
check toc-width/wide-wider test "$(bar_col 1 1)" -gt 37
check toc-width/wide-within-share test "$(bar_col 1 1)" -le 65
has toc-width/wide-text-80 "$(reader 1 1)" "(Jan"
run 100x30 '<dump>'
expect toc-width/100-quarter "$(bar_col 1 1)" 26
run 100x30 '<dump>' --toc-width=40
expect toc-width/option "$(bar_col 1 1)" 41
run 100x30 '<dump>' --toc-width=auto
expect toc-width/auto "$(bar_col 1 1)" 26
status toc-width/bad 2 $LECTERN --toc-width=wide
for size in $SIZES; do
	run $size '<dump>' --no-toc
	plain=$(screen 1)
	run $size '<dump>' --no-toc --center
	case $size in
	100x30) expect "center/$size-centred" "$(line 1 2 | sed -n 's/^\( *\)▌ Leike.*/\1/p' | wc -c)" 9 ;;
	*) expect "center/$size-no-room-same" "$(screen 1)" "$plain" ;;
	esac
done
run 160x40 '<dump>' --center
expect center/with-toc "$(line 1 1 | sed -n 's/^.*│\( *\)▌ OpenAI.*/\1/p' | wc -c)" 7
expect center/with-toc-same-lines "$(reader 1 1)" "$(run 160x40 '<dump>'; reader 1 1)"

# --- Places kept across a search, an overlay and a resize are places in
# the text: search, resize, Esc shows the text that was at the top, laid
# out for the new size, and the next resize does not go back to the
# match.
for size in $SIZES; do
	run $size "}} jjj <dump> <resize:50x15> <dump> <resize:$size> /superint <resize:50x15> <Esc> <dump> <resize:$size> <dump>"
	expect "search-resize/$size-esc" "$(screen 3)" "$(screen 2)"
	expect "search-resize/$size-back" "$(screen 4)" "$(screen 1)"
	run $size "}} jjj <dump> h <resize:50x15> q <resize:$size> <dump>"
	expect "overlay-resize/$size-help" "$(screen 2)" "$(screen 1)"
done
