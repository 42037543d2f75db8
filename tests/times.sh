#!/bin/sh
# times.sh: the times of a timed document in the reader (shown before the
# speakers' names, # to hide them, the status line, the contents, T to go
# to a time) and in the plain outputs (--dump, --grep, y,
# --export-highlights), and --no-times.
. tests/lib.sh
. tests/screenlib.sh
G=tests/golden
V=tests/data/times.vtt
C=tests/data/chapters.txt
I=assets/interview.txt

# status_left N ROW: the left part of the status line of screen N (the
# message, or the section and speaker).
status_left() {
	line "$1" "$2" | sed 's/^ *//; s/  .*//'
}

# The first screen at three sizes: each turn's time, dim, before the
# speaker's name; the time of the top line in the status line.
for s in 100x30 60x20 40x12; do
	run $s '<dump> q' $V
	golden "times/first-$s" $G/times-$s.txt cat "$TMP/dump"
done

# The status line at 40 columns keeps the speaker, the time and the
# position.
run 40x12 '<dump>' $V
expect times/status-40 "$(line 1 12)" " Ann Lee                   00:00:02 Top"
run 60x20 '} <dump>' $V
expect times/status-60 "$(line 1 20)" " Bob Stone                            00:00:09  30%  h:help"

# The status line follows the top line: a turn's time; a paragraph of
# its own in a turn, its own; the blank line before a block, the
# block's; a line further down in a turn, the turn's.
run 100x30 '}}} <dump> jjj <dump> k <dump> k <dump> k <dump>' $V
expect times/status-turn "$(line 1 30)" " Bob Stone                                                                    00:01:35  67%  h:help"
expect times/status-paragraph "$(reader 2 1)" "[00:01:52] And the storms that year were the worst in a decade."
expect times/status-paragraph-time "$(line 2 30)" " Bob Stone                                                                    00:01:52  73%  h:help"
expect times/status-blank "$(reader 3 1)" ""
expect times/status-blank-time "$(line 3 30)" " Bob Stone                                                                    00:01:52  70%  h:help"
expect times/status-in-turn "$(reader 4 1)" "paperwork, even the coffee. We replaced every seal twice."
expect times/status-in-turn-time "$(line 4 30)" " Bob Stone                                                                    00:01:35  70%  h:help"
expect times/status-turn-again "$(line 5 30)" " Bob Stone                                                                    00:01:35  67%  h:help"

# # hides the times (the text, the status line) and shows them again, the
# same text at the top.
run 100x30 '} j <dump> <hash> <dump> <hash> <dump>' $V
expect times/toggle-before "$(reader 1 1)" "story. We started with two turbines and a great deal of hope."
expect times/toggle-off-said "$(line 2 30)" " Times hidden                                                                           58%  h:help"
expect times/toggle-off-top "$(reader 2 1)" "Bob Stone: Thanks, Ann. It is good to be here, and it is a long story. We"
expect times/toggle-off-turn "$(reader 2 4)" "Ann Lee: What did the first winter teach you about the sea?"
expect times/toggle-off-none "$(screen 2 | grep -c '\[00:')" 0
expect times/toggle-on-said "$(line 3 30)" " Times shown                                                                  00:00:09  61%  h:help"
expect times/toggle-on "$(reader 3 3)" "[00:01:30] Ann Lee: What did the first winter teach you about the sea?"
check times/toggle-on-same sh -c "[ \"\$(awk '/^--- screen/{k++} k==1' '$TMP/dump' | sed -n 2,29p)\" = \"\$(awk '/^--- screen/{k++} k==3' '$TMP/dump' | sed -n 2,29p)\" ]"
# --no-times starts without them; # shows them.
run 60x20 '<dump> <hash> <dump>' --no-times $V
expect times/no-times-option "$(reader 1 1)" "Ann Lee: Welcome to Field Notes. Today I am talking with"
expect times/no-times-status "$(line 1 20)" " Ann Lee                                        Top  h:help"
expect times/no-times-hash "$(reader 2 1)" "[00:00:02] Ann Lee: Welcome to Field Notes. Today I am"
# A document without times says so.
run 100x30 '<hash> <dump> T <dump>' $I
expect times/untimed-hash "$(status_left 1 30)" "This document has no times"
expect times/untimed-T "$(status_left 2 30)" "This document has no times"
expect times/untimed-no-bar "$(line 2 30 | grep -c 'Go to time')" 0

