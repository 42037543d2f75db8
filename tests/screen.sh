#!/bin/sh
# screen.sh: the reader driven with keys on a pseudo-terminal of a fixed
# size, its screen dumped by the real binary (LECTERN_SCRIPT/LECTERN_DUMP)
# and compared; then a few runs through tmux, a real terminal emulator.
. tests/lib.sh
. tests/screenlib.sh
G=tests/golden

# The first screen, at two sizes, compared with screens checked by eye.
run 100x30 '<dump> q'
check screen/exit-0 test $? -eq 0
golden screen/first-100x30 $G/screen-100x30.txt cat "$TMP/dump"
run 60x20 '<dump> q'
golden screen/first-60x20 $G/screen-60x20.txt cat "$TMP/dump"

# G shows the interview's last words; the status line says End.
run 100x30 'G <dump> q'
expect screen/G-last-words "$(reader 1 29)" "work together, and just traditional management stuff."
expect screen/G-end "$(line 1 30 | grep -o 'End  h:help')" "End  h:help"

# ] from the top puts Episode summary at the top; [ goes back.
run 100x30 '] <dump> ] <dump> [ <dump> [ <dump>'
expect screen/next-section "$(reader 1 1)" "Episode summary"
expect screen/next-section-2 "$(reader 2 1)" "Highlights"
expect screen/prev-section "$(reader 3 1)" "Episode summary"
expect screen/prev-section-none "$(line 4 30 | sed 's/^ *//; s/  .*//')" "No previous section"
# The contents mark the section being read.
expect screen/toc-current "$(line 2 3)" "▸Highlights              │"

# Tab to the contents, three down, Enter: that section's heading on top.
run 100x30 '<Tab> j j j <dump> <Enter> <dump>'
expect screen/toc-focus-hint "$(line 1 30 | grep -o 'Enter:jump Tab:back')" "Enter:jump Tab:back"
expect screen/toc-select-attr "$(attrs 1 | sed -n 5p | cut -c1-25)" "RRRRRRRRRRRRRRRRRRRRRRRRR"
expect screen/toc-enter "$(reader 2 1)" "The Superalignment team isn't trying to train a really good ML"
expect screen/toc-enter-status "$(line 2 30 | grep -c "Enter:jump")" "0"

# Speaker turns: } and {.
run 100x30 '} <dump> } <dump> { <dump>'
expect screen/next-turn "$(reader 1 1 | cut -c1-30)" "Jan Leike: I think actually a "
expect screen/next-turn-2 "$(reader 2 1 | cut -c1-30)" "Jan Leike: I want to give you "
expect screen/prev-turn "$(reader 3 1 | cut -c1-30)" "Jan Leike: I think actually a "

# Lines, pages, half pages, counts and the ends.
# (A page is the pane's height less one line, 28 here; half a page 14.)
run 100x30 'j <dump> k <dump> k <dump> <Space> <dump> b <dump> d <dump> u <dump> 4j <dump> G <dump> j <dump> g <dump> 50% <dump>'
expect screen/j "$(reader 1 1)" "(Jan Leike on the 80,000 Hours Podcast)"
expect screen/k "$(reader 2 1)" "$T1"
expect screen/k-at-top "$(line 3 30 | sed 's/^ *//; s/  .*//')" "Top of the document"
expect screen/page-down "$(reader 4 1)" "and safe to use within four years, and the lab is putting a massive 20%"
expect screen/page-up "$(reader 5 1)" "$T1"
expect screen/half-down "$(reader 6 1)" "If you’re thinking about how do you align the superintelligence —"
expect screen/half-up "$(reader 7 1)" "$T1"
expect screen/count-4j "$(reader 8 1)" "leike-superalignment/"
expect screen/G-again "$(reader 9 29)" "work together, and just traditional management stuff."
expect screen/j-at-end "$(line 10 30 | sed 's/^ *//; s/  .*//')" "End of the document"
expect screen/j-at-end-stays "$(reader 10 29)" "work together, and just traditional management stuff."
expect screen/g "$(reader 11 1)" "$T1"
# 50% puts the text half way through the file at the top; the status line
# gives the position of the bottom line, as less does.
expect screen/percent "$(line 12 30 | grep -o '[0-9]*%' | head -1)" "55%"

