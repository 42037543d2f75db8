#!/bin/sh
# several.sh: the plain outputs of several files and of folders: each
# line after its file's name, as grep does, a total for --count, a
# ==> FILE <== line before each whole document; folders in natural
# order; progress on a terminal's standard error only.
. tests/lib.sh
. tests/screenlib.sh

D="$TMP/d"
mkdir -p "$D/season/sub" "$D/.hidden"
cd "$D" || exit 2
printf 'First title\nIntro\nAna Lima: One whale here.\nBo Chen: Two whales there.\n' > a.txt
printf 'Second title\nPart one\nCy Dee: A whale again.\nPart two\nAna Lima: No fish.\n' > b.md
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>Whales sing.\n' > c.vtt
L="$OLDPWD/$LECTERN"
case $LECTERN in /*) L=$LECTERN ;; esac

golden several/outline /dev/stdin $L --outline a.txt b.md c.vtt <<'OUT'
a.txt:Intro
b.md:Part one
b.md:Part two
OUT
golden several/speakers /dev/stdin $L --speakers a.txt b.md c.vtt <<'OUT'
a.txt:Ana Lima	1	3
a.txt:Bo Chen	1	3
b.md:Cy Dee	1	3
b.md:Ana Lima	1	2
c.vtt:Ann Lee	1	2
OUT
golden several/count-total /dev/stdin $L --count=whale a.txt b.md c.vtt <<'OUT'
a.txt:2
b.md:1
c.vtt:1
total:4
OUT
golden several/grep /dev/stdin $L --grep=whale a.txt b.md c.vtt <<'OUT'
a.txt:Intro: Ana Lima: One «whale» here.
a.txt:Intro: Bo Chen: Two «whale»s there.
b.md:Part one: Cy Dee: A «whale» again.
c.vtt:(top): [00:01] Ann Lee: «Whale»s sing.
OUT
golden several/dump /dev/stdin $L --dump=40 a.txt c.vtt <<'OUT'
==> a.txt <==
First title

Intro
=====

Ana Lima: One whale here.

Bo Chen: Two whales there.

==> c.vtt <==
[00:01] Ann Lee: Whales sing.
OUT
# Not a terminal and no mode: the dump, the same way.
golden several/pipe-dumps /dev/stdin sh -c "$L a.txt c.vtt | cat" <<'OUT'
==> a.txt <==
First title

Intro
=====

Ana Lima: One whale here.

Bo Chen: Two whales there.

==> c.vtt <==
[00:01] Ann Lee: Whales sing.
OUT
golden several/blocks /dev/stdin $L --blocks a.txt c.vtt <<'OUT'
==> a.txt <==
# format: plain
0	title		First title
1	heading 1		Intro
2	turn	Ana Lima	One whale here.
3	turn	Bo Chen	Two whales there.

==> c.vtt <==
# format: webvtt; 1 cues
0	turn	Ann Lee	Whales sing.	@00:00:01
OUT
golden several/export /dev/stdin $L --export-highlights a.txt b.md <<'OUT'
==> a.txt <==
# Highlights: First title

==> b.md <==
# Highlights: Second title
OUT
# One file: no names, no total.
golden several/one-count /dev/stdin $L --count=whale a.txt <<'OUT'
2
OUT

# A file that cannot be read is said, the others are shown, status 2.
status several/missing-status 2 $L --count=whale a.txt nope.txt c.vtt
expect several/missing-said "$(cat "$TMP/err")" "lectern: nope.txt: No such file or directory"
expect several/missing-others "$(cat "$TMP/out")" "a.txt:2
c.vtt:1
total:3"

# A folder: the transcripts below it, in natural order (ep2 before
# ep10), hidden files and what is no transcript left out; its name
# before each line even when it holds one file.
printf 'T\nAna Lima: whale two.\n' > season/ep2.txt
printf 'T\nAna Lima: whale ten.\n' > season/ep10.txt
printf 'T\nAna Lima: whale one.\n' > season/sub/ep1.txt
printf 'T\nAna Lima: whale hidden.\n' > .hidden/ep0.txt
printf 'T\nAna Lima: whale dot.\n' > season/.ep3.txt
printf '\211PNG whale\n' > season/cover.png
printf '{"whale": 1}\n' > season/ep2.info.json
# A name that says nothing: SubRip by its content is a transcript, plain
# text is not.
printf '1\n00:00:01,000 --> 00:00:02,000\nWhale in a cue.\n' > season/episode-captions
printf 'whale notes\n' > season/NOTES
golden several/folder /dev/stdin $L --count=whale season <<'OUT'
season/ep2.txt:1
season/ep10.txt:1
season/episode-captions:1
season/sub/ep1.txt:1
total:4
OUT
golden several/folder-one-file /dev/stdin $L --count=whale season/sub <<'OUT'
season/sub/ep1.txt:1
total:1
OUT
golden several/folder-and-file /dev/stdin $L --outline season/sub a.txt <<'OUT'
a.txt:Intro
OUT

# Progress: on a terminal's standard error, for runs past a second (a
# test hook makes it at once); never when standard error is no terminal.
$L --count=whale a.txt b.md > "$TMP/out" 2> "$TMP/err"
check several/no-progress-not-tty test ! -s "$TMP/err"
LECTERN_PROGRESS_MS=0 $L --count=whale a.txt b.md > "$TMP/out" 2> "$TMP/err"
check several/no-progress-not-tty-hook test ! -s "$TMP/err"
cd "$OLDPWD" || exit 2
$PTYRUN -s 80x24 -t 10 -o "$TMP/tty" -e LECTERN_PROGRESS_MS=0 -- \
    sh -c "$L --count=whale '$D/a.txt' '$D/b.md' > '$TMP/out'" < /dev/null
check several/progress-on-tty grep -aq 'lectern: 2/2 reading .*b\.md 100%' "$TMP/tty"
check several/progress-erased grep -aq "$(printf '\r\033\\[K')" "$TMP/tty"
expect several/progress-output "$(cat "$TMP/out")" "$D/a.txt:2
$D/b.md:1
total:3"
# A quick run says nothing, even on a terminal.
$PTYRUN -s 80x24 -t 10 -o "$TMP/tty" -- \
    sh -c "$L --count=whale '$D/a.txt' > /dev/null" < /dev/null
check several/quick-run-silent sh -c "! grep -aq 'reading' '$TMP/tty'"

# A file name with an escape sequence is shown safely before its lines.
mkdir -p "$TMP/hn"
printf 'T\nAna Lima: whale.\n' > "$TMP/hn/$(printf 'a\033]0;pwned\007').txt"
$LECTERN --count whale "$TMP/hn" > "$TMP/out"
check several/hostile-name-safe sh -c "! grep -q \"$(printf '\033')\" '$TMP/out'"
expect several/hostile-name-shown "$(cat "$TMP/out")" "$TMP/hn/a^[]0;pwned^G.txt:1
total:1"