# T: the bar, with a hint; Enter goes to the paragraph being said then,
# the cursor on it, and '' comes back.
run 100x30 "T <dump> 8m <dump> <Enter> <dump> '' <dump> '' <dump>" $V
expect times/bar-open "$(line 1 30)" "Go to time:                                                                     1:23:45, 83:10, 83m"
expect times/bar-cursor "$(attrs 1 | sed -n 30p | cut -c1-13)" "BBBBBBBBBBBBR"
expect times/bar-hint-dim "$(attrs 1 | sed -n 30p | cut -c80-100)" ".DDDDDDDDDDDDDDDDDDD"
expect times/bar-typed "$(line 2 30)" "Go to time: 8m"
expect times/goto-8m "$(reader 3 1)" "[00:05:46] Bob Stone: Eleven people, most of them from the town. Two of them"
expect times/goto-8m-cursor "$(margin 3 1)" "▌ "
expect times/goto-8m-cursor-only "$(screen 3 | grep -c '^▌')" 2
expect times/goto-8m-status "$(line 3 30)" " Bob Stone                                                                    00:05:46  78%  h:help"
expect times/goto-back "$(reader 4 1)" "[00:00:02] Ann Lee: Welcome to Field Notes. Today I am talking with Bob Stone"
expect times/goto-back-again "$(reader 5 1)" "[00:05:46] Bob Stone: Eleven people, most of them from the town. Two of them"
# Times as they are written: h:mm:ss, mm:ss, 1h2m, a number of minutes;
# each goes to the paragraph that started last at or before it.
for t in 0:12:19/00:12:19 12:19/00:12:19 12:18/00:12:10 00:25:07/00:25:07 \
    33m19s/00:33:19 0h40m50s/00:40:45 1h4m30s/01:04:30 41/00:40:51 \
    0/00:00:02 90s/00:01:30 89s/00:00:09; do
	run 100x30 "T ${t%/*} <Enter> <dump>" $V
	expect "times/goto-${t%/*}" "$(screen 1 | grep '^▌' | head -1 | sed 's/^▌ //' | cut -c1-10)" "[${t#*/}]"
done
# Esc closes the bar where the text was, and notes no jump.
run 100x30 "j T 25 <dump> <Esc> <dump> '' <dump>" $V
expect times/esc-bar "$(line 1 30)" "Go to time: 25"
expect times/esc-stays "$(reader 2 1)" "about the tidal power station he has run for twenty years."
expect times/esc-closed "$(line 2 30)" " Ann Lee                                                                      00:00:02  55%  h:help"
expect times/esc-no-jump "$(status_left 3 30)" "No jump to go back from"
# A bad time says so in the bar, which stays open; Backspace edits it.
run 100x30 "T 1h2x <Enter> <dump> <BS> <BS> 12m <dump> <Enter> <dump>" $V
expect times/bad-said "$(line 1 30)" "Go to time: 1h2x                                               not a time (try 1:23:45, 83:10, 83m)"
expect times/bad-stays "$(reader 1 1)" "[00:00:02] Ann Lee: Welcome to Field Notes. Today I am talking with Bob Stone"
expect times/bad-edited "$(line 2 30)" "Go to time: 1h12m"
expect times/bad-then-goes "$(reader 3 2 | cut -c1-30)" "[00:18:39] Bob Stone: Enough f"
expect times/bad-then-goes-cursor "$(screen 3 | grep '^▌' | head -1 | cut -c1-14)" "▌ [01:04:30]"
expect times/past-end "$(status_left 3 30)" "The last time is 01:04:30"
# Backspace on an empty bar closes it.
run 100x30 "T 5 <BS> <BS> <dump>" $V
expect times/bs-closes "$(line 1 30)" " Ann Lee                                                                      00:00:02  Top  h:help"
# A count before T is a minute; '' comes back from it too.
run 100x30 "3T <dump> 12T <dump> '' <dump>" $V
expect times/count-3 "$(reader 1 1)" "[00:01:52] And the storms that year were the worst in a decade."
expect times/count-12 "$(reader 2 1 | cut -c1-30)" "[00:08:07] Bob Stone: Not at a"
expect times/count-back "$(reader 3 1)" "[00:01:52] And the storms that year were the worst in a decade."

# The bar at 40 and 60 columns.
run 40x12 "T <dump> 1:2:x <Enter> <dump> <BS> <BS> <BS> 35 <Enter> <dump>" $V
expect times/bar-40 "$(line 1 12)" "Go to time:         1:23:45, 83:10, 83m"
expect times/bad-40 "$(line 2 12)" "Go to time: 1:2:x            not a time"
expect times/goto-40 "$(reader 3 1)" "[00:01:35] Bob Stone: That salt gets"
expect times/goto-40-status "$(line 3 12)" " Bob Stone                 00:01:35 25%"
run 60x20 "T 49m10s <Enter> <dump>" $V
# (near the end: the last screen, the cursor on the paragraph)
expect times/goto-60 "$(reader 1 1)" "[00:40:45] Ann Lee: What would you build today, with what"
expect times/goto-60-cursor "$(screen 1 | grep '^▌' | head -1)" "▌ [00:49:05] Ann Lee: Is tidal power ready for the rest of"