# An archive (three episodes in one file, each with a title and a byline):
# the contents list the episodes at the top, their sections under them.
# toc N ROW: the contents' part of a row.
toc() {
	line "$1" "$2" | sed 's/ *│.*//'
}
archive "$TMP/archive.txt"
run 100x30 '<dump> + <dump> ] ] ] ] ] <dump> - <dump>' "$TMP/archive.txt"
expect archive/toc-title "$(toc 1 1)" " Contents"
expect archive/toc-episode-1 "$(toc 1 2)" "▸Tides and the moon"
expect archive/toc-section "$(toc 1 3)" "   Episode summary"
expect archive/toc-subsection "$(toc 1 5)" "     Why tides rise"
expect archive/toc-episode-2 "$(toc 1 7)" " Locks and keys"
expect archive/toc-under-2 "$(toc 1 8)" "   Episode summary"
expect archive/toc-episode-3 "$(toc 1 12)" " Bread and yeast"
expect archive/toc-last "$(toc 1 16)" "     Baking the loaf"
expect archive/toc-no-more "$(toc 1 17)" ""
# + goes to the next episode's title; the contents and the status line
# say which episode it is.
expect archive/next-episode "$(reader 2 1)" "Locks and keys"
expect archive/next-episode-toc "$(toc 2 7)" "▸Locks and keys"
expect archive/next-episode-status "$(line 2 30 | sed 's/^ *//; s/  .*//')" "Locks and keys"
# ] still moves by section, the next episode's title among them.
expect archive/sections-to-episode "$(reader 3 1)" "Bread and yeast"
expect archive/prev-episode "$(reader 4 1)" "Locks and keys"
# In the contents, j moves over episodes and sections; Enter goes there.
run 100x30 '<Tab> j j j j j <dump> <Enter> <dump>' "$TMP/archive.txt"
expect archive/toc-select "$(toc 1 7)" " Locks and keys"
expect archive/toc-select-attr "$(attrs 1 | sed -n 7p | cut -c1-20)" "RRRRRRRRRRRRRRRRRRRR"
expect archive/toc-enter "$(reader 2 1)" "Locks and keys"
run 100x30 '+ + <dump> + <dump> - - <dump> - <dump>' "$TMP/archive.txt"
expect archive/last-episode "$(reader 1 1)" "Bread and yeast"
expect archive/no-next-episode "$(line 2 30 | sed 's/^ *//; s/  .*//')" "No next episode"
expect archive/first-episode "$(reader 3 1)" "Tides and the moon"
expect archive/no-previous-episode "$(line 4 30 | sed 's/^ *//; s/  .*//')" "No previous episode"
# 40x12: the contents over the text, the same tree.
run 40x12 't <dump> j j j j j <dump> <Enter> <dump>' "$TMP/archive.txt"
expect archive/40-toc-episode-1 "$(line 1 2)" "▸Tides and the moon"
expect archive/40-toc-section "$(line 1 3)" "   Episode summary"
expect archive/40-toc-subsection "$(line 1 5)" "     Why tides rise"
expect archive/40-toc-episode-2 "$(line 1 7)" " Locks and keys"
expect archive/40-toc-under-2 "$(line 1 8)" "   Episode summary"
expect archive/40-enter "$(reader 3 1)" "Locks and keys"
expect archive/40-status "$(line 3 12 | sed 's/^ *//; s/  .*//')" "Locks and keys"
# A single interview has no episodes: + says so, and the contents start
# with its first section as before.
run 100x30 '+ <dump>'
expect archive/single-no-episodes "$(line 1 30 | sed 's/^ *//; s/  .*//')" "This document has no episodes"
expect archive/single-toc "$(toc 1 2)" " Episode summary"

# t hides and shows the contents; h opens the help, generated from the
# key table; any other key closes it.
run 100x30 't <dump> t <dump> h <dump> G <dump> x <dump>'
expect screen/toc-hidden "$(line 1 1)" "▌ $T1 (Jan"
expect screen/toc-shown "$(line 2 1 | cut -c1-10)" " Contents "
check screen/help-open grep -q 'Keys — q closes' "$TMP/dump"
expect screen/help-lists-section "$(screen 3 | grep -c ']  *next section, its heading at the top')" 1
expect screen/help-scrolls-to-quit "$(screen 4 | grep -c 'q, Q  *quit')" 1
expect screen/help-lists-bar-keys "$(screen 4 | grep -c 'Ctrl-R  *plain text or a regular expression')" 1
expect screen/help-closed "$(screen 5 | grep -c 'Keys — q closes')" 0

# Resize 100x30 -> 50x15 -> 100x30: the paragraph at the top stays at the
# top, at the same place in its text (the line holding the text that was
# at the top), and coming back gives the same screen as before.
run 100x30 '}} jjj <dump> <resize:50x15> <dump> <resize:100x30> <dump>'
expect screen/resize-before "$(reader 1 1)" "make a lot of progress if we focus on it and put effort into it. And I"
expect screen/resize-small "$(reader 2 1)" "tractable. I think we can actually make a lot"
expect screen/resize-back "$(reader 3 1)" "make a lot of progress if we focus on it and put effort into it. And I"
check screen/resize-same-screen sh -c "[ \"\$(awk '/^--- screen/{k++} k==1' '$TMP/dump' | tail -n +2)\" = \"\$(awk '/^--- screen/{k++} k==3' '$TMP/dump' | tail -n +2)\" ]"
# Narrow: no contents pane; t brings it back as an overlay.
expect screen/narrow-no-toc "$(screen 2 | grep -c Contents)" "0"
run 50x15 't <dump> j <Enter> <dump>'
expect screen/overlay "$(line 1 1 | cut -c1-9)" " Contents"
expect screen/overlay-jump "$(reader 2 1)" "Highlights"