# A search finds a phrase across two cues, in the reader too.
run 100x30 '/Stone<Space>about<Space>the<Space>tidal <dump>' $V
expect times/search-across-cues "$(line 1 30 | sed 's/  *$//; s/.*  //')" "1/1"
expect times/search-across-cues-1 "$(attrs 1 | sed -n 1p | cut -c74-79)" ".RRRRR"
expect times/search-across-cues-2 "$(attrs 1 | sed -n 2p)" "B.RRRRRRRRRRRRRRR"

# The contents give each chapter's time at the right, cut by columns at
# every width.
run 100x30 '<Tab> <dump> <Enter> ] <dump>' $C
expect times/toc-100-1 "$(line 1 2)" " Introduction   00:00:00 │"
expect times/toc-100-2 "$(line 1 3)" " A night in th… 00:04:15 │  [00:00:00] Introduction"
expect times/toc-100-wide "$(line 1 5)" " 灯台守の日誌…  00:45:10 │"
expect times/toc-100-5 "$(line 1 6)" " What the auto… 01:02:05 │  Mia Cole: Welcome to Harbour Lights. This week we meet the last two"
expect times/toc-100-dim "$(attrs 1 | sed -n 3p | cut -c17-24)" "DDDDDDDD"
expect times/toc-100-selected "$(attrs 1 | sed -n 2p | cut -c1-25)" "RRRRRRRRRRRRRRRRRRRRRRRRR"
expect times/toc-100-current "$(line 2 3)" "▸A night in th… 00:04:15 │"
expect times/toc-100-heading "$(reader 2 1)" "[00:04:15] A night in the lamp room"
expect times/toc-100-status "$(line 2 30)" " A night in the lamp room                                                     00:04:15  88%  h:help"
run 60x20 '<Tab> <dump>' $C
expect times/toc-60-2 "$(line 1 4)" " Storms, wrecks and the log b… 00:21:40 │"
expect times/toc-60-wide "$(line 1 5)" " 灯台守の日誌と嵐の夜の記録    00:45:10 │"
run 40x12 't <dump> jjj <Enter> <dump>' $C
expect times/toc-40-1 "$(line 1 2)" " Introduction                  00:00:00"
expect times/toc-40-3 "$(line 1 4)" " Storms, wrecks and the log b… 00:21:40"
expect times/toc-40-5 "$(line 1 6)" " What the automatic lights ca… 01:02:05"
expect times/toc-40-go "$(reader 2 1)" "[00:45:10] 灯台守の日誌と嵐の夜の記録"
# Hidden times leave the contents too.
run 100x30 '<hash> <dump>' $C
expect times/toc-hidden "$(line 1 3)" " A night in the lamp ro… │  Introduction"
# T goes to a chapter's time (the cursor on its heading, near the end).
run 60x20 'T 45:10 <Enter> <dump>' $C
expect times/goto-chapter "$(screen 1 | grep '^▌' | head -1)" "▌ [00:45:10] 灯台守の日誌と嵐の夜の記録"

# y copies the quote with its time, at the end of the attribution.
run 100x30 '}}} J y <dump>' $V
text="And the storms that year were the worst in a decade.
— Bob Stone [00:01:52]"
want="$(printf '\033]52;c;%s\007' "$(printf '%s' "$text" | base64 -w0)")"
check times/copy-osc52 grep -qF "$want" "$TMP/tty"
run 100x30 '} y <dump>' --no-times $V
text="Thanks, Ann. It is good to be here, and it is a long story. We started with two turbines and a great deal of hope.
— Bob Stone"
want="$(printf '\033]52;c;%s\007' "$(printf '%s' "$text" | base64 -w0)")"
check times/copy-no-times grep -qF "$want" "$TMP/tty"
run 100x30 'JJJ y <dump>' $C
text="Glad to be here. I have kept the light at Gull Point for thirty one years.
— Tom Reyes, Harbour Lights, episode 12: the lighthouse keepers [00:00:00]"
want="$(printf '\033]52;c;%s\007' "$(printf '%s' "$text" | base64 -w0)")"
check times/copy-chapter-time grep -qF "$want" "$TMP/tty"

# --export-highlights: each quote's time after its attribution.
run 100x30 '}}} * J * } * q' $V
golden times/export /dev/stdin $LECTERN --export-highlights $V <<'OUT'
# Highlights

> That salt gets into everything. Bearings, cables, the paperwork, even the coffee. We replaced every seal twice.
>
> — Bob Stone [00:01:35]

> And the storms that year were the worst in a decade.
>
> — Bob Stone [00:01:52]

> Who keeps the turbines running? Tell me about the crew.
>
> — Ann Lee [00:05:40]
OUT
golden times/export-no-times /dev/stdin $LECTERN --export-highlights --no-times $V <<'OUT'
# Highlights

> That salt gets into everything. Bearings, cables, the paperwork, even the coffee. We replaced every seal twice.
>
> — Bob Stone

> And the storms that year were the worst in a decade.
>
> — Bob Stone

> Who keeps the turbines running? Tell me about the crew.
>
> — Ann Lee
OUT
run 100x30 '] * JJ * q' $C
golden times/export-chapters /dev/stdin $LECTERN --export-highlights $C <<'OUT'
# Highlights: Harbour Lights, episode 12: the lighthouse keepers

> Introduction
>
> — in “Introduction” [00:00:00]

> Glad to be here. I have kept the light at Gull Point for thirty one years.
>
> — Tom Reyes, in “Introduction” [00:00:00]
OUT

# --grep: the time of each match's paragraph (or the last before it)
# before the speaker.
golden times/grep /dev/stdin $LECTERN --grep salt $V <<'OUT'
(top): [00:01:35] Bob Stone: That «salt» gets into everything.…
(top): [00:58:27] Bob Stone: Every day of it, «salt» and all.
OUT
golden times/grep-chapters /dev/stdin $LECTERN --grep log $C <<'OUT'
A night in the lamp room: [00:04:15] Tom Reyes: …Then you write it all in the «log», every hour, until the sun…
Storms, wrecks and the log books of the light: [00:21:40] Storms, wrecks and the «log» books of the light
灯台守の日誌と嵐の夜の記録: [00:45:10] Mia Cole: You brought the «log» books with you.
OUT
golden times/grep-no-times /dev/stdin $LECTERN --grep salt --no-times $V <<'OUT'
(top): Bob Stone: That «salt» gets into everything.…
(top): Bob Stone: Every day of it, «salt» and all.
OUT
golden times/grep-untimed /dev/stdin $LECTERN --grep 'Back in March' $I <<'OUT'
Highlights > Should we be worried about connecting models to everything?: Rob Wiblin: «Back in March», you tweeted:
OUT
# A phrase across two cues is one match.
expect times/count-across-cues "$($LECTERN --count 'cables, the paperwork' $V)" 1
golden times/grep-across-cues /dev/stdin $LECTERN --grep 'Stone about the tidal' $V <<'OUT'
(top): [00:00:02] Ann Lee: …Today I am talking with Bob «Stone about the tidal» power station he has run for…
OUT

# --dump: times before the speakers' names (hh:mm:ss in an hour or more,
# mm:ss in less); --no-times leaves them out.
$LECTERN --dump=72 $V > "$TMP/dump72"
expect times/dump-first "$(sed -n 1,2p "$TMP/dump72")" "[00:00:02] Ann Lee: Welcome to Field Notes. Today I am talking with Bob
Stone about the tidal power station he has run for twenty years."
expect times/dump-paragraph "$(grep -c '^\[00:01:52\] And the storms' "$TMP/dump72")" 1
expect times/dump-timed-lines "$(grep -c '^\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\] ' "$TMP/dump72")" 24
$LECTERN --dump=72 --no-times $V > "$TMP/dump72n"
expect times/dump-no-times "$(sed -n 1,2p "$TMP/dump72n")" "Ann Lee: Welcome to Field Notes. Today I am talking with Bob Stone about
the tidal power station he has run for twenty years."
expect times/dump-no-times-none "$(grep -c '\[[0-9]' "$TMP/dump72n")" 0
expect times/dump-short "$($LECTERN --dump=60 tests/data/captions-voices.vtt | head -1)" "[00:01] Ann Lee: Welcome to the weekly sync. Let's start"
expect times/pipe-no-times "$($LECTERN --no-times $V | head -1)" "Ann Lee: Welcome to Field Notes. Today I am talking with Bob Stone about the"
# No line wider than asked, times and all.
for w in 40 24 17; do
	$LECTERN --dump=$w $V > "$TMP/dumpw"
	check "times/dump-width-$w" test "$(maxwidth "$TMP/dumpw")" -le $w
done