# Down to 1x1 and back, many times: still responsive, screen correct.
keys=''
for s in 80x24 40x10 20x5 10x3 5x2 1x1 2x2 30x8 1x1 100x30; do keys="$keys <resize:$s>"; done
run 100x30 "] $keys <dump> <resize:1x1> <dump> <resize:15x2> <dump>"
check screen/resize-storm-exit test $? -eq 0
expect screen/resize-storm-top "$(reader 1 1)" "Episode summary"
expect screen/resize-tiny "$(screen 3 | head -1)" "Terminal too sm"

# Colour off (NO_COLOR) or on, the styling is carried by attributes too.
NO_COLOR=1 run 100x30 '<dump>'
expect screen/nocolor-title-bold "$(attrs 1 | sed -n 1p | cut -c29-41)" "BBBBBBBBBBBBB"
NO_COLOR=1 run 100x30 '} <dump>'
expect screen/nocolor-speaker-bold "$(attrs 1 | sed -n 1p | cut -c29-39)" "BBBBBBBBBB"

# Quitting leaves the alternate screen and shows the cursor again.
run 80x24 'q'
check screen/rmcup sh -c "tail -c 40 '$TMP/tty' | od -c | tr -d ' \n' | grep -q '\[?1049l'"
check screen/cursor-visible grep -q "$(printf '\033\\[?25h')" "$TMP/tty"

# An empty document opens and quits.
run 80x24 '<dump> q' /dev/null
check screen/empty-doc grep -q '(empty document)' "$TMP/dump"

# Through tmux, a real terminal emulator: keys, the screen, exit.
if command -v tmux >/dev/null 2>&1; then
	T="tmux -L lectern-test-$$ -f /dev/null"
	$T new-session -d -x 100 -y 30 "$LECTERN; echo EXIT=\$?; sleep 60"
	sleep 0.5
	$T capture-pane -p > "$TMP/t1"
	$T send-keys ']' ; sleep 0.3
	$T capture-pane -p > "$TMP/t2"
	$T send-keys 'G' ; sleep 0.3
	$T capture-pane -p > "$TMP/t3"
	$T resize-window -x 50 -y 15; sleep 0.3
	$T resize-window -x 100 -y 30; sleep 0.3
	$T send-keys 'q' ; sleep 0.3
	$T capture-pane -p > "$TMP/t4"
	$T kill-server 2>/dev/null
	check tmux/first-screen grep -q "^ Contents  *│▌ OpenAI’s massive push" "$TMP/t1"
	check tmux/next-section grep -q '│▌ Episode summary$' "$TMP/t2"
	expect tmux/next-section-top "$(sed -n 1p "$TMP/t2" | sed 's/^.*│▌ //')" "Episode summary"
	check tmux/G grep -q 'work together, and just traditional management stuff.' "$TMP/t3"
	expect tmux/quit "$(sed -n 1p "$TMP/t4")" "EXIT=0"
fi

# The mouse: the wheel scrolls three lines, a click on an entry of the
# contents jumps there (events given by the script, as curses decodes them).
run 100x30 '<wheeldown> <dump> <wheelup> <dump> <click:5,3> <dump>'
expect mouse/wheel-down "$(reader 1 1)" "This is a linkpost to https://80000hours.org/podcast/episodes/jan-"
expect mouse/wheel-up "$(reader 2 1)" "$T1"
expect mouse/click-toc "$(reader 3 1)" "Why Jan is optimistic"
# M turns capture off, and says so.
run 100x30 'M <dump>'
expect mouse/toggle-off "$(line 1 30 | sed 's/^ *//; s/  .*//')" "Mouse off: the terminal selects text"

# A signal restores the terminal: TERM, HUP and INT.
for sig in TERM HUP INT; do
	$PTYRUN -s 80x24 -t 10 -o "$TMP/tty" -- sh -c "$LECTERN assets/interview.txt & sleep 1; kill -$sig \$!; wait \$!" < /dev/null
	check "signal/$sig-restores" sh -c "tail -c 60 '$TMP/tty' | od -c | tr -d ' \n' | grep -q '\[?1049l'"
done

# Options of the reader: --no-toc, --no-mouse, --palette.
run 100x30 '<dump> t <dump>' --no-toc
expect options/no-toc "$(line 1 1)" "▌ $T1 (Jan"
expect options/no-toc-t-shows "$(line 2 1 | cut -c1-10)" " Contents "
run 100x30 'M <dump>' --no-mouse
expect options/no-mouse-M-turns-on "$(line 1 30 | sed 's/^ *//' | cut -c1-9)" "Mouse on:"
run 100x30 'q' --no-mouse
check options/no-mouse-no-capture sh -c "! grep -aq \"1000h\" '$TMP/tty'"
run 100x30 'q'
check options/mouse-captured-by-default grep -aq "1000h" "$TMP/tty"
run 100x30 '<dump>' --palette=light
check options/light-exit-0 test "$RC" -eq 0
golden options/light-same-text "$G/screen-100x30.txt" sh -c "awk '/^--- attributes/{exit} 1' '$TMP/dump'; awk '/^--- attributes/{k=1} k' '$G/screen-100x30.txt'"
status options/bad-palette 2 $LECTERN --palette=pink
